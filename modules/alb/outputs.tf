output "arn" {
  description = "ARN of the load balancer."
  value       = aws_lb.this.arn
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer (app/<name>/<id>), for CloudWatch metrics."
  value       = aws_lb.this.arn_suffix
}

output "dns_name" {
  description = "DNS name of the load balancer: the alias target of the estate's records."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Canonical hosted zone ID of the load balancer, for alias records."
  value       = aws_lb.this.zone_id
}

output "security_group_id" {
  description = "Security group of the load balancer: let it reach the targets' security groups."
  value       = aws_security_group.this.id
}

output "target_group_arns" {
  description = "ARNs of the target groups, by target name (ECS services and the AWS Load Balancer Controller register into these)."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.arn }
  # Only once each belongs to the load balancer: an ECS service registering in one before
  # that fails (see aws_lb_listener_rule.attach).
  depends_on = [aws_lb_listener_rule.attach]
}

output "target_group_arn_suffixes" {
  description = "ARN suffixes of the target groups, by target name, for CloudWatch metrics."
  value       = { for k, tg in aws_lb_target_group.this : k => tg.arn_suffix }
}

output "http_listener_arn" {
  description = "ARN of the HTTP listener (port 80, redirect to HTTPS). The HTTPS listener is modules/alb_https's."
  value       = aws_lb_listener.http.arn
}

output "access_logs_bucket_name" {
  description = "Name of the access-log bucket."
  value       = aws_s3_bucket.logs.id
}

output "alarm_arns" {
  description = "Map of alarm => CloudWatch alarm ARN: elb_5xx, target_5xx, latency_p99, latency_p95 (when on) and unhealthy_hosts/<target>."
  value = merge(
    { for key, a in aws_cloudwatch_metric_alarm.error_rate : key => a.arn },
    { for key, a in aws_cloudwatch_metric_alarm.latency : key => a.arn },
    { for key, a in aws_cloudwatch_metric_alarm.unhealthy_hosts : "unhealthy_hosts/${key}" => a.arn },
  )
}
