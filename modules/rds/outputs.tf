output "db_instance_arn" {
  description = "ARN of the DB instance (null when create_instance = false)."
  value       = try(aws_db_instance.this[0].arn, null)
}

output "db_instance_id" {
  description = "Identifier of the DB instance (null when create_instance = false)."
  value       = try(aws_db_instance.this[0].identifier, null)
}

output "endpoint" {
  description = "Connection endpoint (address:port)."
  value       = try(aws_db_instance.this[0].endpoint, null)
}

output "address" {
  description = "Hostname of the DB instance."
  value       = try(aws_db_instance.this[0].address, null)
}

output "port" {
  description = "Port the DB instance listens on."
  value       = try(aws_db_instance.this[0].port, null)
}

output "security_group_id" {
  description = "ID of the security group attached to the DB instance."
  value       = try(aws_security_group.this[0].id, null)
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret holding the master credentials (primary only; the secret value is never exposed)."
  value       = try(aws_db_instance.this[0].master_user_secret[0].secret_arn, null)
}

output "parameter_group_name" {
  description = "Name of the DB parameter group."
  value       = try(aws_db_parameter_group.this[0].name, null)
}

output "automated_backups_replication_id" {
  description = "ID (ARN of the replicated automated backups) of the automated-backups replication, when configured."
  value       = try(aws_db_instance_automated_backups_replication.this[0].id, null)
}

output "alarm_arns" {
  description = "Map of alarm key (cpu, free_storage, freeable_memory, replica_lag, connections) => CloudWatch alarm ARN."
  value       = { for key, a in aws_cloudwatch_metric_alarm.this : key => a.arn }
}
