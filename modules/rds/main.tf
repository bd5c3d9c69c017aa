data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  is_replica   = var.replicate_source_db != null
  major        = split(".", var.engine_version)[0]
  family       = "postgres${local.major}"
  region       = data.aws_region.current.name
  account_id   = data.aws_caller_identity.current.account_id
  partition    = data.aws_partition.current.partition
  pi_kms_key   = coalesce(var.performance_insights_kms_key_arn, var.kms_key_arn)
  port         = 5432
  create_mon   = var.create_instance && var.monitoring_interval > 0
  monitor_role = "${trimsuffix(substr(var.identifier, 0, 40), "-")}-rds-mon-${local.region}"

  # Region component of an ARN (arn:partition:service:REGION:account:...).
  kms_key_region = split(":", var.kms_key_arn)[3]
  pi_key_region  = split(":", local.pi_kms_key)[3]
  secret_key_region = (
    var.master_user_secret_kms_key_arn == null ? local.region : split(":", var.master_user_secret_kms_key_arn)[3]
  )

  tags = merge(var.tags, { Name = var.identifier })
}

################################################################################
# Security group: TCP 5432 only from the given private CIDRs, no egress rules
# (Terraform removes the default allow-all egress rule of a new group).
################################################################################

resource "aws_security_group" "this" {
  count = var.create_instance ? 1 : 0

  name        = "${var.identifier}-rds"
  description = "PostgreSQL ${var.identifier} - TCP 5432 from private subnets only, no egress"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.identifier}-rds" })
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each = var.create_instance ? toset(var.allowed_cidr_blocks) : toset([])

  security_group_id = aws_security_group.this[0].id
  description       = "PostgreSQL from private subnet ${each.value}"
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = each.value

  tags = merge(var.tags, { Name = "${var.identifier}-rds-${each.value}" })
}

################################################################################
# Parameter group: TLS enforced, DDL and slow statements logged.
################################################################################

resource "aws_db_parameter_group" "this" {
  count = var.create_instance ? 1 : 0

  name        = "${var.identifier}-${local.family}"
  family      = local.family
  description = "${var.identifier} ${local.family}: force SSL, statement logging"

  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "log_statement"
    value        = var.log_statement
    apply_method = "immediate"
  }

  parameter {
    name         = "log_min_duration_statement"
    value        = tostring(var.log_min_duration_statement)
    apply_method = "immediate"
  }

  tags = merge(var.tags, { Name = "${var.identifier}-${local.family}" })

  lifecycle {
    # A major-version upgrade needs a group of the new family before the old one goes.
    create_before_destroy = true
  }
}

################################################################################
# Enhanced Monitoring role (AWS managed policy only).
################################################################################

resource "aws_iam_role" "monitoring" {
  count = local.create_mon ? 1 : 0

  name        = local.monitor_role
  description = "RDS Enhanced Monitoring for ${var.identifier} in ${local.region}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "RDSEnhancedMonitoring"
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })

  tags = merge(var.tags, { Name = local.monitor_role })
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  count = local.create_mon ? 1 : 0

  role       = aws_iam_role.monitoring[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

################################################################################
# DB instance: primary (replicate_source_db = null) or read replica.
################################################################################

resource "aws_db_instance" "this" {
  count = var.create_instance ? 1 : 0

  identifier     = var.identifier
  engine         = "postgres"
  engine_version = local.is_replica ? null : var.engine_version
  instance_class = var.instance_class

  replicate_source_db = var.replicate_source_db

  # Storage: always gp3, always encrypted with the customer-managed key of this region.
  allocated_storage     = local.is_replica ? null : var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  # Credentials: RDS generates and rotates the master password in Secrets Manager.
  # A replica inherits users and databases from its source.
  db_name                       = local.is_replica ? null : var.database_name
  username                      = local.is_replica ? null : var.master_username
  manage_master_user_password   = local.is_replica ? null : true
  master_user_secret_kms_key_id = local.is_replica ? null : var.master_user_secret_kms_key_arn

  iam_database_authentication_enabled = var.iam_database_authentication_enabled
  ca_cert_identifier                  = var.ca_cert_identifier

  # Network: private only.
  port                   = local.port
  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = [aws_security_group.this[0].id]
  publicly_accessible    = false
  multi_az               = var.multi_az

  parameter_group_name = aws_db_parameter_group.this[0].name

  # Backups and protection against accidental deletion.
  backup_retention_period  = var.backup_retention_period
  copy_tags_to_snapshot    = true
  delete_automated_backups = false
  deletion_protection      = var.deletion_protection
  # RDS rejects a final snapshot identifier when deleting a read replica; a
  # replica holds no data of its own. Promoting it (replicate_source_db = null)
  # switches it to a final snapshot like any primary.
  skip_final_snapshot       = local.is_replica
  final_snapshot_identifier = local.is_replica ? null : "${var.identifier}-final"

  auto_minor_version_upgrade = true

  # Observability.
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = local.pi_kms_key
  performance_insights_retention_period = var.performance_insights_retention_period
  monitoring_interval                   = var.monitoring_interval
  monitoring_role_arn                   = local.create_mon ? aws_iam_role.monitoring[0].arn : null
  enabled_cloudwatch_logs_exports       = var.enabled_cloudwatch_logs_exports

  tags = local.tags

  depends_on = [aws_iam_role_policy_attachment.monitoring]

  lifecycle {
    precondition {
      condition     = local.kms_key_region == local.region
      error_message = "kms_key_arn must be a key in this region (${local.region}), got one in ${local.kms_key_region}."
    }
    precondition {
      condition     = local.pi_key_region == local.region
      error_message = "performance_insights_kms_key_arn must be a key in this region (${local.region})."
    }
    precondition {
      condition     = local.is_replica || local.secret_key_region == local.region
      error_message = "master_user_secret_kms_key_arn must be a key in this region (${local.region})."
    }
  }
}

################################################################################
# Cross-region replication of automated backups INTO this region.
################################################################################

resource "aws_db_instance_automated_backups_replication" "this" {
  count = var.automated_backups_replication != null ? 1 : 0

  source_db_instance_arn = var.automated_backups_replication.source_db_instance_arn
  kms_key_id             = var.kms_key_arn
  retention_period       = var.automated_backups_replication.retention_period

  lifecycle {
    precondition {
      condition     = split(":", var.automated_backups_replication.source_db_instance_arn)[3] != local.region
      error_message = "automated_backups_replication.source_db_instance_arn must be an instance in another region than this one (${local.region})."
    }
    precondition {
      condition     = local.kms_key_region == local.region
      error_message = "kms_key_arn must be a key in this region (${local.region}), got one in ${local.kms_key_region}."
    }
  }
}
