# The security baseline of one region: GuardDuty with findings to the critical topic, and
# Security Hub with the AWS Foundational Security Best Practices standard.
provider "aws" {
  region = "ap-south-1"
}

module "baseline" {
  source = "../.."

  name_prefix         = "bizflow-production"
  findings_topic_arns = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"]

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "guardduty_detector_id" {
  description = "The region's GuardDuty detector."
  value       = module.baseline.guardduty_detector_id
}
