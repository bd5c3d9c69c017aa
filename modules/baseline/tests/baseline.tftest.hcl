mock_provider "aws" {
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

  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "111122223333"
      arn        = "arn:aws:iam::111122223333:root"
      user_id    = "111122223333"
    }
  }
}

variables {
  name_prefix         = "bizflow-production"
  findings_topic_arns = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"]
  config_bucket_name  = "bizflow-production-audit-ap-south-1"
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_guardduty_detector.this[0].enable && aws_guardduty_detector.this[0].finding_publishing_frequency == "FIFTEEN_MINUTES"
    error_message = "GuardDuty must be on by default, publishing every 15 minutes."
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.guardduty_findings[0].event_pattern).source == ["aws.guardduty"] && jsondecode(aws_cloudwatch_event_rule.guardduty_findings[0].event_pattern).detail.severity[0].numeric == [">=", 4]
    error_message = "GuardDuty findings of medium severity or more must be matched."
  }

  assert {
    condition     = aws_cloudwatch_event_target.guardduty_findings[0].arn == "arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"
    error_message = "Findings must reach the critical topic."
  }

  assert {
    condition     = aws_securityhub_account.this[0].enable_default_standards == false && aws_securityhub_standards_subscription.fsbp[0].standards_arn == "arn:aws:securityhub:ap-south-1::standards/aws-foundational-security-best-practices/v/1.0.0"
    error_message = "Security Hub must subscribe to the AWS Foundational Security Best Practices standard of its region."
  }

  assert {
    condition     = aws_config_configuration_recorder.this[0].recording_group[0].all_supported && !aws_config_configuration_recorder.this[0].recording_group[0].include_global_resource_types && aws_config_configuration_recorder_status.this[0].is_enabled
    error_message = "AWS Config must record every supported type (global ones only where asked) and be enabled."
  }

  assert {
    condition     = aws_config_delivery_channel.this[0].s3_bucket_name == "bizflow-production-audit-ap-south-1" && aws_config_delivery_channel.this[0].s3_key_prefix == "config" && aws_iam_role.config[0].name == "bizflow-production-config-ap-south-1"
    error_message = "AWS Config must deliver to the audit bucket under config/ with the region's role."
  }

  assert {
    condition     = aws_iam_role_policy_attachment.config[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole" && jsondecode(aws_iam_role_policy.config_delivery[0].policy).Statement[2].Condition.StringEquals["kms:ViaService"] == "s3.ap-south-1.amazonaws.com"
    error_message = "The Config role must have AWS_ConfigRole and use the audit key only through S3 of the bucket's region."
  }
}

run "run_centrally" {
  command = plan

  variables {
    guardduty          = false
    securityhub        = false
    config             = false
    config_bucket_name = null
  }

  assert {
    condition     = length(aws_guardduty_detector.this) == 0 && length(aws_cloudwatch_event_rule.guardduty_findings) == 0 && length(aws_securityhub_account.this) == 0 && length(aws_config_configuration_recorder.this) == 0 && length(aws_iam_role.config) == 0
    error_message = "Each part can be turned off where an organisation runs it centrally."
  }
}

run "name_prefix_rejected" {
  command = plan
  variables { name_prefix = "biz flow" }
  expect_failures = [var.name_prefix]
}

run "findings_topic_rejected" {
  command = plan
  variables { findings_topic_arns = ["arn:aws:sqs:ap-south-1:111122223333:q"] }
  expect_failures = [var.findings_topic_arns]
}

run "config_bucket_required" {
  command = plan
  variables { config_bucket_name = null }
  expect_failures = [var.config_bucket_name]
}

run "finding_min_severity_rejected" {
  command = plan
  variables { finding_min_severity = 9 }
  expect_failures = [var.finding_min_severity]
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

  override_data {
    target = module.baseline.data.aws_partition.current
    values = { partition = "aws" }
  }

  override_data {
    target = module.baseline.data.aws_region.current
    values = { name = "ap-south-1" }
  }

  override_data {
    target = module.baseline.data.aws_caller_identity.current
    values = { account_id = "111122223333" }
  }

  assert {
    condition     = module.baseline.securityhub_standards_arn == "arn:aws:securityhub:ap-south-1::standards/aws-foundational-security-best-practices/v/1.0.0"
    error_message = "The basic example must plan GuardDuty and Security Hub with FSBP."
  }
}
