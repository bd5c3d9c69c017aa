output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "azs" {
  description = "Availability Zone names used, in order (the order of all per-AZ list outputs)."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, in AZ order."
  value       = [for az in local.azs : aws_subnet.public[az].id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, in AZ order."
  value       = [for az in local.azs : aws_subnet.private[az].id]
}

output "database_subnet_ids" {
  description = "IDs of the database subnets, in AZ order."
  value       = [for az in local.azs : aws_subnet.database[az].id]
}

output "public_subnet_cidrs" {
  description = "IPv4 CIDR blocks of the public subnets, in AZ order."
  value       = [for az in local.azs : aws_subnet.public[az].cidr_block]
}

output "private_subnet_cidrs" {
  description = "IPv4 CIDR blocks of the private subnets, in AZ order."
  value       = [for az in local.azs : aws_subnet.private[az].cidr_block]
}

output "database_subnet_cidrs" {
  description = "IPv4 CIDR blocks of the database subnets, in AZ order."
  value       = [for az in local.azs : aws_subnet.database[az].cidr_block]
}

output "database_subnet_group_name" {
  description = "Name of the RDS DB subnet group spanning the database subnets (\"<name>-db\")."
  value       = aws_db_subnet_group.database.name
}

output "public_route_table_id" {
  description = "ID of the public route table (default route to the internet gateway)."
  value       = aws_route_table.public.id
}

output "private_route_table_ids" {
  description = "IDs of the private route tables, one per AZ, in AZ order."
  value       = [for az in local.azs : aws_route_table.private[az].id]
}

output "database_route_table_id" {
  description = "ID of the database route table (no internet route)."
  value       = aws_route_table.database.id
}

output "nat_gateway_public_ips" {
  description = "Public IPv4 addresses of the NAT gateways in AZ order (empty when nat_strategy is \"none\"); useful for third-party allow-lists."
  value       = [for az in local.nat_azs : aws_eip.nat[az].public_ip]
}

output "flow_log_group_name" {
  description = "Name of the CloudWatch log group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}

output "flow_log_group_arn" {
  description = "ARN of the CloudWatch log group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.arn
}

output "flow_log_kms_key_arn" {
  description = "ARN of the KMS key encrypting the flow log group (the module-created key, or flow_log_kms_key_arn when given)."
  value       = local.flow_log_kms_key_arn
}

output "s3_endpoint_id" {
  description = "ID of the S3 gateway VPC endpoint (attached to the private and database route tables)."
  value       = aws_vpc_endpoint.s3.id
}

output "default_security_group_id" {
  description = "ID of the VPC's default security group (all rules removed)."
  value       = aws_default_security_group.this.id
}
