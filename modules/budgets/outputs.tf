output "budget_names" {
  description = "Map of budget key => budget name."
  value       = { for key, b in aws_budgets_budget.this : key => b.name }
}

output "anomaly_monitor_arn" {
  description = "ARN of the cost anomaly monitor, or null."
  value       = one(aws_ce_anomaly_monitor.this[*].arn)
}
