################################################################################
# Alarms (the alarm convention: docs/operations.md). Container Insights publishes the
# cluster's node counts; without it there is nothing to watch, so no alarm. alarm_actions maps
# a severity to its SNS topics, and an alarm whose severity has no entry goes to the critical
# topics.
################################################################################

locals {
  cluster_dimension = { ClusterName = aws_eks_cluster.this.name }

  # The fewest nodes the node groups promise; Karpenter's nodes come on top of them.
  minimum_nodes        = sum(concat([0], [for ng in var.node_groups : ng.min_size]))
  node_count_threshold = coalesce(var.alarms.node_count.threshold, local.minimum_nodes)

  node_alarms = var.container_insights ? merge(
    var.alarms.node_count.enabled && local.node_count_threshold > 0 ? {
      node_count = merge(var.alarms.node_count, {
        metric    = "cluster_node_count", comparison = "LessThanThreshold"
        threshold = local.node_count_threshold, statistic = "Minimum"
        what      = "fewer than %v nodes are Ready"
        missing   = "breaching" # a cluster (or its agent) that stops reporting is not healthy
        runbook   = "eks-node-count"
      })
    } : {},
    var.alarms.failed_nodes.enabled ? {
      failed_nodes = merge(var.alarms.failed_nodes, {
        metric    = "cluster_failed_node_count", comparison = "GreaterThanThreshold"
        statistic = "Maximum"
        what      = "more than %v nodes are failing (NotReady or under pressure)"
        missing   = "missing" # no report says nothing about failures: the node count alarm does
        runbook   = "eks-failed-nodes"
      })
    } : {},
  ) : {}
}

resource "aws_cloudwatch_metric_alarm" "nodes" {
  for_each = local.node_alarms

  alarm_name = "${var.cluster_name}-${replace(each.key, "_", "-")}"
  alarm_description = format(
    "%s: %s in EKS cluster %s for %d min (%s). Runbook: docs/runbooks.md#%s",
    title(each.value.severity), format(each.value.what, each.value.threshold), var.cluster_name,
    each.value.minutes, local.region, each.value.runbook,
  )
  namespace           = "ContainerInsights"
  metric_name         = each.value.metric
  dimensions          = local.cluster_dimension
  statistic           = each.value.statistic
  period              = 60
  evaluation_periods  = each.value.minutes
  datapoints_to_alarm = each.value.minutes
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing

  alarm_actions = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, each.value.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(local.tags, { Name = "${var.cluster_name}-${replace(each.key, "_", "-")}", Severity = each.value.severity })

  depends_on = [aws_eks_addon.this]
}
