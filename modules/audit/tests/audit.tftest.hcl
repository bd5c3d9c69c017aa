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
  name_prefix = "bizflow-production"
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_cloudtrail.this[0].is_multi_region_trail && aws_cloudtrail.this[0].include_global_service_events && aws_cloudtrail.this[0].enable_log_file_validation
    error_message = "The trail must record every region and global service events, with log file validation."
  }

  assert {
    condition     = aws_s3_bucket.this.bucket == "bizflow-production-audit-ap-south-1" && aws_s3_bucket.this.object_lock_enabled && !aws_s3_bucket.this.force_destroy
    error_message = "The audit bucket must have its fixed name, Object Lock and no force_destroy."
  }

  assert {
    condition     = one(aws_s3_bucket_object_lock_configuration.this.rule[0].default_retention).mode == "GOVERNANCE" && one(aws_s3_bucket_object_lock_configuration.this.rule[0].default_retention).days == 365
    error_message = "Records must be locked for a year in governance mode by default."
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default).sse_algorithm == "aws:kms" && aws_kms_key.this.enable_key_rotation
    error_message = "The audit bucket must be encrypted with the rotating audit key."
  }

  assert {
    condition     = aws_s3_bucket_logging.this.target_prefix == "audit/" && aws_s3_bucket.access_logs.bucket == "bizflow-production-audit-access-logs-ap-south-1"
    error_message = "The audit bucket's access must be logged to its access-log bucket."
  }

  assert {
    condition     = aws_cloudwatch_log_group.trail[0].name == "/aws/cloudtrail/bizflow-production" && aws_cloudwatch_log_group.trail[0].retention_in_days == 365
    error_message = "The trail's log group must keep a year."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_s3_bucket_policy.this.policy).Statement :
      s.Effect == "Deny" || (try(s.Condition.StringEquals["aws:SourceArn"], "") == "arn:aws:cloudtrail:ap-south-1:111122223333:trail/bizflow-production-trail" || try(s.Condition.StringEquals["aws:SourceAccount"], "") == "111122223333")
    ])
    error_message = "Every service allowed to write must be bound to this account's trail or account."
  }

  assert {
    condition     = contains([for s in jsondecode(aws_s3_bucket_policy.this.policy).Statement : s.Sid], "DenyInsecureTransport") && contains([for s in jsondecode(aws_s3_bucket_policy.this.policy).Statement : s.Sid], "AllowConfigDelivery")
    error_message = "The bucket policy must refuse plain HTTP and let AWS Config deliver."
  }
}

run "config_only" {
  command = plan

  variables {
    cloudtrail       = false
    object_lock_mode = "COMPLIANCE"
  }

  assert {
    condition     = length(aws_cloudtrail.this) == 0 && length(aws_cloudwatch_log_group.trail) == 0 && length(aws_iam_role.trail) == 0
    error_message = "Without the trail, only the bucket for AWS Config remains."
  }

  assert {
    condition     = one(aws_s3_bucket_object_lock_configuration.this.rule[0].default_retention).mode == "COMPLIANCE"
    error_message = "Compliance mode must be settable."
  }
}

run "log_retention_rejected" {
  command = plan
  variables { log_retention_days = 100 }
  expect_failures = [var.log_retention_days]
}

run "object_lock_mode_rejected" {
  command = plan
  variables { object_lock_mode = "governance" }
  expect_failures = [var.object_lock_mode]
}

run "name_prefix_rejected" {
  command = plan
  variables { name_prefix = "Biz Flow" }
  expect_failures = [var.name_prefix]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.audit.data.aws_partition.current
    values = { partition = "aws", dns_suffix = "amazonaws.com" }
  }

  override_data {
    target = module.audit.data.aws_region.current
    values = { name = "ap-south-1" }
  }

  override_data {
    target = module.audit.data.aws_caller_identity.current
    values = { account_id = "111122223333" }
  }

  assert {
    condition     = module.audit.bucket_name == "projectone-production-audit-ap-south-1"
    error_message = "The basic example must plan the audit bucket with its fixed name."
  }
}
