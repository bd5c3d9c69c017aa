################################################################################
# Alarms (the alarm convention: docs/operations.md). Always created with the
# instance; alarm_actions maps a severity to its SNS topics, and an alarm whose
# severity has no entry goes to the critical topics.
################################################################################

locals {
  gib = 1073741824
  mib = 1048576

  # key => metric, comparison, statistic, unit scale, and what missing data means: usage
  # alarms keep their state ("missing"); replica lag is about availability of the copy, so a
  # replica that stops reporting is "breaching". The replica_lag alarm exists on every
  # instance: whether this one is a replica can be unknown at plan (replicate_source_db
  # from another module), and for_each keys must be known. A primary reports no ReplicaLag,
  # so its alarm treats missing data as notBreaching and stays OK.
  alarm_specs = {
    cpu = {
      metric = "CPUUtilization", comparison = "GreaterThanThreshold", statistic = "Average"
      scale  = 1, applies = true, missing = "missing", unit = "%"
      what   = "CPU utilisation", anchor = "rds-cpu"
    }
    free_storage = {
      metric = "FreeStorageSpace", comparison = "LessThanThreshold", statistic = "Minimum"
      scale  = local.gib, applies = true, missing = "missing", unit = "GiB"
      what   = "free storage", anchor = "rds-free-storage"
    }
    freeable_memory = {
      metric = "FreeableMemory", comparison = "LessThanThreshold", statistic = "Minimum"
      scale  = local.mib, applies = true, missing = "missing", unit = "MiB"
      what   = "freeable memory", anchor = "rds-freeable-memory"
    }
    replica_lag = {
      metric = "ReplicaLag", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1, applies = true, missing = local.is_replica ? "breaching" : "notBreaching", unit = "s"
      what   = "replica lag", anchor = "rds-replica-lag"
    }
    connections = {
      metric = "DatabaseConnections", comparison = "GreaterThanThreshold", statistic = "Maximum"
      scale  = 1, applies = true, missing = "missing", unit = "connections"
      what   = "connections", anchor = "rds-connections"
    }
  }

  alarms = {
    for key, spec in local.alarm_specs : key => merge(spec, var.alarms[key])
    if var.create_instance && spec.applies && var.alarms[key].enabled
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name = "${var.identifier}-${replace(each.key, "_", "-")}"
  alarm_description = format(
    "%s: %s of RDS instance %s %s %v %s for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.value.what, var.identifier,
    each.value.comparison == "GreaterThanThreshold" ? "above" : "below",
    each.value.threshold, each.value.unit, each.value.minutes, local.region, each.value.anchor,
  )
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  dimensions          = { DBInstanceIdentifier = aws_db_instance.this[0].identifier }
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
