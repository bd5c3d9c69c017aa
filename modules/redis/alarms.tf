################################################################################
# Alarms (the alarm convention: docs/operations.md). ElastiCache publishes
# host and engine metrics per node (CacheClusterId), so each alarm is made per
# node. Node ids follow from the topology: <id>-001.. with cluster mode off,
# <id>-0001-001.. (shard-node) with it on. A Global Datastore secondary in
# cluster mode inherits its shards: num_node_groups (default 1) is what is
# watched, so pass the primary's shard count to watch every shard.
################################################################################

locals {
  nodes_per_shard = var.replicas_per_node_group + 1
  node_ids = var.cluster_mode ? flatten([
    for shard in range(1, var.num_node_groups + 1) : [
      for node in range(1, local.nodes_per_shard + 1) : format("%s-%04d-%03d", local.id, shard, node)
    ]
    ]) : [
    for node in range(1, local.nodes_per_shard + 1) : format("%s-%03d", local.id, node)
  ]

  # treat_missing_data: usage alarms keep their state ("missing"). ReplicationLag is only
  # reported by replicas and the primary moves on failover, so every node is watched and a
  # node reporting nothing (the primary) is not lagging ("notBreaching").
  alarm_specs = {
    cpu = {
      metric = "CPUUtilization", statistic = "Average", applies = true, missing = "missing"
      unit   = "%", what = "host CPU", anchor = "redis-cpu"
    }
    engine_cpu = {
      metric = "EngineCPUUtilization", statistic = "Average", applies = true, missing = "missing"
      unit   = "%", what = "engine CPU", anchor = "redis-engine-cpu"
    }
    memory = {
      metric = "DatabaseMemoryUsagePercentage", statistic = "Average", applies = true, missing = "missing"
      unit   = "%", what = "memory use", anchor = "redis-memory"
    }
    evictions = {
      metric = "Evictions", statistic = "Sum", applies = true, missing = "missing"
      unit   = "keys/min", what = "evictions", anchor = "redis-evictions"
    }
    replication_lag = {
      metric = "ReplicationLag", statistic = "Maximum", applies = var.replicas_per_node_group > 0, missing = "notBreaching"
      unit   = "s", what = "replication lag", anchor = "redis-replication-lag"
    }
  }

  node_alarms = merge([
    for key, spec in local.alarm_specs : {
      for node in local.node_ids : "${key}/${node}" => merge(spec, var.alarms[key], { key = key, node = node })
    } if spec.applies && var.alarms[key].enabled
  ]...)
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.node_alarms

  alarm_name = "${each.value.node}-${replace(each.value.key, "_", "-")}"
  alarm_description = format(
    "%s: %s of Redis node %s above %v %s for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.value.what, each.value.node, each.value.threshold,
    each.value.unit, each.value.minutes, local.region, each.value.anchor,
  )
  namespace           = "AWS/ElastiCache"
  metric_name         = each.value.metric
  dimensions          = { CacheClusterId = each.value.node }
  statistic           = each.value.statistic
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${each.value.node}-${each.value.key}", Severity = each.value.severity })

  depends_on = [aws_elasticache_replication_group.this]
}
