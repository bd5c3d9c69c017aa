mock_provider "aws" {
  override_data {
    target = data.aws_availability_zones.available
    values = {
      names    = ["ap-south-1c", "ap-south-1a", "ap-south-1b"]
      zone_ids = ["aps1-az2", "aps1-az1", "aps1-az3"]
    }
  }

  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "123456789012"
      arn        = "arn:aws:iam::123456789012:user/ci"
      user_id    = "AIDAEXAMPLEUSERID0000"
    }
  }

  override_data {
    target = data.aws_region.current
    values = {
      name        = "ap-south-1"
      description = "Asia Pacific (Mumbai)"
      endpoint    = "ec2.ap-south-1.amazonaws.com"
    }
  }

  override_data {
    target = data.aws_partition.current
    values = {
      partition          = "aws"
      dns_suffix         = "amazonaws.com"
      reverse_dns_prefix = "com.amazonaws"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:ap-south-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
      key_id = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:ap-south-1:123456789012:log-group:/aws/vpc-flow-logs/bizflow-production-ap-south-1"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/bizflow-production-ap-south-1-vpc-flow-logs"
    }
  }
}

variables {
  name             = "bizflow-production-ap-south-1"
  cidr             = "10.1.0.0/16"
  az_count         = 3
  public_subnets   = ["10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24"]
  private_subnets  = ["10.1.11.0/24", "10.1.12.0/24", "10.1.13.0/24"]
  database_subnets = ["10.1.21.0/24", "10.1.22.0/24", "10.1.23.0/24"]
  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

################################################################################
# Defaults: per_az NAT, module-managed KMS key
################################################################################

run "defaults_per_az" {
  command = apply

  variables {
    public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }
    private_subnet_tags = { "kubernetes.io/role/internal-elb" = "1", "karpenter.sh/discovery" = "bizflow" }
  }

  # VPC
  assert {
    condition     = aws_vpc.this.enable_dns_support && aws_vpc.this.enable_dns_hostnames
    error_message = "DNS support and hostnames must be enabled on the VPC."
  }

  assert {
    condition     = aws_vpc.this.cidr_block == "10.1.0.0/16" && aws_vpc.this.tags["Name"] == "bizflow-production-ap-south-1" && aws_vpc.this.tags["Project"] == "bizflow"
    error_message = "VPC CIDR or tags are wrong."
  }

  # AZs: sorted, first az_count
  assert {
    condition     = output.azs == tolist(["ap-south-1a", "ap-south-1b", "ap-south-1c"])
    error_message = "AZs must be the sorted first az_count available zones."
  }

  # Subnets
  assert {
    condition = alltrue(concat(
      [for s in aws_subnet.public : s.map_public_ip_on_launch == false],
      [for s in aws_subnet.private : s.map_public_ip_on_launch == false],
      [for s in aws_subnet.database : s.map_public_ip_on_launch == false],
    ))
    error_message = "No subnet may map public IPs on launch."
  }

  assert {
    condition = (
      aws_subnet.public["ap-south-1a"].cidr_block == "10.1.1.0/24" &&
      aws_subnet.private["ap-south-1b"].cidr_block == "10.1.12.0/24" &&
      aws_subnet.database["ap-south-1c"].cidr_block == "10.1.23.0/24" &&
      aws_subnet.database["ap-south-1c"].availability_zone == "ap-south-1c"
    )
    error_message = "Subnet CIDRs must be assigned to AZs in order."
  }

  assert {
    condition = (
      tolist(output.public_subnet_cidrs) == var.public_subnets &&
      tolist(output.private_subnet_cidrs) == var.private_subnets &&
      tolist(output.database_subnet_cidrs) == var.database_subnets &&
      length(output.public_subnet_ids) == 3 &&
      length(output.private_subnet_ids) == 3 &&
      length(output.database_subnet_ids) == 3
    )
    error_message = "Subnet outputs must be in AZ order and match the inputs."
  }

  assert {
    condition = (
      aws_subnet.public["ap-south-1a"].tags["kubernetes.io/role/elb"] == "1" &&
      aws_subnet.private["ap-south-1b"].tags["karpenter.sh/discovery"] == "bizflow" &&
      !contains(keys(aws_subnet.database["ap-south-1a"].tags), "kubernetes.io/role/elb") &&
      aws_subnet.private["ap-south-1c"].tags["Name"] == "bizflow-production-ap-south-1-private-ap-south-1c"
    )
    error_message = "Per-tier subnet tags must be applied to their tier only."
  }

  assert {
    condition     = aws_db_subnet_group.database.name == "bizflow-production-ap-south-1-db" && output.database_subnet_group_name == "bizflow-production-ap-south-1-db"
    error_message = "DB subnet group must be named <name>-db."
  }

  assert {
    condition     = toset(aws_db_subnet_group.database.subnet_ids) == toset([for s in aws_subnet.database : s.id])
    error_message = "DB subnet group must contain exactly the database subnets."
  }

  # NAT per AZ
  assert {
    condition     = length(aws_nat_gateway.this) == 3 && length(aws_eip.nat) == 3 && length(output.nat_gateway_public_ips) == 3
    error_message = "per_az must create one NAT gateway and EIP per AZ."
  }

  assert {
    condition     = alltrue([for az, n in aws_nat_gateway.this : n.subnet_id == aws_subnet.public[az].id && n.allocation_id == aws_eip.nat[az].id])
    error_message = "Each NAT gateway must sit in the public subnet of its AZ with its own EIP."
  }

  assert {
    condition     = alltrue([for e in aws_eip.nat : e.domain == "vpc"])
    error_message = "NAT EIPs must be VPC EIPs."
  }

  # Routing
  assert {
    condition = (
      aws_route.public_internet_gateway.route_table_id == aws_route_table.public.id &&
      aws_route.public_internet_gateway.destination_cidr_block == "0.0.0.0/0" &&
      aws_route.public_internet_gateway.gateway_id == aws_internet_gateway.this.id
    )
    error_message = "Public route table must route 0.0.0.0/0 to the internet gateway."
  }

  assert {
    condition = length(aws_route.private_nat_gateway) == 3 && alltrue([
      for az, r in aws_route.private_nat_gateway :
      r.route_table_id == aws_route_table.private[az].id && r.nat_gateway_id == aws_nat_gateway.this[az].id && r.destination_cidr_block == "0.0.0.0/0"
    ])
    error_message = "Each private route table must route 0.0.0.0/0 to the NAT gateway of its AZ."
  }

  assert {
    condition = alltrue(concat(
      [for r in aws_route.private_nat_gateway : r.route_table_id != aws_route_table.database.id],
      [aws_route.public_internet_gateway.route_table_id != aws_route_table.database.id],
    ))
    error_message = "The database route table must not have a 0.0.0.0/0 route."
  }

  assert {
    condition = (
      alltrue([for az, a in aws_route_table_association.database : a.route_table_id == aws_route_table.database.id && a.subnet_id == aws_subnet.database[az].id]) &&
      alltrue([for az, a in aws_route_table_association.private : a.route_table_id == aws_route_table.private[az].id && a.subnet_id == aws_subnet.private[az].id]) &&
      alltrue([for az, a in aws_route_table_association.public : a.route_table_id == aws_route_table.public.id && a.subnet_id == aws_subnet.public[az].id])
    )
    error_message = "Subnets must be associated with the route table of their tier (and AZ)."
  }

  # S3 gateway endpoint
  assert {
    condition     = aws_vpc_endpoint.s3.vpc_endpoint_type == "Gateway" && aws_vpc_endpoint.s3.service_name == "com.amazonaws.ap-south-1.s3"
    error_message = "S3 endpoint must be a Gateway endpoint for the regional S3 service."
  }

  assert {
    condition = (
      toset(aws_vpc_endpoint.s3.route_table_ids) == toset(concat([for rt in aws_route_table.private : rt.id], [aws_route_table.database.id])) &&
      !contains(aws_vpc_endpoint.s3.route_table_ids, aws_route_table.public.id)
    )
    error_message = "S3 endpoint must be attached to the private and database route tables only."
  }

  # Default security group
  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "Default security group must have no rules."
  }

  # Flow logs
  assert {
    condition = (
      aws_flow_log.this.vpc_id == aws_vpc.this.id &&
      aws_flow_log.this.traffic_type == "ALL" &&
      aws_flow_log.this.log_destination_type == "cloud-watch-logs" &&
      aws_flow_log.this.log_destination == aws_cloudwatch_log_group.flow_logs.arn &&
      aws_flow_log.this.iam_role_arn == aws_iam_role.flow_logs.arn
    )
    error_message = "Flow log must capture ALL traffic of the VPC into the module's log group via its role."
  }

  assert {
    condition = (
      aws_cloudwatch_log_group.flow_logs.name == "/aws/vpc-flow-logs/bizflow-production-ap-south-1" &&
      aws_cloudwatch_log_group.flow_logs.retention_in_days == 365 &&
      aws_cloudwatch_log_group.flow_logs.kms_key_id == aws_kms_key.flow_logs[0].arn
    )
    error_message = "Flow log group must be named /aws/vpc-flow-logs/<name>, keep 365 days and be encrypted with the module key."
  }

  assert {
    condition     = output.flow_log_group_name == aws_cloudwatch_log_group.flow_logs.name && output.flow_log_kms_key_arn == aws_kms_key.flow_logs[0].arn
    error_message = "Flow log outputs are wrong."
  }

  # KMS key
  assert {
    condition     = length(aws_kms_key.flow_logs) == 1 && aws_kms_key.flow_logs[0].enable_key_rotation == true && aws_kms_key.flow_logs[0].deletion_window_in_days == 30
    error_message = "Module KMS key must have rotation on and a 30-day deletion window."
  }

  assert {
    condition     = aws_kms_alias.flow_logs[0].name == "alias/bizflow-production-ap-south-1/flow-logs" && aws_kms_alias.flow_logs[0].target_key_id == aws_kms_key.flow_logs[0].key_id
    error_message = "KMS alias must be alias/<name>/flow-logs."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_key.flow_logs[0].policy).Statement :
      s.Principal != "*" && !contains(values(s.Principal), "*")
    ])
    error_message = "KMS key policy must not have a wildcard principal."
  }

  assert {
    condition = (
      jsondecode(aws_kms_key.flow_logs[0].policy).Statement[0].Principal.AWS == "arn:aws:iam::123456789012:root" &&
      jsondecode(aws_kms_key.flow_logs[0].policy).Statement[1].Principal.Service == "logs.ap-south-1.amazonaws.com" &&
      jsondecode(aws_kms_key.flow_logs[0].policy).Statement[1].Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"] == "arn:aws:logs:ap-south-1:123456789012:log-group:/aws/vpc-flow-logs/bizflow-production-ap-south-1"
    )
    error_message = "KMS key policy must grant the account root and the regional CloudWatch Logs principal scoped to the log group."
  }

  # IAM
  assert {
    condition = (
      jsondecode(aws_iam_role.flow_logs.assume_role_policy).Statement[0].Principal.Service == "vpc-flow-logs.amazonaws.com" &&
      jsondecode(aws_iam_role.flow_logs.assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "123456789012"
    )
    error_message = "Flow log role must trust only VPC Flow Logs from this account."
  }

  assert {
    condition = alltrue(flatten([
      for s in jsondecode(aws_iam_role_policy.flow_logs.policy).Statement : [
        for r in flatten([s.Resource]) : r != "*" && startswith(r, "arn:aws:logs:ap-south-1:123456789012:log-group:")
      ]
    ]))
    error_message = "Flow log role policy must not use wildcard resources."
  }

  assert {
    condition = contains(
      jsondecode(aws_iam_role_policy.flow_logs.policy).Statement[0].Resource,
      "${aws_cloudwatch_log_group.flow_logs.arn}:*"
    )
    error_message = "Flow log role write permissions must be scoped to the log group."
  }
}

################################################################################
# NAT strategies
################################################################################

run "nat_single" {
  command = apply

  variables {
    nat_strategy = "single"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_eip.nat) == 1 && length(output.nat_gateway_public_ips) == 1
    error_message = "single must create exactly one NAT gateway and EIP."
  }

  assert {
    condition     = contains(keys(aws_nat_gateway.this), "ap-south-1a") && aws_nat_gateway.this["ap-south-1a"].subnet_id == aws_subnet.public["ap-south-1a"].id
    error_message = "The single NAT gateway must sit in the public subnet of the first AZ."
  }

  assert {
    condition = length(aws_route.private_nat_gateway) == 3 && alltrue([
      for r in aws_route.private_nat_gateway : r.nat_gateway_id == aws_nat_gateway.this["ap-south-1a"].id
    ])
    error_message = "Every private route table must use the single NAT gateway."
  }
}

run "nat_none" {
  command = apply

  variables {
    nat_strategy = "none"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 0 && length(aws_eip.nat) == 0 && output.nat_gateway_public_ips == []
    error_message = "none must create no NAT gateway or EIP."
  }

  assert {
    condition     = length(aws_route.private_nat_gateway) == 0 && length(aws_route_table.private) == 3
    error_message = "With none, private route tables exist but have no default route."
  }

  assert {
    condition     = length(aws_vpc_endpoint.s3.route_table_ids) == 4
    error_message = "S3 endpoint still serves the private and database route tables."
  }
}

################################################################################
# Other inputs
################################################################################

run "external_kms_key_and_flow_log_settings" {
  command = apply

  variables {
    flow_log_kms_key_arn    = "arn:aws:kms:ap-south-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    flow_log_retention_days = 731
    flow_log_traffic_type   = "REJECT"
  }

  assert {
    condition     = length(aws_kms_key.flow_logs) == 0 && length(aws_kms_alias.flow_logs) == 0
    error_message = "No KMS key may be created when flow_log_kms_key_arn is given."
  }

  assert {
    condition = (
      aws_cloudwatch_log_group.flow_logs.kms_key_id == "arn:aws:kms:ap-south-1:123456789012:key/11111111-2222-3333-4444-555555555555" &&
      output.flow_log_kms_key_arn == "arn:aws:kms:ap-south-1:123456789012:key/11111111-2222-3333-4444-555555555555" &&
      aws_cloudwatch_log_group.flow_logs.retention_in_days == 731 &&
      aws_flow_log.this.traffic_type == "REJECT"
    )
    error_message = "Log group must use the given key and retention; flow log the given traffic type."
  }
}

run "two_azs" {
  command = plan

  variables {
    name             = "bizflow-dr-ap-south-1"
    az_count         = 2
    cidr             = "10.2.0.0/20"
    public_subnets   = ["10.2.0.0/24", "10.2.1.0/24"]
    private_subnets  = ["10.2.4.0/23", "10.2.6.0/23"]
    database_subnets = ["10.2.8.0/26", "10.2.8.64/26"]
    nat_strategy     = "single"
  }

  assert {
    condition     = output.azs == tolist(["ap-south-1a", "ap-south-1b"]) && length(aws_subnet.private) == 2 && length(aws_route_table.private) == 2
    error_message = "az_count=2 must use the first two sorted AZs."
  }
}

################################################################################
# Validation failures
################################################################################

run "rejects_invalid_cidr" {
  command = plan

  variables {
    cidr = "10.1.0.0/33"
  }

  expect_failures = [var.cidr]
}

run "rejects_non_canonical_cidr" {
  command = plan

  variables {
    cidr = "10.1.5.0/16"
  }

  expect_failures = [var.cidr]
}

run "rejects_too_large_vpc_cidr" {
  command = plan

  variables {
    cidr             = "10.0.0.0/8"
    public_subnets   = ["10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24"]
    private_subnets  = ["10.1.11.0/24", "10.1.12.0/24", "10.1.13.0/24"]
    database_subnets = ["10.1.21.0/24", "10.1.22.0/24", "10.1.23.0/24"]
  }

  expect_failures = [var.cidr]
}

run "rejects_bad_retention" {
  command = plan

  variables {
    flow_log_retention_days = 10
  }

  expect_failures = [var.flow_log_retention_days]
}

run "rejects_wrong_subnet_list_length" {
  command = plan

  variables {
    private_subnets = ["10.1.11.0/24", "10.1.12.0/24"]
  }

  expect_failures = [var.private_subnets]
}

run "rejects_invalid_subnet_cidr" {
  command = plan

  variables {
    database_subnets = ["10.1.21.0/24", "10.1.22.0/24", "10.1.23.0"]
  }

  expect_failures = [var.database_subnets]
}

run "rejects_subnet_outside_vpc" {
  command = plan

  variables {
    public_subnets = ["10.1.1.0/24", "10.1.2.0/24", "10.9.3.0/24"]
  }

  expect_failures = [var.public_subnets]
}

run "rejects_overlapping_subnets" {
  command = plan

  variables {
    database_subnets = ["10.1.21.0/24", "10.1.22.0/24", "10.1.0.0/22"]
  }

  expect_failures = [aws_vpc.this]
}

run "rejects_bad_nat_strategy" {
  command = plan

  variables {
    nat_strategy = "per-az"
  }

  expect_failures = [var.nat_strategy]
}

run "rejects_bad_name" {
  command = plan

  variables {
    name = "BizFlow_Production"
  }

  expect_failures = [var.name]
}

run "rejects_too_long_name" {
  command = plan

  variables {
    name = "bizflow-production-ap-south-1-with-a-very-long-tail"
  }

  expect_failures = [var.name]
}

run "rejects_bad_az_count" {
  command = plan

  variables {
    az_count = 7
  }

  expect_failures = [var.az_count]
}

run "rejects_bad_traffic_type" {
  command = plan

  variables {
    flow_log_traffic_type = "all"
  }

  expect_failures = [var.flow_log_traffic_type]
}

run "rejects_kms_alias_instead_of_key_arn" {
  command = plan

  variables {
    flow_log_kms_key_arn = "arn:aws:kms:ap-south-1:123456789012:alias/flow-logs"
  }

  expect_failures = [var.flow_log_kms_key_arn]
}

run "rejects_kms_key_in_other_region" {
  command = plan

  variables {
    flow_log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [aws_cloudwatch_log_group.flow_logs]
}

run "rejects_az_count_above_region_azs" {
  command = plan

  override_data {
    target = data.aws_availability_zones.available
    values = {
      names = ["ap-south-1a", "ap-south-1b"]
    }
  }

  expect_failures = [aws_vpc.this]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.vpc.data.aws_availability_zones.available
    values = {
      names    = ["ap-south-1a", "ap-south-1b", "ap-south-1c"]
      zone_ids = ["aps1-az1", "aps1-az3", "aps1-az2"]
    }
  }

  override_data {
    target = module.vpc.data.aws_region.current
    values = { name = "ap-south-1" }
  }

  assert {
    condition     = length(module.vpc.private_subnet_ids) == 3
    error_message = "The basic example must plan three private subnets."
  }
}
