output "bucket_name" {
  description = "Name of the audit bucket (<name_prefix>-audit-<region>): every region's AWS Config delivery channel writes here under config/."
  # Known at plan (the name is fixed); readers wait until the bucket accepts deliveries.
  value      = local.bucket_name
  depends_on = [aws_s3_bucket_policy.this, aws_s3_bucket_server_side_encryption_configuration.this]
}

output "bucket_arn" {
  description = "ARN of the audit bucket."
  value       = aws_s3_bucket.this.arn
}

output "kms_key_arn" {
  description = "ARN of the key encrypting the audit bucket, the trail and its log group."
  value       = aws_kms_key.this.arn
}

output "trail_arn" {
  description = "ARN of the multi-region trail, or null."
  value       = one(aws_cloudtrail.this[*].arn)
}

output "log_group_name" {
  description = "Name of the trail's CloudWatch Logs group, or null."
  value       = one(aws_cloudwatch_log_group.trail[*].name)
}
