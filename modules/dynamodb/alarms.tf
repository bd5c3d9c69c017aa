################################################################################
# Alarms (the alarm convention: docs/operations.md), per table; alarm_actions maps a
# severity to its SNS topics, and an alarm whose severity has no entry goes to the critical
# topics.
################################################################################

locals {
  # DynamoDB publishes throttle and error counts only in minutes that have some: a minute
  # without a datapoint had none, so these alarms treat missing data as notBreaching (the
  # count is zero, not unknown).
  throttle_alarms = var.alarms.throttles.enabled ? merge([
    for key, t in local.tables : {
      for dimension in ["read", "write"] : "${key}/${dimension}" => {
        table  = key, name = t.name, dimension = dimension
        metric = "${title(dimension)}ThrottleEvents"
      }
    }
  ]...) : {}

  # SystemErrors is published per operation: the alarm adds up the item and query operations
  # applications use (at most ten metrics in an alarm; Scan is left to the tenant policy's
  # refusal and to batch jobs' own retries).
  error_operations = ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "BatchGetItem", "BatchWriteItem", "TransactWriteItems"]
  error_alarms     = var.alarms.system_errors.enabled ? local.tables : {}

  # Global tables: ReplicationLatency per receiving region, published in this (the source)
  # region. A table without writes reports nothing: the alarm keeps its state ("missing"),
  # never OK by default; a stalled replica shows as latency climbing.
  replication_alarms = var.alarms.replication_latency.enabled ? merge([
    for key, t in local.tables : {
      for region in keys(t.replicas) : "${key}/${region}" => { table = key, name = t.name, region = region }
    }
  ]...) : {}
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = local.throttle_alarms

  alarm_name = "${each.value.name}-${each.value.dimension}-throttles"
  alarm_description = format(
    "%s: more than %v %s throttle events a minute on DynamoDB table %s for %d min (%s). Runbook: docs/runbooks.md#dynamodb-throttles",
    title(var.alarms.throttles.severity), var.alarms.throttles.threshold, each.value.dimension, each.value.name,
    var.alarms.throttles.minutes, local.region,
  )
  namespace           = "AWS/DynamoDB"
  metric_name         = each.value.metric
  dimensions          = { TableName = aws_dynamodb_table.this[each.value.table].name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = var.alarms.throttles.minutes
  datapoints_to_alarm = var.alarms.throttles.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarms.throttles.threshold
  treat_missing_data  = "notBreaching"

  alarm_actions = lookup(var.alarm_actions, var.alarms.throttles.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, var.alarms.throttles.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${each.value.name}-${each.value.dimension}-throttles", Severity = var.alarms.throttles.severity })
}

resource "aws_cloudwatch_metric_alarm" "system_errors" {
  for_each = local.error_alarms

  alarm_name = "${each.value.name}-system-errors"
  alarm_description = format(
    "%s: more than %v DynamoDB system errors (HTTP 500) a minute on table %s for %d min (%s). Runbook: docs/runbooks.md#dynamodb-system-errors",
    title(var.alarms.system_errors.severity), var.alarms.system_errors.threshold, each.value.name,
    var.alarms.system_errors.minutes, local.region,
  )
  evaluation_periods  = var.alarms.system_errors.minutes
  datapoints_to_alarm = var.alarms.system_errors.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarms.system_errors.threshold
  treat_missing_data  = "notBreaching"

  metric_query {
    id          = "errors"
    expression  = "SUM(METRICS(\"op\"))"
    label       = "SystemErrors of ${each.value.name}"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.error_operations
    content {
      id = "op${metric_query.key}"
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = "SystemErrors"
        dimensions  = { TableName = aws_dynamodb_table.this[each.key].name, Operation = metric_query.value }
        stat        = "Sum"
        period      = 60
      }
    }
  }

  alarm_actions = lookup(var.alarm_actions, var.alarms.system_errors.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, var.alarms.system_errors.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${each.value.name}-system-errors", Severity = var.alarms.system_errors.severity })
}

resource "aws_cloudwatch_metric_alarm" "replication_latency" {
  for_each = local.replication_alarms

  alarm_name = "${each.value.name}-replication-${each.value.region}"
  alarm_description = format(
    "%s: replication of DynamoDB global table %s from %s to %s slower than %v s for %d min. Runbook: docs/runbooks.md#dynamodb-replication-latency",
    title(var.alarms.replication_latency.severity), each.value.name, local.region, each.value.region,
    var.alarms.replication_latency.threshold, var.alarms.replication_latency.minutes,
  )
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReplicationLatency"
  dimensions          = { TableName = aws_dynamodb_table.this[each.value.table].name, ReceivingRegion = each.value.region }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = var.alarms.replication_latency.minutes
  datapoints_to_alarm = var.alarms.replication_latency.minutes
  comparison_operator = "GreaterThanThreshold"
  # Milliseconds in CloudWatch, seconds in alarms.
  threshold          = var.alarms.replication_latency.threshold * 1000
  treat_missing_data = "missing"

  alarm_actions = lookup(var.alarm_actions, var.alarms.replication_latency.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, var.alarms.replication_latency.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${each.value.name}-replication-${each.value.region}", Severity = var.alarms.replication_latency.severity })
}
