mock_provider "aws" {
  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "111122223333"
      arn        = "arn:aws:iam::111122223333:user/terraform"
      user_id    = "AIDAEXAMPLE"
    }
  }

  override_data {
    target = data.aws_partition.current
    values = {
      partition          = "aws"
      dns_suffix         = "amazonaws.com"
      reverse_dns_prefix = "com.amazonaws"
    }
  }

  override_data {
    target = data.aws_region.current
    values = {
      name     = "ap-south-1"
      endpoint = "ec2.ap-south-1.amazonaws.com"
    }
  }

  mock_resource "aws_kms_key" {
    override_during = plan
    defaults = {
      arn    = "arn:aws:kms:ap-south-1:111122223333:key/0b2a6f1e-1111-2222-3333-444455556666"
      key_id = "0b2a6f1e-1111-2222-3333-444455556666"
    }
  }

  mock_resource "aws_sns_topic" {
    override_during = plan
    defaults = {
      arn = "arn:aws:sns:ap-south-1:111122223333:mock"
    }
  }
}

variables {
  name_prefix = "bizflow-production"
  topics = {
    critical = {
      email = ["oncall@bizflow.app"]
      https = ["https://events.pagerduty.com/integration/x/enqueue"]
    }
    warning = {}
  }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_sns_topic.this["critical"].name == "bizflow-production-critical" && length(aws_sns_topic.this) == 2
    error_message = "One topic per severity, named <name_prefix>-<severity>."
  }

  assert {
    condition     = alltrue([for t in aws_sns_topic.this : t.kms_master_key_id == aws_kms_key.this.arn])
    error_message = "Every topic must be encrypted with the module's KMS key."
  }

  assert {
    condition     = aws_kms_key.this.enable_key_rotation && aws_kms_key.this.deletion_window_in_days == 30 && !aws_kms_key.this.bypass_policy_lockout_safety_check
    error_message = "The key must rotate, keep a 30-day deletion window and never bypass the lockout check."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.this.policy).Statement : try(
        s.Sid == "AllowPublishersOfThisAccount" &&
        contains(s.Principal.Service, "cloudwatch.amazonaws.com") &&
        contains(s.Principal.Service, "budgets.amazonaws.com") &&
        contains(s.Principal.Service, "events.amazonaws.com") &&
        s.Condition.StringEquals["aws:SourceAccount"] == "111122223333",
      false)
    ])
    error_message = "The key must let CloudWatch, Budgets and EventBridge of this account use it."
  }

  assert {
    condition = alltrue([
      for p in aws_sns_topic_policy.this : anytrue([
        for s in jsondecode(p.policy).Statement : try(
          s.Effect == "Allow" && s.Action == "sns:Publish" &&
          toset(s.Principal.Service) == toset(["budgets.amazonaws.com", "cloudwatch.amazonaws.com", "costalerts.amazonaws.com", "events.amazonaws.com"]) &&
          s.Condition.StringEquals["aws:SourceAccount"] == "111122223333",
        false)
      ])
    ])
    error_message = "Topic policies must allow exactly the publishing services, of this account only."
  }

  assert {
    condition = alltrue([
      for p in aws_sns_topic_policy.this : anytrue([
        for s in jsondecode(p.policy).Statement : try(s.Effect == "Deny" && s.Action == "sns:Publish" && s.Principal.AWS == "*" && length(s.Condition.StringNotEquals["aws:PrincipalServiceName"]) == 4, false)
      ])
    ])
    error_message = "Topic policies must deny publishing to everyone but the publishing services."
  }

  assert {
    condition = alltrue([
      for p in aws_sns_topic_policy.this : !anytrue([
        for s in jsondecode(p.policy).Statement : s.Effect == "Allow" && try(s.Principal.AWS == "*", false)
      ])
    ])
    error_message = "No topic policy may allow a \"*\" principal."
  }

  assert {
    condition     = length(aws_sns_topic_subscription.this) == 2 && aws_sns_topic_subscription.this["critical/email/oncall@bizflow.app"].protocol == "email" && aws_sns_topic_subscription.this["critical/https/https://events.pagerduty.com/integration/x/enqueue"].protocol == "https"
    error_message = "Each e-mail address and HTTPS endpoint must get a subscription to its severity's topic."
  }

  assert {
    condition     = output.subscription_counts["critical"] == 2 && output.subscription_counts["warning"] == 0
    error_message = "subscription_counts must count subscriptions per severity."
  }

  assert {
    condition     = aws_kms_alias.this.name == "alias/bizflow-production-notifications"
    error_message = "The key must be aliased alias/<name_prefix>-notifications."
  }
}

run "name_prefix_rejected" {
  command = plan
  variables { name_prefix = "biz flow" }
  expect_failures = [var.name_prefix]
}

run "no_topics_rejected" {
  command = plan
  variables { topics = {} }
  expect_failures = [var.topics]
}

run "severity_rejected" {
  command = plan
  variables {
    topics = { Critical = {} }
  }
  expect_failures = [var.topics]
}

run "email_rejected" {
  command = plan
  variables {
    topics = { critical = { email = ["oncall"] } }
  }
  expect_failures = [var.topics]
}

run "plain_http_rejected" {
  command = plan
  variables {
    topics = { critical = { https = ["http://example.com/hook"] } }
  }
  expect_failures = [var.topics]
}

run "extra_publisher_rejected" {
  command = plan
  variables { extra_publishers = ["*"] }
  expect_failures = [var.extra_publishers]
}

run "tag_value_too_long_rejected" {
  command = plan
  variables {
    tags = { Project = format("%257s", "x") }
  }
  expect_failures = [var.tags]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = length(module.notifications.topic_arns) == 2
    error_message = "The basic example must plan its two topics."
  }
}
