output "bucket_names" {
  description = "Map of purpose => bucket name (<name_prefix>-<purpose>-<region>)."
  value       = { for purpose, b in aws_s3_bucket.this : purpose => b.bucket }
}

output "bucket_regional_domain_names" {
  description = "Map of purpose => the bucket's regional domain name (<bucket>.s3.<region>.amazonaws.com), e.g. for a CloudFront origin."
  value       = { for purpose, b in aws_s3_bucket.this : purpose => b.bucket_regional_domain_name }
}

output "bucket_arns" {
  description = "Map of purpose => bucket ARN."
  value       = { for purpose, b in aws_s3_bucket.this : purpose => b.arn }
}

output "access_log_bucket_name" {
  description = "Name of the access-log bucket (<name_prefix>-access-logs-<region>) receiving S3 server access logs under <purpose>/."
  value       = aws_s3_bucket.access_logs.bucket
}

output "access_log_bucket_arn" {
  description = "ARN of the access-log bucket."
  value       = aws_s3_bucket.access_logs.arn
}

output "replication_role_arns" {
  description = "Map of purpose => ARN of the IAM role S3 uses to replicate that bucket (only purposes with replication)."
  value       = { for purpose, r in aws_iam_role.replication : purpose => r.arn }
}
