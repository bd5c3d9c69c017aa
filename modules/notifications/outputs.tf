output "topic_arns" {
  description = "Map of severity => SNS topic ARN: pass it to other modules' alarm_actions."
  value       = { for severity, t in aws_sns_topic.this : severity => t.arn }
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the topics."
  value       = aws_kms_key.this.arn
}

output "subscription_counts" {
  description = "Map of severity => number of subscriptions (0 means nobody is told)."
  value       = { for severity in keys(var.topics) : severity => length([for s in local.subscriptions : s if s.severity == severity]) }
}
