mock_provider "aws" {
  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "111122223333"
    }
  }

  mock_resource "aws_ce_anomaly_monitor" {
    override_during = plan
    defaults = {
      arn = "arn:aws:ce::111122223333:anomalymonitor/0b2a6f1e-1111-2222-3333-444455556666"
    }
  }
}

variables {
  name_prefix = "teddybear-production"
  budgets = {
    environment = { amount = 15000 }
    "us-east-1" = { amount = 5000, regions = ["us-east-1"] }
    "eu-west-1" = { amount = 5000, regions = ["eu-west-1"] }
  }
  topic_arns = ["arn:aws:sns:us-east-1:111122223333:teddybear-production-global-warning"]
}

run "budgets_tell_their_topics" {
  command = plan

  assert {
    condition     = aws_budgets_budget.this["us-east-1"].name == "teddybear-production-us-east-1" && aws_budgets_budget.this["us-east-1"].limit_amount == "5000.00" && aws_budgets_budget.this["us-east-1"].limit_unit == "USD" && aws_budgets_budget.this["us-east-1"].time_unit == "MONTHLY" && aws_budgets_budget.this["us-east-1"].budget_type == "COST" && aws_budgets_budget.this["us-east-1"].account_id == "111122223333"
    error_message = "Monthly USD cost budgets of this account named <name_prefix>-<key> with their amount."
  }

  assert {
    condition     = one(aws_budgets_budget.this["eu-west-1"].cost_filter).name == "Region" && one(aws_budgets_budget.this["eu-west-1"].cost_filter).values == tolist(["eu-west-1"]) && length(aws_budgets_budget.this["environment"].cost_filter) == 0
    error_message = "A region's budget filters on its region; the environment budget counts the whole account."
  }

  assert {
    condition = alltrue([
      for b in aws_budgets_budget.this : length(b.notification) == 3 && alltrue([
        for n in b.notification : n.subscriber_sns_topic_arns == toset(var.topic_arns) && n.threshold_type == "PERCENTAGE"
      ])
    ])
    error_message = "Every budget tells the topics at 80% and 100% actual and 100% forecast spend."
  }

  assert {
    condition     = length(aws_ce_anomaly_monitor.this) == 0 && length(aws_ce_anomaly_subscription.this) == 0
    error_message = "No anomaly monitor unless asked for."
  }
}

run "anomaly_monitor" {
  command = plan

  variables {
    anomaly_monitor = { impact_usd = 50 }
  }

  assert {
    condition     = aws_ce_anomaly_subscription.this[0].frequency == "IMMEDIATE" && one(aws_ce_anomaly_subscription.this[0].subscriber).address == var.topic_arns[0] && contains(one(one(aws_ce_anomaly_subscription.this[0].threshold_expression).dimension).values, "50.00")
    error_message = "Anomalies above the impact tell the topics immediately."
  }
}

run "budget_without_topic_rejected" {
  command = plan
  variables { topic_arns = [] }
  expect_failures = [var.topic_arns]
}

run "budget_without_thresholds_rejected" {
  command = plan
  variables {
    actual_thresholds   = []
    forecast_thresholds = []
  }
  expect_failures = [var.forecast_thresholds]
}

run "currency_rejected" {
  command = plan
  variables { currency = "INR" }
  expect_failures = [var.currency]
}

run "amount_rejected" {
  command = plan
  variables {
    budgets = { environment = { amount = 0 } }
  }
  expect_failures = [var.budgets]
}

run "region_rejected" {
  command = plan
  variables {
    budgets = { mumbai = { amount = 10, regions = ["mumbai"] } }
  }
  expect_failures = [var.budgets]
}

run "name_prefix_rejected" {
  command = plan
  variables { name_prefix = "teddy bear" }
  expect_failures = [var.name_prefix]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.budgets.data.aws_caller_identity.current
    values = { account_id = "111122223333" }
  }

  assert {
    condition     = length(module.budgets.budget_names) == 2
    error_message = "The basic example must plan its two budgets."
  }
}
