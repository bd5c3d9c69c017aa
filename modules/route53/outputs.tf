output "zone_id" {
  description = "ID of the public hosted zone."
  value       = local.zone_id
}

output "name_servers" {
  description = "Name servers of the hosted zone (delegate the domain to them)."
  value       = var.create_zone ? aws_route53_zone.this[0].name_servers : data.aws_route53_zone.existing[0].name_servers
}

output "health_check_ids" {
  description = "Route 53 health check IDs keyed by endpoint (region)."
  value       = { for k, hc in aws_route53_health_check.this : k => hc.id }
}

output "record_fqdns" {
  description = "FQDN of every record, keyed by \"<kind>/<record key>\" (e.g. geolocation/api/IN, latency/cdn/ap-south-1, failover/app/primary, tenant/acme)."
  value       = { for k, r in aws_route53_record.this : k => r.fqdn }
}

output "dnssec_kms_key_arn" {
  description = "ARN of the DNSSEC key-signing KMS key (null when dnssec is false)."
  value       = var.dnssec ? aws_kms_key.dnssec[0].arn : null
}

output "dnssec_ds_record" {
  description = "DS record to publish in the parent zone / at the registrar to complete the DNSSEC chain of trust (null when dnssec is false)."
  value       = var.dnssec ? aws_route53_key_signing_key.this[0].ds_record : null
}

output "query_log_group_arn" {
  description = "ARN of the CloudWatch log group receiving DNS query logs (null when query_logging is false)."
  value       = var.query_logging ? aws_cloudwatch_log_group.query_log[0].arn : null
}

output "query_log_kms_key_arn" {
  description = "ARN of the KMS key encrypting the query log group (null when query_logging is false)."
  value       = local.query_log_kms_key_arn
}

output "alarm_arns" {
  description = "Map of \"health_check/<endpoint key>\" => CloudWatch alarm ARN."
  value       = { for key, a in aws_cloudwatch_metric_alarm.health_check : "health_check/${key}" => a.arn }
}
