output "key_arns" {
  description = "Map of purpose => key ARN (primary keys and replicas created in this region)."
  value       = local.key_arns
}

output "key_ids" {
  description = "Map of purpose => key ID (primary keys and replicas created in this region)."
  value       = local.key_ids
}

output "alias_names" {
  description = "Map of purpose => alias name (alias/<alias_prefix>/<purpose>)."
  value       = { for purpose, a in aws_kms_alias.this : purpose => a.name }
}

output "alias_arns" {
  description = "Map of purpose => alias ARN."
  value       = { for purpose, a in aws_kms_alias.this : purpose => a.arn }
}
