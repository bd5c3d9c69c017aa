# The audit trail of one account: a multi-region CloudTrail into an Object Lock bucket in
# Mumbai, delivered to CloudWatch Logs too; every region's AWS Config delivers to the same
# bucket (modules/baseline with config_bucket_name).
provider "aws" {
  region = "ap-south-1"
}

module "audit" {
  source = "../.."

  name_prefix        = "projectone-production"
  log_retention_days = 365
  object_lock_mode   = "GOVERNANCE"
  object_lock_days   = 1827 # Project One's seed: audit logs kept five years

  tags = {
    Project     = "projectone"
    Environment = "production"
  }
}

output "trail_arn" {
  description = "The multi-region trail."
  value       = module.audit.trail_arn
}

output "bucket_name" {
  description = "The audit bucket, AWS Config's delivery target in every region."
  value       = module.audit.bucket_name
}
