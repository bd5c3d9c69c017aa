################################################################################
# Alarms (the alarm convention: docs/operations.md). Route 53 publishes
# HealthCheckStatus in us-east-1 only, where this module runs: one alarm per
# endpoint health check. It is an availability alarm: a check that stops
# reporting is breaching, never silently fine.
################################################################################

locals {
  health_alarm = merge({ enabled = true, threshold = 1, minutes = 1, severity = "critical" }, var.alarms.health_check)
}

resource "aws_cloudwatch_metric_alarm" "health_check" {
  for_each = local.health_alarm.enabled ? var.endpoints : {}

  alarm_name = "${var.domain_name}-${each.key}-health"
  alarm_description = format(
    "%s: the %s endpoint of %s (%s) has failed its Route 53 health check for %d min. Runbook: docs/runbooks.md#route53-health-check",
    title(local.health_alarm.severity), each.key, var.domain_name, local.endpoints[each.key].target, local.health_alarm.minutes,
  )
  namespace           = "AWS/Route53"
  metric_name         = "HealthCheckStatus"
  dimensions          = { HealthCheckId = aws_route53_health_check.this[each.key].id }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = local.health_alarm.minutes
  datapoints_to_alarm = local.health_alarm.minutes
  comparison_operator = "LessThanThreshold"
  threshold           = local.health_alarm.threshold
  treat_missing_data  = "breaching"

  alarm_actions = lookup(var.alarm_actions, local.health_alarm.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, local.health_alarm.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${var.domain_name}-${each.key}-health", Severity = local.health_alarm.severity })
}
