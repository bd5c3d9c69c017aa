output "cluster_arn" {
  description = "ARN of the Aurora cluster."
  value       = aws_rds_cluster.this.arn
}

output "cluster_id" {
  description = "Identifier of the Aurora cluster."
  value       = aws_rds_cluster.this.cluster_identifier
}

output "endpoint" {
  description = "Writer endpoint (hostname) of the cluster; a headless secondary has none until promoted."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Load-balanced reader endpoint (hostname) of the cluster."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "Port the cluster listens on."
  value       = aws_rds_cluster.this.port
}

output "global_cluster_id" {
  description = "Identifier of the Global Database this primary created (null unless create_global_cluster). Available once the writer exists, so secondaries join a cluster that can replicate."
  value       = try(aws_rds_global_cluster.this[0].id, null)
  depends_on  = [aws_rds_cluster_instance.writer]
}

output "instance_ids" {
  description = "Identifiers of the cluster's instances, by key (writer, reader-1, …)."
  value = merge(
    { for i in aws_rds_cluster_instance.writer : "writer" => i.identifier },
    { for k, i in aws_rds_cluster_instance.reader : k => i.identifier },
  )
}

output "security_group_id" {
  description = "ID of the security group attached to the cluster."
  value       = aws_security_group.this.id
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret holding the master credentials (primary only; the secret value is never exposed)."
  value       = try(aws_rds_cluster.this.master_user_secret[0].secret_arn, null)
}

output "cluster_parameter_group_name" {
  description = "Name of the cluster parameter group."
  value       = aws_rds_cluster_parameter_group.this.name
}

output "alarm_arns" {
  description = "Map of alarm key (cpu, freeable_memory, connections, replica_lag, global_replication_lag, serverless_capacity; those that apply) => CloudWatch alarm ARN."
  value       = { for key, a in aws_cloudwatch_metric_alarm.this : key => a.arn }
}
