output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_names" {
  description = "Names of the ECS services, by service key."
  value       = { for k, s in aws_ecs_service.this : k => s.name }
}

output "task_definition_arns" {
  description = "ARNs of the task definitions (with revision), by service key."
  value       = { for k, t in aws_ecs_task_definition.this : k => t.arn }
}

output "task_role_arns" {
  description = "ARNs of the task roles, by service key."
  value       = { for k, r in aws_iam_role.task : k => r.arn }
}

output "execution_role_arns" {
  description = "ARNs of the execution roles, by service key."
  value       = { for k, r in aws_iam_role.execution : k => r.arn }
}

output "security_group_ids" {
  description = "Security groups of the services' tasks, by service key (let them reach databases and caches)."
  value       = { for k, g in aws_security_group.this : k => g.id }
}

output "queue_urls" {
  description = "URLs of the services' SQS queues, by service key (services with a queue only)."
  value       = { for k, q in aws_sqs_queue.this : k => q.url }
}

output "queue_arns" {
  description = "ARNs of the services' SQS queues, by service key."
  value       = { for k, q in aws_sqs_queue.this : k => q.arn }
}

output "dead_letter_queue_arns" {
  description = "ARNs of the dead-letter queues, by service key."
  value       = { for k, q in aws_sqs_queue.dlq : k => q.arn }
}

output "log_group_names" {
  description = "Log groups of the services, by service key."
  value       = { for k, g in aws_cloudwatch_log_group.this : k => g.name }
}

output "alarm_arns" {
  description = "Map of \"<service>/<alarm>\" (cpu_high, memory_high, tasks_low) => CloudWatch alarm ARN of the health alarms; the queue-depth scaling alarms are left out."
  value = merge(
    { for key, a in aws_cloudwatch_metric_alarm.cpu_high : "${key}/cpu_high" => a.arn },
    { for key, a in aws_cloudwatch_metric_alarm.memory_high : "${key}/memory_high" => a.arn },
    { for key, a in aws_cloudwatch_metric_alarm.tasks_low : "${key}/tasks_low" => a.arn },
  )
}
