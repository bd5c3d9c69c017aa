################################################################################
# Alarms (the alarm convention: docs/operations.md). Always created with the load
# balancer; alarm_actions maps a severity to its SNS topics, and an alarm whose
# severity has no entry goes to the critical topics.
################################################################################

locals {
  lb_dimension = { LoadBalancer = aws_lb.this.arn_suffix }

  # 5xx rates: per cent of the requests in a minute, a ratio that means the same at 10 and at
  # 10,000 requests a minute. ELB 5xx counts answers the load balancer made itself (no healthy
  # target, a target that reset or timed out); target 5xx counts the applications' own. A
  # minute without requests has no ratio: the alarm keeps its state ("missing"), since an
  # idle front door is neither failing nor proven healthy (the unhealthy-hosts alarm says
  # whether anything can answer).
  # The error rate adds both: what a client saw fail, whoever answered (a lower, slower
  # warning tier under the two critical ones, as BizFlow's runbook asks).
  rate_specs = {
    elb_5xx = {
      metrics = ["HTTPCode_ELB_5XX_Count"], what = "5xx answered by the load balancer itself"
      anchor  = "alb-elb-5xx"
    }
    target_5xx = {
      metrics = ["HTTPCode_Target_5XX_Count"], what = "5xx answered by the targets"
      anchor  = "alb-target-5xx"
    }
    error_rate = {
      metrics = ["HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count"]
      what    = "5xx of any origin (load balancer and targets)", anchor = "alb-error-rate"
    }
  }
  rate_alarms = {
    for key, spec in local.rate_specs : key => merge(spec, var.alarms[key]) if var.alarms[key].enabled
  }

  # Latency percentiles of TargetResponseTime (seconds, from the request leaving the load
  # balancer to the target's answer). No requests, no percentile: state kept ("missing").
  latency_specs = {
    latency_p99 = { percentile = "p99", anchor = "alb-latency" }
    latency_p95 = { percentile = "p95", anchor = "alb-latency" }
  }
  latency_alarms = {
    for key, spec in local.latency_specs : key => merge(spec, var.alarms[key]) if var.alarms[key].enabled
  }
}

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  for_each = local.rate_alarms

  alarm_name = "${var.name}-${replace(each.key, "_", "-")}"
  alarm_description = format(
    "%s: %s above %v%% of the requests of load balancer %s for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.value.what, each.value.threshold, var.name, each.value.minutes,
    local.region, each.value.anchor,
  )
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "missing"

  metric_query {
    id          = "rate"
    expression  = "100 * (${join(" + ", [for i, _ in each.value.metrics : "FILL(errors${i}, 0)"])}) / requests"
    label       = "${join(" + ", each.value.metrics)} per cent of RequestCount"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = each.value.metrics
    content {
      id = "errors${metric_query.key}"
      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = metric_query.value
        dimensions  = local.lb_dimension
        stat        = "Sum"
        period      = 60
      }
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = local.lb_dimension
      stat        = "Sum"
      period      = 60
    }
  }

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${var.name}-${replace(each.key, "_", "-")}", Severity = each.value.severity })
}

resource "aws_cloudwatch_metric_alarm" "latency" {
  for_each = local.latency_alarms

  alarm_name = "${var.name}-${replace(each.key, "_", "-")}"
  alarm_description = format(
    "%s: %s target response time of load balancer %s above %v s for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.value.percentile, var.name, each.value.threshold, each.value.minutes,
    local.region, each.value.anchor,
  )
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = local.lb_dimension
  extended_statistic  = each.value.percentile
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "missing"

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${var.name}-${replace(each.key, "_", "-")}", Severity = each.value.severity })
}

# One per target group: an availability alarm, so a target group that stops reporting
# (its load balancer or listener rule gone) is breaching, never silently fine.
resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  for_each = var.alarms.unhealthy_hosts.enabled ? var.targets : {}

  alarm_name = "${each.value.name}-unhealthy-hosts"
  alarm_description = format(
    "%s: more than %v unhealthy targets in target group %s (%s) of load balancer %s for %d min (%s). Runbook: docs/runbooks.md#alb-unhealthy-hosts",
    title(var.alarms.unhealthy_hosts.severity), var.alarms.unhealthy_hosts.threshold, each.value.name, each.key,
    var.name, var.alarms.unhealthy_hosts.minutes, local.region,
  )
  namespace   = "AWS/ApplicationELB"
  metric_name = "UnHealthyHostCount"
  dimensions = {
    LoadBalancer = aws_lb.this.arn_suffix
    TargetGroup  = aws_lb_target_group.this[each.key].arn_suffix
  }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = var.alarms.unhealthy_hosts.minutes
  datapoints_to_alarm = var.alarms.unhealthy_hosts.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarms.unhealthy_hosts.threshold
  treat_missing_data  = "breaching"

  alarm_actions = lookup(var.alarm_actions, var.alarms.unhealthy_hosts.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, var.alarms.unhealthy_hosts.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${each.value.name}-unhealthy-hosts", Target = each.key, Severity = var.alarms.unhealthy_hosts.severity })
}
