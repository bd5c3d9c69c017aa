output "guardduty_detector_id" {
  description = "ID of the GuardDuty detector, or null."
  value       = one(aws_guardduty_detector.this[*].id)
}

output "securityhub_standards_arn" {
  description = "ARN of the subscribed AWS Foundational Security Best Practices standard, or null."
  value       = one(aws_securityhub_standards_subscription.fsbp[*].standards_arn)
}
