output "https_listener_arn" {
  description = "ARN of the HTTPS listener (port 443)."
  value       = aws_lb_listener.https.arn
}

output "certificate_arn" {
  description = "ARN of the listener's certificate: the validated one the module created, or certificate_arn."
  value       = local.create_certificate ? aws_acm_certificate_validation.this[0].certificate_arn : var.certificate_arn
}

output "listener_rule_arns" {
  description = "ARNs of the listener rules, by target name."
  value       = { for k, r in aws_lb_listener_rule.this : k => r.arn }
}

output "alarm_arns" {
  description = "Map of alarm => CloudWatch alarm ARN: certificate_expiry, when the module creates the certificate."
  value       = { for a in aws_cloudwatch_metric_alarm.certificate_expiry : "certificate_expiry" => a.arn }
}
