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
    target = data.aws_caller_identity.current
    values = { account_id = "111122223333" }
  }
}

variables {
  vault_name  = "projectone-production"
  kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/0b2a6f1e-1111-2222-3333-444455556666"
  plan_name   = "projectone-production-daily"
  role_name   = "projectone-production-backup-ap-south-1"
  resource_arns = [
    "arn:aws:rds:ap-south-1:111122223333:db:projectone-production-ap-south-1",
  ]
  copy_to_region = "ap-southeast-1"
}

run "plan_copies_and_locks" {
  command = plan

  assert {
    condition     = aws_backup_vault.this.kms_key_arn == var.kms_key_arn && aws_backup_vault.this.force_destroy == false
    error_message = "The vault must be encrypted under the given key and never emptied to delete it."
  }

  assert {
    condition     = aws_backup_vault_lock_configuration.this[0].min_retention_days == 7 && aws_backup_vault_lock_configuration.this[0].changeable_for_days == null
    error_message = "The vault lock must be in governance mode (no changeable_for_days) with a 7-day floor."
  }

  assert {
    condition     = one(aws_backup_plan.this[0].rule).schedule == "cron(0 3 * * ? *)" && one(one(aws_backup_plan.this[0].rule).lifecycle).delete_after == 35
    error_message = "The rule must back up daily and keep recovery points 35 days by default."
  }

  assert {
    condition     = one(one(aws_backup_plan.this[0].rule).copy_action).destination_vault_arn == "arn:aws:backup:ap-southeast-1:111122223333:backup-vault:projectone-production" && one(one(one(aws_backup_plan.this[0].rule).copy_action).lifecycle).delete_after == 35
    error_message = "Every recovery point must be copied to the destination vault, kept as long by default."
  }

  assert {
    condition     = aws_backup_selection.this[0].resources == toset(var.resource_arns) && aws_iam_role_policy_attachment.backup[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup" && aws_iam_role_policy_attachment.restores[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
    error_message = "The selection must name the resources, under a role with the backup and restore policies."
  }
}

run "vault_only" {
  command = plan

  variables {
    plan_name      = null
    role_name      = null
    resource_arns  = []
    copy_to_region = null
    vault_lock     = false
  }

  assert {
    condition     = length(aws_backup_plan.this) == 0 && length(aws_iam_role.this) == 0 && length(aws_backup_selection.this) == 0 && length(aws_backup_vault_lock_configuration.this) == 0
    error_message = "A region that only receives copies has a vault and nothing else."
  }
}

run "cold_storage_too_late_rejected" {
  command = plan
  variables {
    retention_days          = 35
    cold_storage_after_days = 30
  }
  expect_failures = [var.cold_storage_after_days]
}

run "copy_to_region_rejected" {
  command = plan
  variables { copy_to_region = "Singapore" }
  expect_failures = [var.copy_to_region]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.backup.data.aws_partition.current
    values = { partition = "aws" }
  }

  override_data {
    target = module.backup.data.aws_caller_identity.current
    values = { account_id = "111122223333" }
  }

  assert {
    condition     = module.backup.copy_to_vault_arn == "arn:aws:backup:ap-southeast-1:111122223333:backup-vault:projectone-production"
    error_message = "The basic example must plan its vault, plan and copy rule."
  }
}
