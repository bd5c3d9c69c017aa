# AWS Backup in Mumbai: a vault under the region's database key with a governance-mode lock,
# a daily plan over one RDS instance and one DynamoDB table, and a copy of every recovery
# point to the Singapore vault (the destination region's own module call creates it).
provider "aws" {
  region = "ap-south-1"
}

module "backup" {
  source = "../.."

  vault_name  = "projectone-production"
  kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/0b2a6f1e-1111-2222-3333-444455556666"
  plan_name   = "projectone-production-daily"
  role_name   = "projectone-production-backup-ap-south-1"

  retention_days = 35
  resource_arns = [
    "arn:aws:rds:ap-south-1:111122223333:db:projectone-production-ap-south-1",
    "arn:aws:dynamodb:ap-south-1:111122223333:table/projectone-production-sessions",
  ]
  copy_to_region      = "ap-southeast-1"
  copy_retention_days = 35

  tags = {
    Project     = "projectone"
    Environment = "production"
  }
}

output "vault_arn" {
  description = "The region's backup vault."
  value       = module.backup.vault_arn
}
