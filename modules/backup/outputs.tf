output "vault_arn" {
  description = "ARN of the region's backup vault."
  value       = aws_backup_vault.this.arn
}

output "vault_name" {
  description = "Name of the region's backup vault."
  value       = aws_backup_vault.this.name
}

output "plan_arn" {
  description = "ARN of the backup plan, or null (a vault that only receives copies)."
  value       = one(aws_backup_plan.this[*].arn)
}

output "role_arn" {
  description = "ARN of the IAM role AWS Backup assumes, or null."
  value       = one(aws_iam_role.this[*].arn)
}

output "copy_to_vault_arn" {
  description = "ARN of the vault receiving the copies, or null."
  value       = local.copy_to_vault_arn
}
