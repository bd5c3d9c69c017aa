data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  # `secondary` says it when global_cluster_identifier is another module's output (unknown
  # until apply): instance counts must be known at plan.
  is_secondary = var.secondary != null ? var.secondary : var.global_cluster_identifier != null
  serverless   = var.serverless != null
  major        = split(".", var.engine_version)[0]
  family       = "aurora-postgresql${local.major}"
  region       = data.aws_region.current.name
  account_id   = data.aws_caller_identity.current.account_id
  partition    = data.aws_partition.current.partition
  pi_kms_key   = coalesce(var.performance_insights_kms_key_arn, var.kms_key_arn)
  port         = 5432
  create_mon   = var.monitoring_interval > 0 && local.instance_count > 0
  monitor_role = "${trimsuffix(substr(var.identifier, 0, 37), "-")}-aurora-mon-${local.region}"

  # Every instance of the cluster has a stable key: the writer is "writer", readers are
  # "reader-1" … "reader-N", so adding a reader adds one key and replaces nothing. A Global
  # Database secondary has no writer (its instances are readers; none: headless).
  has_writer     = !local.is_secondary
  reader_keys    = [for i in range(var.readers) : "reader-${i + 1}"]
  instance_count = (local.has_writer ? 1 : 0) + var.readers
  # Instances are spread over the AZs in order: the writer in the first, reader N in AZ N.
  reader_azs = {
    for i, key in local.reader_keys : key => (
      length(var.availability_zones) == 0 ? null :
      var.availability_zones[(i + (local.has_writer ? 1 : 0)) % length(var.availability_zones)]
    )
  }
  writer_az = length(var.availability_zones) == 0 ? null : var.availability_zones[0]

  instance_class = local.serverless ? "db.serverless" : var.instance_class

  # Region component of an ARN (arn:partition:service:REGION:account:...).
  kms_key_region = split(":", var.kms_key_arn)[3]
  pi_key_region  = split(":", local.pi_kms_key)[3]
  secret_key_region = (
    var.master_user_secret_kms_key_arn == null ? local.region : split(":", var.master_user_secret_kms_key_arn)[3]
  )

  tags = merge(var.tags, { Name = var.identifier })
}

################################################################################
# Security group: TCP 5432 only from the given private CIDRs, no egress rules.
################################################################################

resource "aws_security_group" "this" {
  name        = "${var.identifier}-aurora"
  description = "Aurora PostgreSQL ${var.identifier} - TCP 5432 from private subnets only, no egress"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.identifier}-aurora" })
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each = toset(var.allowed_cidr_blocks)

  security_group_id = aws_security_group.this.id
  description       = "PostgreSQL from private subnet ${each.value}"
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = each.value

  tags = merge(var.tags, { Name = "${var.identifier}-aurora-${each.value}" })
}

################################################################################
# Parameter groups: TLS enforced on the cluster, DDL and slow statements logged.
################################################################################

resource "aws_rds_cluster_parameter_group" "this" {
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
# Enhanced Monitoring role (AWS managed policy only), shared by the instances.
################################################################################

resource "aws_iam_role" "monitoring" {
  count = local.create_mon ? 1 : 0

  name        = local.monitor_role
  description = "Aurora Enhanced Monitoring for ${var.identifier} in ${local.region}"

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
# Cluster: a primary (with its writer) or a Global Database secondary.
################################################################################

resource "aws_rds_cluster" "this" {
  #checkov:skip=CKV2_AWS_8:Automated backups (1-35 days, kept after deletion) and a final snapshot protect the cluster; a Global Database secondary holds a second copy; AWS Backup plans are an account-level choice outside the spec.
  cluster_identifier = var.identifier
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version

  # A secondary joins the Global Database; its data, users and databases come from the primary.
  global_cluster_identifier = var.global_cluster_identifier

  # Storage: always encrypted with the customer-managed key of this region.
  storage_encrypted = true
  kms_key_id        = var.kms_key_arn

  # Credentials: RDS generates and rotates the master password in Secrets Manager.
  database_name                 = local.is_secondary ? null : var.database_name
  master_username               = local.is_secondary ? null : var.master_username
  manage_master_user_password   = local.is_secondary ? null : true
  master_user_secret_kms_key_id = local.is_secondary ? null : var.master_user_secret_kms_key_arn

  iam_database_authentication_enabled = var.iam_database_authentication_enabled

  # Network: private only.
  port                            = local.port
  db_subnet_group_name            = var.db_subnet_group_name
  vpc_security_group_ids          = [aws_security_group.this.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  dynamic "serverlessv2_scaling_configuration" {
    for_each = local.serverless ? [var.serverless] : []
    content {
      min_capacity = serverlessv2_scaling_configuration.value.min_capacity
      max_capacity = serverlessv2_scaling_configuration.value.max_capacity
    }
  }

  # Backups and protection against accidental deletion.
  backup_retention_period      = var.backup_retention_period
  preferred_backup_window      = var.preferred_backup_window
  preferred_maintenance_window = var.preferred_maintenance_window
  copy_tags_to_snapshot        = true
  delete_automated_backups     = false
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.identifier}-final"

  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports

  tags = local.tags

  lifecycle {
    # Joining the Global Database (the primary, via aws_rds_global_cluster's
    # source_db_cluster_identifier) sets this outside this resource; a secondary's
    # replication source is managed by the global cluster.
    ignore_changes = [global_cluster_identifier, replication_source_identifier]

    precondition {
      condition     = local.kms_key_region == local.region
      error_message = "kms_key_arn must be a key in this region (${local.region}), got one in ${local.kms_key_region}."
    }
    precondition {
      condition     = local.is_secondary || local.secret_key_region == local.region
      error_message = "master_user_secret_kms_key_arn must be a key in this region (${local.region})."
    }
  }
}

################################################################################
# Global Database: created from the primary cluster, so adding a secondary region to an
# existing estate neither replaces nor re-creates the primary.
################################################################################

resource "aws_rds_global_cluster" "this" {
  count = var.create_global_cluster ? 1 : 0

  global_cluster_identifier    = var.identifier
  source_db_cluster_identifier = aws_rds_cluster.this.arn
  deletion_protection          = var.deletion_protection
  force_destroy                = false
}

################################################################################
# Instances: the writer, then readers spread over the AZs.
################################################################################

resource "aws_rds_cluster_instance" "writer" {
  count = local.has_writer ? 1 : 0

  identifier         = "${var.identifier}-writer"
  cluster_identifier = aws_rds_cluster.this.id
  engine             = aws_rds_cluster.this.engine
  engine_version     = aws_rds_cluster.this.engine_version
  instance_class     = local.instance_class
  availability_zone  = local.writer_az
  promotion_tier     = 0

  db_subnet_group_name         = var.db_subnet_group_name
  publicly_accessible          = false
  auto_minor_version_upgrade   = true
  ca_cert_identifier           = var.ca_cert_identifier
  copy_tags_to_snapshot        = true
  preferred_maintenance_window = var.preferred_maintenance_window

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = local.pi_kms_key
  performance_insights_retention_period = var.performance_insights_retention_period
  monitoring_interval                   = var.monitoring_interval
  monitoring_role_arn                   = local.create_mon ? aws_iam_role.monitoring[0].arn : null

  tags = merge(var.tags, { Name = "${var.identifier}-writer" })

  depends_on = [aws_iam_role_policy_attachment.monitoring]

  lifecycle {
    precondition {
      condition     = local.pi_key_region == local.region
      error_message = "performance_insights_kms_key_arn must be a key in this region (${local.region})."
    }
  }
}

resource "aws_rds_cluster_instance" "reader" {
  for_each = local.reader_azs

  identifier         = "${var.identifier}-${each.key}"
  cluster_identifier = aws_rds_cluster.this.id
  engine             = aws_rds_cluster.this.engine
  engine_version     = aws_rds_cluster.this.engine_version
  instance_class     = local.instance_class
  availability_zone  = each.value
  promotion_tier     = 1

  db_subnet_group_name         = var.db_subnet_group_name
  publicly_accessible          = false
  auto_minor_version_upgrade   = true
  ca_cert_identifier           = var.ca_cert_identifier
  copy_tags_to_snapshot        = true
  preferred_maintenance_window = var.preferred_maintenance_window

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = local.pi_kms_key
  performance_insights_retention_period = var.performance_insights_retention_period
  monitoring_interval                   = var.monitoring_interval
  monitoring_role_arn                   = local.create_mon ? aws_iam_role.monitoring[0].arn : null

  tags = merge(var.tags, { Name = "${var.identifier}-${each.key}" })

  # The writer first: the first instance of a new cluster becomes its writer.
  depends_on = [aws_iam_role_policy_attachment.monitoring, aws_rds_cluster_instance.writer]

  lifecycle {
    precondition {
      condition     = local.pi_key_region == local.region
      error_message = "performance_insights_kms_key_arn must be a key in this region (${local.region})."
    }
  }
}
