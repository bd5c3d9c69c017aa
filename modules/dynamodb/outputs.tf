output "table_names" {
  description = "Map of table key => table name (<name_prefix>-<key>)."
  value       = { for key, t in aws_dynamodb_table.this : key => t.name }
}

output "table_arns" {
  description = "Map of table key => table ARN (in this region; a replica's ARN differs only by region)."
  value       = { for key, t in aws_dynamodb_table.this : key => t.arn }
}

output "stream_arns" {
  description = "Map of table key => stream ARN (tables with a stream only)."
  value       = { for key, t in aws_dynamodb_table.this : key => t.stream_arn if local.tables[key].stream_view_type != null }
}

output "tenant_policy_arns" {
  description = "Map of tenant id => ARN of its IAM policy limited to its own partition (attach it to the tenant's role)."
  value       = { for tenant, p in aws_iam_policy.tenant : tenant => p.arn }
}

output "alarm_arns" {
  description = "Map of alarm => CloudWatch alarm ARN: <table>/read-throttles, <table>/write-throttles, <table>/system-errors, <table>/replication/<region>."
  value = merge(
    { for key, a in aws_cloudwatch_metric_alarm.throttles : "${local.throttle_alarms[key].table}/${local.throttle_alarms[key].dimension}-throttles" => a.arn },
    { for key, a in aws_cloudwatch_metric_alarm.system_errors : "${key}/system-errors" => a.arn },
    { for key, a in aws_cloudwatch_metric_alarm.replication_latency : "${local.replication_alarms[key].table}/replication/${local.replication_alarms[key].region}" => a.arn },
  )
}
