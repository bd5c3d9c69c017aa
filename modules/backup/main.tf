data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  # The destination vault by ARN, computed from its region and name in this account: no root
  # reads another's state, and the destination's own module call creates the vault.
  copy_to_vault_arn = var.copy_to_region == null ? null : "arn:${local.partition}:backup:${var.copy_to_region}:${data.aws_caller_identity.current.account_id}:backup-vault:${coalesce(var.copy_to_vault_name, var.vault_name)}"
  plan              = var.plan_name != null
  # A recovery point is kept at least this long whatever a rule says (the vault lock's floor;
  # the spec's retentions start at 7 days).
  lock_min_retention_days = 7
}

################################################################################
# The vault: encrypted under the region's database key; every region that backs up
# or receives copies has one, of the same name.
################################################################################

resource "aws_backup_vault" "this" {
  name        = var.vault_name
  kms_key_arn = var.kms_key_arn
  # Deleting a vault that holds recovery points fails; never empty it to delete it.
  force_destroy = false

  tags = merge(var.tags, { Name = var.vault_name })
}

# Governance mode (no changeable_for_days): a principal with
# backup:DeleteBackupVaultLockConfiguration can still lift it. Compliance mode becomes
# irreversible once its grace time ends (not even AWS can remove it), so it stays a decision
# for the account owner, outside generated code.
resource "aws_backup_vault_lock_configuration" "this" {
  count = var.vault_lock ? 1 : 0

  backup_vault_name  = aws_backup_vault.this.name
  min_retention_days = local.lock_min_retention_days
}

################################################################################
# The plan: one rule on the spec's schedule, copying every recovery point to
# the copy_to region's vault when one is named.
################################################################################

resource "aws_backup_plan" "this" {
  count = local.plan ? 1 : 0

  name = var.plan_name

  rule {
    rule_name         = "scheduled"
    target_vault_name = aws_backup_vault.this.name
    schedule          = var.schedule
    start_window      = 60
    completion_window = 360

    lifecycle {
      delete_after       = var.retention_days
      cold_storage_after = var.cold_storage_after_days
    }

    dynamic "copy_action" {
      for_each = local.copy_to_vault_arn == null ? [] : [local.copy_to_vault_arn]
      content {
        destination_vault_arn = copy_action.value
        lifecycle {
          delete_after = coalesce(var.copy_retention_days, var.retention_days)
        }
      }
    }

    recovery_point_tags = merge(var.tags, { BackupPlan = var.plan_name })
  }

  tags = merge(var.tags, { Name = var.plan_name })
}

resource "aws_iam_role" "this" {
  count = local.plan ? 1 : 0

  name        = var.role_name
  description = "Lets AWS Backup back up and restore the resources of plan ${var.plan_name}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllowAwsBackup"
        Effect    = "Allow"
        Principal = { Service = "backup.amazonaws.com" }
        Action    = "sts:AssumeRole"
      }
    ]
  })

  tags = merge(var.tags, { Name = var.role_name })
}

resource "aws_iam_role_policy_attachment" "backup" {
  count = local.plan ? 1 : 0

  role       = aws_iam_role.this[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_iam_role_policy_attachment" "restores" {
  count = local.plan ? 1 : 0

  role       = aws_iam_role.this[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
}

# One selection of the resources by ARN; count on the list's length, known at plan even
# where the ARNs are not.
resource "aws_backup_selection" "this" {
  count = local.plan && length(var.resource_arns) > 0 ? 1 : 0

  name         = "resources"
  plan_id      = aws_backup_plan.this[0].id
  iam_role_arn = aws_iam_role.this[0].arn
  resources    = var.resource_arns
}
