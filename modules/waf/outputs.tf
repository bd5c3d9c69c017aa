output "web_acl_arn" {
  description = "ARN of the web ACL (pass to a CloudFront distribution's web_acl_id for CLOUDFRONT scope)."
  value       = aws_wafv2_web_acl.this.arn
}

output "web_acl_id" {
  description = "ID of the web ACL."
  value       = aws_wafv2_web_acl.this.id
}

output "web_acl_name" {
  description = "Name of the web ACL."
  value       = aws_wafv2_web_acl.this.name
}

output "log_group_arn" {
  description = "ARN of the KMS-encrypted CloudWatch log group (aws-waf-logs-<name>) receiving the WAF logs."
  value       = aws_cloudwatch_log_group.this.arn
}

output "log_kms_key_arn" {
  description = "ARN of the KMS key encrypting the log group (the module's own unless log_kms_key_arn was given)."
  value       = local.log_kms_key_arn
}
