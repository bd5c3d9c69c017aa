output "replication_group_id" {
  description = "ID of the replication group."
  value       = aws_elasticache_replication_group.this.id
}

output "replication_group_arn" {
  description = "ARN of the replication group."
  value       = aws_elasticache_replication_group.this.arn
}

output "primary_endpoint_address" {
  description = "Primary (writer) endpoint address; cluster mode disabled only."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "reader_endpoint_address" {
  description = "Reader endpoint address; cluster mode disabled only."
  value       = aws_elasticache_replication_group.this.reader_endpoint_address
}

output "configuration_endpoint_address" {
  description = "Configuration endpoint address; cluster mode enabled only."
  value       = aws_elasticache_replication_group.this.configuration_endpoint_address
}

output "port" {
  description = "Port the nodes listen on (TLS)."
  value       = local.port
}

output "security_group_id" {
  description = "ID of the security group attached to the replication group."
  value       = aws_security_group.this.id
}

output "user_group_id" {
  description = "ID of the RBAC user group attached to the replication group."
  value       = aws_elasticache_user_group.this.user_group_id
}

output "app_user_id" {
  description = "User ID (= user name) of the IAM-authenticated application user: the name clients use when signing the IAM auth token."
  value       = aws_elasticache_user.app.user_id
}

output "app_user_arn" {
  description = "ARN of the IAM-authenticated application user (resource of the elasticache:Connect IAM permission, with replication_group_arn)."
  value       = aws_elasticache_user.app.arn
}

output "global_replication_group_id" {
  description = "ID of the Global Datastore this group belongs to (created here for role = primary, joined for role = secondary), else null."
  value = (
    local.is_global_primary ? aws_elasticache_global_replication_group.this[0].global_replication_group_id :
    local.is_secondary ? var.global_datastore.global_replication_group_id : null
  )
}

output "alarm_arns" {
  description = "Map of \"<alarm key>/<node id>\" (e.g. \"memory/bizflow-cache-001\") => CloudWatch alarm ARN."
  value       = { for key, a in aws_cloudwatch_metric_alarm.this : key => a.arn }
}
