data "aws_caller_identity" "current" {}

locals {
  # Each budget tells its topics at every actual and forecast threshold (percent of the limit).
  thresholds = concat(
    [for t in var.actual_thresholds : { type = "ACTUAL", percent = t }],
    [for t in var.forecast_thresholds : { type = "FORECASTED", percent = t }],
  )
}

resource "aws_budgets_budget" "this" {
  for_each = var.budgets

  # Stated, not left to the provider: the budget's ID is <account>:<name>.
  account_id   = data.aws_caller_identity.current.account_id
  name         = "${var.name_prefix}-${each.key}"
  budget_type  = "COST"
  limit_amount = format("%.2f", each.value.amount)
  limit_unit   = var.currency
  time_unit    = "MONTHLY"

  dynamic "cost_filter" {
    for_each = length(each.value.regions) > 0 ? [each.value.regions] : []
    content {
      name   = "Region"
      values = sort(cost_filter.value)
    }
  }

  dynamic "notification" {
    for_each = local.thresholds
    content {
      comparison_operator       = "GREATER_THAN"
      threshold                 = notification.value.percent
      threshold_type            = "PERCENTAGE"
      notification_type         = notification.value.type
      subscriber_sns_topic_arns = var.topic_arns
    }
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-${each.key}" })
}

# Cost Anomaly Detection: one monitor over every AWS service of the account, telling the
# topics immediately (SNS subscribers require IMMEDIATE) about anomalies above the impact.
resource "aws_ce_anomaly_monitor" "this" {
  count = var.anomaly_monitor != null ? 1 : 0

  name              = "${var.name_prefix}-services"
  monitor_type      = "DIMENSIONAL"
  monitor_dimension = "SERVICE"

  tags = var.tags
}

resource "aws_ce_anomaly_subscription" "this" {
  count = var.anomaly_monitor != null ? 1 : 0

  name             = "${var.name_prefix}-anomalies"
  frequency        = "IMMEDIATE"
  monitor_arn_list = [aws_ce_anomaly_monitor.this[0].arn]

  threshold_expression {
    dimension {
      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"
      match_options = ["GREATER_THAN_OR_EQUAL"]
      values        = [format("%.2f", var.anomaly_monitor.impact_usd)]
    }
  }

  dynamic "subscriber" {
    for_each = var.topic_arns
    content {
      type    = "SNS"
      address = subscriber.value
    }
  }

  tags = var.tags
}
