################################################################################
# Alarms (the alarm convention: docs/operations.md). Always created with the
# cluster; alarm_actions maps a severity to its SNS topics, and an alarm whose
# severity has no entry goes to the critical topics.
#
# Aurora publishes instance metrics under DBClusterIdentifier as well: one datapoint per
# instance, so Maximum (Minimum for memory) over a minute is the worst instance's value and
# one alarm per cluster watches every instance, readers added later included.
################################################################################

locals {
  mib = 1048576

  # key => metric, comparison, statistic, unit scale, whether it applies, and what missing
  # data means: usage alarms keep their state ("missing"); lag is about the availability of
  # the copy, so a copy that stops reporting is "breaching". A headless secondary has no
  # instance: nothing reports instance metrics, so those alarms do not exist there.
  alarm_specs = {
    cpu = {
      metric = "CPUUtilization", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1, applies = local.instance_count > 0, missing = "missing", unit = "%"
      what   = "CPU utilisation", anchor = "aurora-cpu"
    }
    freeable_memory = {
      metric = "FreeableMemory", comparison = "LessThanThreshold", statistic = "Minimum"
      scale  = local.mib, applies = local.instance_count > 0, missing = "missing", unit = "MiB"
      what   = "freeable memory", anchor = "aurora-freeable-memory"
    }
    connections = {
      metric = "DatabaseConnections", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1, applies = local.instance_count > 0, missing = "missing", unit = "connections"
      what   = "connections", anchor = "aurora-connections"
    }
    # Readers of this cluster behind its writer (AuroraReplicaLag is in milliseconds).
    replica_lag = {
      metric = "AuroraReplicaLag", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1000, applies = local.has_writer && var.readers > 0, missing = "breaching", unit = "s"
      what   = "reader replica lag", anchor = "aurora-replica-lag"
    }
    # A Global Database secondary behind its primary region (milliseconds), published on the
    # secondary cluster in its own region.
    global_replication_lag = {
      metric = "AuroraGlobalDBReplicationLag", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1000, applies = local.is_secondary, missing = "breaching", unit = "s"
      what   = "Global Database replication lag", anchor = "aurora-global-replication-lag"
    }
    # Serverless v2: ACUUtilization is ServerlessDatabaseCapacity as a percentage of
    # max_capacity; near 100 the cluster cannot grow further.
    serverless_capacity = {
      metric = "ACUUtilization", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1, applies = local.serverless && local.instance_count > 0, missing = "missing", unit = "% of max ACU"
      what   = "serverless capacity", anchor = "aurora-serverless-capacity"
    }
  }

  alarms = {
    for key, spec in local.alarm_specs : key => merge(spec, var.alarms[key])
    if spec.applies && var.alarms[key].enabled
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name = "${var.identifier}-${replace(each.key, "_", "-")}"
  alarm_description = format(
    "%s: %s of Aurora cluster %s %s %v %s for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.value.what, var.identifier,
    each.value.comparison == "GreaterThanThreshold" ? "above" : "below",
    each.value.threshold, each.value.unit, each.value.minutes, local.region, each.value.anchor,
  )
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  dimensions          = { DBClusterIdentifier = aws_rds_cluster.this.cluster_identifier }
  statistic           = each.value.statistic
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold * each.value.scale
  treat_missing_data  = each.value.missing

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(local.tags, { Severity = each.value.severity })
}
