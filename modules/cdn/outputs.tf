output "distribution_id" {
  description = "ID of the CloudFront distribution (for invalidations)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the CloudFront distribution (the AWS:SourceArn a bucket policy can name)."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "The distribution's own DNS name (dxxxx.cloudfront.net)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "Route 53 zone of CloudFront aliases (Z2FDTNDATAQYW2)."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "certificate_arn" {
  description = "ARN of the validated us-east-1 ACM certificate."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

output "logs_bucket_name" {
  description = "Bucket of the standard access logs (null when logging is off)."
  value       = var.logging ? aws_s3_bucket.logs[0].id : null
}

output "origin_access_control_id" {
  description = "ID of the origin access control bucket origins are read through (null without bucket origins)."
  value       = local.has_bucket ? aws_cloudfront_origin_access_control.this[0].id : null
}
