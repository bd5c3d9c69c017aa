data "aws_region" "current" {}

locals {
  id     = var.replication_group_id
  port   = 6379
  region = data.aws_region.current.name

  is_secondary      = try(var.global_datastore.role == "secondary", false)
  is_global_primary = try(var.global_datastore.role == "primary", false)

  major  = split(".", var.engine_version)[0]
  family = "redis${local.major}"

  description = coalesce(var.description, "Redis ${local.id}")

  # Multi-AZ and automatic failover are always on with at least one replica
  # (var.multi_az_enabled is validated to match); cluster mode always needs failover.
  multi_az           = var.multi_az_enabled
  automatic_failover = var.multi_az_enabled || var.cluster_mode

  app_user_id     = "${local.id}-app"
  default_user_id = "${local.id}-default"
  user_group_id   = "${local.id}-users"

  kms_key_region     = split(":", var.kms_key_arn)[3]
  log_kms_key_region = split(":", var.log_kms_key_arn)[3]
}

################################################################################
# Network
################################################################################

resource "aws_elasticache_subnet_group" "this" {
  name        = "${local.id}-subnets"
  description = "Subnets of Redis ${local.id}"
  subnet_ids  = var.subnet_ids

  tags = merge(var.tags, { Name = "${local.id}-subnets" })
}

# TCP 6379 only from the given private CIDRs; no egress rules (Terraform removes
# the default allow-all egress rule of a new group).
resource "aws_security_group" "this" {
  name        = "${local.id}-redis"
  description = "Redis ${local.id} - TCP 6379 from private subnets only, no egress"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${local.id}-redis" })
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  for_each = toset(var.allowed_cidr_blocks)

  security_group_id = aws_security_group.this.id
  description       = "Redis TLS from private subnet ${each.value}"
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = each.value

  tags = merge(var.tags, { Name = "${local.id}-redis-${each.value}" })
}

################################################################################
# Parameter group (not in Global Datastore secondary mode: inherited there)
################################################################################

resource "aws_elasticache_parameter_group" "this" {
  count = local.is_secondary ? 0 : 1

  name        = "${local.id}-${local.family}"
  family      = local.family
  description = "Redis ${local.id} (${local.family}, cluster mode ${var.cluster_mode ? "on" : "off"})"

  parameter {
    name  = "cluster-enabled"
    value = var.cluster_mode ? "yes" : "no"
  }

  tags = merge(var.tags, { Name = "${local.id}-${local.family}" })

  lifecycle {
    create_before_destroy = true
  }
}

################################################################################
# Slow log -> KMS-encrypted CloudWatch log group
################################################################################

resource "aws_cloudwatch_log_group" "slow_log" {
  name              = "/aws/elasticache/${local.id}/slow-log"
  kms_key_id        = var.log_kms_key_arn
  retention_in_days = var.log_retention_in_days

  tags = merge(var.tags, { Name = "/aws/elasticache/${local.id}/slow-log" })

  lifecycle {
    precondition {
      condition     = local.log_kms_key_region == local.region
      error_message = "log_kms_key_arn must be a key in this region (${local.region}), got one in ${local.log_kms_key_region}."
    }
  }
}

################################################################################
# RBAC: IAM-authenticated application user + disabled "default" user.
# No password exists anywhere.
################################################################################

# Every user group must hold a user named "default"; this one replaces the
# service's open default user and can neither authenticate usefully nor run
# any command ("off", -@all).
resource "aws_elasticache_user" "default" {
  user_id              = local.default_user_id
  user_name            = "default"
  engine               = "redis"
  access_string        = "off ~* -@all"
  no_password_required = true

  tags = merge(var.tags, { Name = local.default_user_id })
}

# IAM authentication: ElastiCache requires user_id == user_name; clients sign
# a SigV4 token with an IAM identity allowed elasticache:Connect.
resource "aws_elasticache_user" "app" {
  user_id       = local.app_user_id
  user_name     = local.app_user_id
  engine        = "redis"
  access_string = var.app_user_access_string

  authentication_mode {
    type = "iam"
  }

  tags = merge(var.tags, { Name = local.app_user_id })
}

resource "aws_elasticache_user_group" "this" {
  user_group_id = local.user_group_id
  engine        = "redis"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.app.user_id]

  tags = merge(var.tags, { Name = local.user_group_id })
}

################################################################################
# Replication group
################################################################################

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = local.id
  description          = local.description

  # In Global Datastore secondary mode these come from the global group and the
  # provider rejects them (ConflictsWith global_replication_group_id).
  global_replication_group_id = local.is_secondary ? var.global_datastore.global_replication_group_id : null
  engine                      = local.is_secondary ? null : "redis"
  engine_version              = local.is_secondary ? null : var.engine_version
  node_type                   = local.is_secondary ? null : var.node_type
  parameter_group_name        = one(aws_elasticache_parameter_group.this[*].name)
  cluster_mode                = local.is_secondary ? null : (var.cluster_mode ? "enabled" : "disabled")
  at_rest_encryption_enabled  = local.is_secondary ? null : true
  transit_encryption_enabled  = local.is_secondary ? null : true
  transit_encryption_mode     = local.is_secondary ? null : "required"

  # Topology: shards only in cluster mode (inherited for secondaries).
  num_cache_clusters      = var.cluster_mode ? null : var.replicas_per_node_group + 1
  num_node_groups         = var.cluster_mode && !local.is_secondary ? var.num_node_groups : null
  replicas_per_node_group = var.cluster_mode ? var.replicas_per_node_group : null

  multi_az_enabled           = local.multi_az
  automatic_failover_enabled = local.automatic_failover

  # Encryption at rest with the customer-managed key of this region.
  kms_key_id = var.kms_key_arn

  port               = local.port
  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.this.id]

  # Authentication only through the RBAC user group (no AUTH token).
  user_group_ids = [aws_elasticache_user_group.this.user_group_id]

  auto_minor_version_upgrade = true
  maintenance_window         = var.maintenance_window
  snapshot_window            = var.snapshot_window
  snapshot_retention_limit   = var.snapshot_retention_limit
  # ElastiCache has no deletion protection: keep a final snapshot instead.
  final_snapshot_identifier = "${local.id}-final"

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.slow_log.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }

  tags = merge(var.tags, { Name = local.id })

  lifecycle {
    precondition {
      condition     = local.kms_key_region == local.region
      error_message = "kms_key_arn must be a key in this region (${local.region}), got one in ${local.kms_key_region}."
    }
  }
}

################################################################################
# Global Datastore (primary side)
################################################################################

resource "aws_elasticache_global_replication_group" "this" {
  count = local.is_global_primary ? 1 : 0

  global_replication_group_id_suffix   = coalesce(var.global_datastore.suffix, local.id)
  primary_replication_group_id         = aws_elasticache_replication_group.this.id
  global_replication_group_description = coalesce(var.global_datastore.description, "Global Datastore for ${local.description}")
}
