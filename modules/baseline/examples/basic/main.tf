# The security baseline of one region: GuardDuty with findings to the critical topic, and
# Security Hub with the AWS Foundational Security Best Practices standard, and AWS Config.
provider "aws" {
  region = "ap-south-1"
}

module "baseline" {
  source = "../.."

  name_prefix         = "bizflow-production"
  findings_topic_arns = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"]

  # AWS Config delivers to the audit bucket (modules/audit) of the audit region; this is it,
  # so it also records the global resource types.
  config_bucket_name              = "bizflow-production-audit-ap-south-1"
  config_include_global_resources = true

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "guardduty_detector_id" {
  description = "The region's GuardDuty detector."
  value       = module.baseline.guardduty_detector_id
}
