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
      name     = "eu-west-1"
      endpoint = "ec2.eu-west-1.amazonaws.com"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-west-1:111122223333:key/0b2a6f1e-1111-2222-3333-444455556666"
      key_id = "0b2a6f1e-1111-2222-3333-444455556666"
    }
  }

  mock_resource "aws_kms_replica_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
      key_id = "mrk-0123456789abcdef0123456789abcdef"
    }
  }

  mock_resource "aws_kms_alias" {
    defaults = {
      arn = "arn:aws:kms:eu-west-1:111122223333:alias/mock"
    }
  }
}

variables {
  alias_prefix = "bizflow"
  keys = {
    database = { service_principals = ["rds.amazonaws.com"], rotation_period_in_days = 90 }
    storage  = { service_principals = ["s3.amazonaws.com"], multi_region = true }
    secrets  = { service_principals = ["secretsmanager.amazonaws.com"] }
    logs     = {}
  }
  tags = { Project = "bizflow" }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = alltrue([for k in aws_kms_key.this : k.enable_key_rotation == true])
    error_message = "Every key must have automatic rotation enabled."
  }

  assert {
    condition     = aws_kms_key.this["database"].rotation_period_in_days == 90 && aws_kms_key.this["storage"].rotation_period_in_days == 365
    error_message = "rotation_period_in_days must come from the input (default 365)."
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : k.deletion_window_in_days == 30 && k.is_enabled && k.customer_master_key_spec == "SYMMETRIC_DEFAULT" && k.key_usage == "ENCRYPT_DECRYPT"])
    error_message = "Keys must be enabled symmetric ENCRYPT_DECRYPT keys with a 30-day deletion window by default."
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : k.bypass_policy_lockout_safety_check == false])
    error_message = "The policy lockout safety check must never be bypassed."
  }

  assert {
    condition     = aws_kms_key.this["storage"].multi_region == true && aws_kms_key.this["database"].multi_region == false
    error_message = "multi_region must come from the input (default false)."
  }

  assert {
    condition = alltrue(flatten([
      for k in aws_kms_key.this : [
        for s in jsondecode(k.policy).Statement : !contains(flatten([for v in values(s.Principal) : v]), "*")
      ]
    ]))
    error_message = "No key policy statement may use a \"*\" principal."
  }

  assert {
    condition = alltrue([
      for k in aws_kms_key.this : anytrue([
        for s in jsondecode(k.policy).Statement : try(s.Sid == "EnableRootAccountAccess" && s.Principal.AWS == "arn:aws:iam::111122223333:root" && s.Action == "kms:*", false)
      ])
    ])
    error_message = "Every key policy must give the account root full access."
  }

  assert {
    condition     = alltrue([for k in aws_kms_key.this : !anytrue([for s in jsondecode(k.policy).Statement : s.Sid == "AllowKeyAdministration"])])
    error_message = "No administrator statement is expected when administrator_arns is empty."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.this["logs"].policy).Statement : try(
        s.Sid == "AllowCloudWatchLogs" &&
        s.Principal.Service == "logs.eu-west-1.amazonaws.com" &&
        s.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"] == "arn:aws:logs:eu-west-1:111122223333:*",
      false)
    ])
    error_message = "The logs key must allow the regional CloudWatch Logs principal, scoped by the aws:logs:arn encryption context."
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_kms_key.this["storage"].policy).Statement : s.Sid == "AllowCloudWatchLogs"])
    error_message = "Only logs keys may grant CloudWatch Logs."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.this["database"].policy).Statement : try(
        s.Sid == "AllowUseViaAWSServices" &&
        s.Principal.AWS == "arn:aws:iam::111122223333:root" &&
        s.Condition.StringEquals["kms:ViaService"] == ["rds.eu-west-1.amazonaws.com"] &&
        s.Condition.StringEquals["kms:CallerAccount"] == "111122223333",
      false)
    ])
    error_message = "The database key must allow use via rds.<region>.amazonaws.com for callers of this account."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.this["database"].policy).Statement :
      try(s.Sid == "AllowGrantsForAWSResources" && s.Condition.Bool["kms:GrantIsForAWSResource"] == "true", false)
    ])
    error_message = "Grants must be limited to AWS resources."
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_kms_key.this["logs"].policy).Statement : s.Sid == "AllowUseViaAWSServices"])
    error_message = "A key without service principals must not get a ViaService statement."
  }

  assert {
    condition     = aws_kms_alias.this["database"].name == "alias/bizflow/database" && length(aws_kms_alias.this) == 4
    error_message = "Each key must be aliased alias/<alias_prefix>/<purpose>."
  }

  assert {
    condition     = aws_kms_key.this["secrets"].tags["Name"] == "bizflow-secrets" && aws_kms_key.this["secrets"].tags["Project"] == "bizflow"
    error_message = "Keys must carry the module tags and a Name."
  }

  assert {
    condition     = length(aws_kms_replica_key.this) == 0
    error_message = "No replica keys by default."
  }
}

run "administrators_and_logs_service_principal" {
  command = plan

  variables {
    administrator_arns = ["arn:aws:iam::111122223333:role/kms-admin"]
    keys = {
      audit = { service_principals = ["logs.amazonaws.com"], deletion_window_in_days = 7 }
    }
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.this["audit"].policy).Statement : try(
        s.Sid == "AllowKeyAdministration" &&
        s.Principal.AWS == ["arn:aws:iam::111122223333:role/kms-admin"] &&
        !contains(s.Action, "kms:Decrypt") &&
        !contains(s.Action, "kms:DisableKeyRotation"),
      false)
    ])
    error_message = "Administrators must be able to administer, but not use, the key or disable rotation."
  }

  assert {
    condition     = anytrue([for s in jsondecode(aws_kms_key.this["audit"].policy).Statement : s.Sid == "AllowCloudWatchLogs"])
    error_message = "service_principals containing logs.amazonaws.com must grant the regional CloudWatch Logs principal."
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_kms_key.this["audit"].policy).Statement : s.Sid == "AllowUseViaAWSServices"])
    error_message = "CloudWatch Logs must not be turned into a ViaService grant."
  }

  assert {
    condition     = aws_kms_key.this["audit"].deletion_window_in_days == 7 && aws_kms_key.this["audit"].enable_key_rotation
    error_message = "deletion_window_in_days must come from the input and rotation stays on."
  }
}

run "replica_keys" {
  command = apply

  variables {
    keys = {
      database = {}
    }
    replica_keys = {
      storage = {
        primary_key_arn    = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
        service_principals = ["s3.amazonaws.com"]
      }
    }
  }

  assert {
    condition     = aws_kms_replica_key.this["storage"].deletion_window_in_days == 30 && aws_kms_replica_key.this["storage"].enabled
    error_message = "Replica keys must be enabled with a 30-day deletion window by default."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_replica_key.this["storage"].policy).Statement :
      !contains(flatten([for v in values(s.Principal) : v]), "*")
    ])
    error_message = "Replica key policies must not use a \"*\" principal."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_replica_key.this["storage"].policy).Statement :
      try(s.Sid == "AllowUseViaAWSServices" && s.Condition.StringEquals["kms:ViaService"] == ["s3.eu-west-1.amazonaws.com"], false)
    ])
    error_message = "Replica keys must allow their service principals in the replica region."
  }

  assert {
    condition     = aws_kms_alias.this["storage"].name == "alias/bizflow/storage" && aws_kms_alias.this["storage"].target_key_id == "mrk-0123456789abcdef0123456789abcdef"
    error_message = "Replica keys must be aliased like primary keys."
  }

  assert {
    condition     = toset(keys(output.key_arns)) == toset(["database", "storage"]) && output.key_arns["storage"] == "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
    error_message = "key_arns must include primary and replica keys."
  }

  assert {
    condition     = toset(keys(output.key_ids)) == toset(["database", "storage"]) && toset(keys(output.alias_names)) == toset(["database", "storage"]) && toset(keys(output.alias_arns)) == toset(["database", "storage"])
    error_message = "key_ids, alias_names and alias_arns must include primary and replica keys."
  }

  assert {
    condition     = output.alias_names["database"] == "alias/bizflow/database"
    error_message = "alias_names must map purpose to alias name."
  }
}

run "replica_in_same_region_rejected" {
  command = plan

  variables {
    keys = {}
    replica_keys = {
      storage = { primary_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef" }
    }
  }

  expect_failures = [aws_kms_replica_key.this]
}

# ---------------------------------------------------------------------------
# Input validation
# ---------------------------------------------------------------------------

run "alias_prefix_charset_rejected" {
  command = plan
  variables { alias_prefix = "biz flow!" }
  expect_failures = [var.alias_prefix]
}

run "alias_prefix_slashes_rejected" {
  command = plan
  variables { alias_prefix = "bizflow/" }
  expect_failures = [var.alias_prefix]
}

run "alias_prefix_reserved_aws_rejected" {
  command = plan
  variables { alias_prefix = "aws/bizflow" }
  expect_failures = [var.alias_prefix]
}

run "key_purpose_uppercase_rejected" {
  command = plan
  variables {
    keys = { Database = {} }
  }
  expect_failures = [var.keys]
}

run "key_purpose_underscore_rejected" {
  command = plan
  variables {
    keys = { db_keys = {} }
  }
  expect_failures = [var.keys]
}

run "rotation_period_too_short_rejected" {
  command = plan
  variables {
    keys = { database = { rotation_period_in_days = 30 } }
  }
  expect_failures = [var.keys]
}

run "rotation_period_too_long_rejected" {
  command = plan
  variables {
    keys = { database = { rotation_period_in_days = 2561 } }
  }
  expect_failures = [var.keys]
}

run "deletion_window_too_short_rejected" {
  command = plan
  variables {
    keys = { database = { deletion_window_in_days = 6 } }
  }
  expect_failures = [var.keys]
}

run "deletion_window_too_long_rejected" {
  command = plan
  variables {
    keys = { database = { deletion_window_in_days = 31 } }
  }
  expect_failures = [var.keys]
}

run "service_principal_format_rejected" {
  command = plan
  variables {
    keys = { database = { service_principals = ["*"] } }
  }
  expect_failures = [var.keys]
}

run "key_description_too_long_rejected" {
  command = plan
  variables {
    keys = { database = { description = format("%8193s", "x") } }
  }
  expect_failures = [var.keys]
}

run "replica_purpose_format_rejected" {
  command = plan
  variables {
    replica_keys = {
      "Storage" = { primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef" }
    }
  }
  expect_failures = [var.replica_keys]
}

run "replica_purpose_collision_rejected" {
  command = plan
  variables {
    replica_keys = {
      storage = { primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef" }
    }
  }
  expect_failures = [var.replica_keys]
}

run "replica_single_region_primary_rejected" {
  command = plan
  variables {
    replica_keys = {
      archive = { primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/0b2a6f1e-1111-2222-3333-444455556666" }
    }
  }
  expect_failures = [var.replica_keys]
}

run "replica_deletion_window_rejected" {
  command = plan
  variables {
    replica_keys = {
      archive = {
        primary_key_arn         = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
        deletion_window_in_days = 45
      }
    }
  }
  expect_failures = [var.replica_keys]
}

run "replica_service_principal_rejected" {
  command = plan
  variables {
    replica_keys = {
      archive = {
        primary_key_arn    = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
        service_principals = ["arn:aws:iam::111122223333:root"]
      }
    }
  }
  expect_failures = [var.replica_keys]
}

run "replica_description_too_long_rejected" {
  command = plan
  variables {
    replica_keys = {
      archive = {
        primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
        description     = format("%8193s", "x")
      }
    }
  }
  expect_failures = [var.replica_keys]
}

run "administrator_wildcard_rejected" {
  command = plan
  variables {
    administrator_arns = ["*"]
  }
  expect_failures = [var.administrator_arns]
}

run "administrator_wildcard_role_rejected" {
  command = plan
  variables {
    administrator_arns = ["arn:aws:iam::111122223333:role/*"]
  }
  expect_failures = [var.administrator_arns]
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
    condition     = length(module.kms.key_arns) == 4 && module.kms.alias_names["storage"] == "alias/bizflow/storage"
    error_message = "The basic example must plan its four keys with their aliases."
  }
}

run "cloudfront_decrypt" {
  command = plan

  variables {
    keys = {
      storage = { service_principals = ["s3.amazonaws.com", "cloudfront.amazonaws.com"] }
    }
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.this["storage"].policy).Statement :
      try(s.Sid == "AllowCloudFrontDecrypt" && s.Principal.Service == "cloudfront.amazonaws.com" && s.Action == ["kms:Decrypt"] && endswith(s.Condition.ArnLike["AWS:SourceArn"], ":distribution/*"), false)
    ])
    error_message = "cloudfront.amazonaws.com may only decrypt, for this account's distributions."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_key.this["storage"].policy).Statement :
      !strcontains(jsonencode(try(s.Condition.StringEquals["kms:ViaService"], "")), "cloudfront")
    ])
    error_message = "CloudFront is not a kms:ViaService service."
  }
}
