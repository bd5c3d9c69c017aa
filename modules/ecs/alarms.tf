################################################################################
# Health alarms (the alarm convention: docs/operations.md). ECS publishes CPU
# and memory per service every minute; Container Insights (on for the cluster)
# publishes the running-task count, watched only for services that must run.
################################################################################

locals {
  # Saturation alarms keep their state when the service reports nothing ("missing"); the
  # running-task count is an availability alarm: a service that stops reporting breaches.
  health_alarms = {
    cpu = {
      metric = "CPUUtilization", namespace = "AWS/ECS", what = "average CPU", unit = "%"
      anchor = "ecs-cpu", missing = "missing"
    }
    memory = {
      metric = "MemoryUtilization", namespace = "AWS/ECS", what = "average memory", unit = "%"
      anchor = "ecs-memory", missing = "missing"
    }
  }
  saturation = {
    for key, spec in local.health_alarms : key => {
      for name, service in var.services : name => merge(spec, var.alarms[key], { name = service.name })
    } if var.alarms[key].enabled
  }
  running_tasks = var.alarms.running_tasks.enabled ? {
    for name, service in local.with_min : name => merge(var.alarms.running_tasks, { name = service.name, min = coalesce(var.alarms.running_tasks.threshold, service.min) })
  } : {}
}

resource "aws_cloudwatch_metric_alarm" "cpu_high" {
  for_each = lookup(local.saturation, "cpu", {})

  alarm_name = "${each.value.name}-cpu-high"
  alarm_description = format(
    "%s: ECS service %s %s above %v%% for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.key, each.value.what, each.value.threshold,
    each.value.minutes, local.region, each.value.anchor,
  )
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = { ClusterName = aws_ecs_cluster.this.name, ServiceName = each.key }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Severity = each.value.severity })
}

resource "aws_cloudwatch_metric_alarm" "memory_high" {
  for_each = lookup(local.saturation, "memory", {})

  alarm_name = "${each.value.name}-memory-high"
  alarm_description = format(
    "%s: ECS service %s %s above %v%% for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), each.key, each.value.what, each.value.threshold,
    each.value.minutes, local.region, each.value.anchor,
  )
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  dimensions          = { ClusterName = aws_ecs_cluster.this.name, ServiceName = each.key }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Severity = each.value.severity })
}

# Below the auto-scaling minimum: the service cannot serve what it was sized for.
resource "aws_cloudwatch_metric_alarm" "tasks_low" {
  for_each = local.running_tasks

  alarm_name = "${each.value.name}-tasks-low"
  alarm_description = format(
    "%s: ECS service %s runs fewer than %d tasks for %d min (%s). Runbook: docs/runbooks.md#ecs-running-tasks",
    title(each.value.severity), each.key, each.value.min, each.value.minutes, local.region,
  )
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  dimensions          = { ClusterName = aws_ecs_cluster.this.name, ServiceName = each.key }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = "LessThanThreshold"
  threshold           = each.value.min
  treat_missing_data  = "breaching"

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Severity = each.value.severity })
}
