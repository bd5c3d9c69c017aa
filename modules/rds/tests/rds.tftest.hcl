mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name = "ap-south-1"
    }
  }

  mock_data "aws_partition" {
    defaults = {
      partition  = "aws"
      dns_suffix = "amazonaws.com"
    }
  }

  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "111122223333"
      arn        = "arn:aws:iam::111122223333:role/terraform"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/bizflow-db-rds-mon-ap-south-1"
    }
  }

  mock_resource "aws_db_instance" {
    defaults = {
      arn = "arn:aws:rds:ap-south-1:111122223333:db:bizflow-db"
      master_user_secret = [{
        kms_key_id    = "arn:aws:kms:ap-south-1:111122223333:key/22222222-2222-2222-2222-222222222222"
        secret_arn    = "arn:aws:secretsmanager:ap-south-1:111122223333:secret:rds!db-0000-AbCdEf"
        secret_status = "active"
      }]
    }
  }
}

override_data {
  target = data.aws_region.current
  values = {
    name = "ap-south-1"
  }
}

override_data {
  target = data.aws_caller_identity.current
  values = {
    account_id = "111122223333"
  }
}

override_data {
  target = data.aws_partition.current
  values = {
    partition = "aws"
  }
}

variables {
  identifier                     = "bizflow-db"
  instance_class                 = "db.r6g.2xlarge"
  allocated_storage              = 500
  max_allocated_storage          = 1000
  kms_key_arn                    = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
  master_user_secret_kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/22222222-2222-2222-2222-222222222222"
  vpc_id                         = "vpc-0123456789abcdef0"
  db_subnet_group_name           = "bizflow-ap-south-1-db"
  allowed_cidr_blocks            = ["10.1.16.0/20", "10.1.32.0/20", "10.1.48.0/20"]
  tags = {
    Project = "bizflow"
  }
}

################################################################################
# Secure defaults (primary)
################################################################################

run "primary_secure_defaults" {
  command = plan

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.this)) == toset(["cpu", "free_storage", "freeable_memory", "connections", "replica_lag"]) && aws_cloudwatch_metric_alarm.this["replica_lag"].treat_missing_data == "notBreaching"
    error_message = "A primary gets every alarm by default; its replica_lag alarm (no metric on a primary) treats missing data as notBreaching."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["cpu"].threshold == 80 && aws_cloudwatch_metric_alarm.this["cpu"].evaluation_periods == 10 && aws_cloudwatch_metric_alarm.this["free_storage"].threshold == 10737418240 && aws_cloudwatch_metric_alarm.this["free_storage"].comparison_operator == "LessThanThreshold"
    error_message = "Default thresholds: CPU above 80% for 10 min, free storage below 10 GiB."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.this : strcontains(a.alarm_description, "Runbook: docs/runbooks.md#rds-") && a.dimensions["DBInstanceIdentifier"] == "bizflow-db" && length(a.alarm_actions) == 0])
    error_message = "Every alarm names its runbook line and watches the instance; without alarm_actions nobody is told."
  }

  assert {
    condition     = aws_db_instance.this[0].engine == "postgres" && aws_db_instance.this[0].engine_version == "16.4"
    error_message = "Engine must be PostgreSQL 16.4 by default."
  }

  assert {
    condition     = aws_db_instance.this[0].storage_encrypted == true && aws_db_instance.this[0].kms_key_id == var.kms_key_arn
    error_message = "Storage must be encrypted with the given customer-managed key."
  }

  assert {
    condition     = aws_db_instance.this[0].storage_type == "gp3" && aws_db_instance.this[0].allocated_storage == 500 && aws_db_instance.this[0].max_allocated_storage == 1000
    error_message = "Storage must be gp3 with the requested size and autoscaling ceiling."
  }

  assert {
    condition     = aws_db_instance.this[0].deletion_protection == true
    error_message = "Deletion protection must be on by default."
  }

  assert {
    condition     = aws_db_instance.this[0].skip_final_snapshot == false && aws_db_instance.this[0].final_snapshot_identifier == "bizflow-db-final"
    error_message = "A final snapshot named <identifier>-final must be taken on deletion."
  }

  assert {
    condition     = aws_db_instance.this[0].delete_automated_backups == false && aws_db_instance.this[0].copy_tags_to_snapshot == true
    error_message = "Automated backups must survive deletion and snapshots must carry tags."
  }

  assert {
    condition     = aws_db_instance.this[0].manage_master_user_password == true && aws_db_instance.this[0].master_user_secret_kms_key_id == var.master_user_secret_kms_key_arn
    error_message = "The master password must be managed by RDS in Secrets Manager with the given key."
  }

  assert {
    condition     = aws_db_instance.this[0].password == null && aws_db_instance.this[0].username == "app_admin" && aws_db_instance.this[0].db_name == "app"
    error_message = "No password may be set in configuration; default user/db must be app_admin/app."
  }

  assert {
    condition     = aws_db_instance.this[0].publicly_accessible == false
    error_message = "The instance must never be publicly accessible."
  }

  assert {
    condition     = aws_db_instance.this[0].multi_az == true
    error_message = "Multi-AZ must be on by default."
  }

  assert {
    condition     = aws_db_instance.this[0].backup_retention_period == 35
    error_message = "Backup retention must default to 35 days."
  }

  assert {
    condition     = aws_db_instance.this[0].iam_database_authentication_enabled == true && aws_db_instance.this[0].ca_cert_identifier == "rds-ca-ecc384-g1"
    error_message = "IAM auth must be on and the ECC384 CA used by default."
  }

  assert {
    condition     = aws_db_instance.this[0].auto_minor_version_upgrade == true
    error_message = "Auto minor version upgrade must be on."
  }

  assert {
    condition = (
      aws_db_instance.this[0].performance_insights_enabled == true &&
      aws_db_instance.this[0].performance_insights_kms_key_id == var.kms_key_arn &&
      aws_db_instance.this[0].performance_insights_retention_period == 7
    )
    error_message = "Performance Insights must be on, encrypted with kms_key_arn by default."
  }

  assert {
    condition     = aws_db_instance.this[0].monitoring_interval == 30 && length(aws_iam_role.monitoring) == 1
    error_message = "Enhanced Monitoring must run every 30s with a module-created role."
  }

  assert {
    condition     = aws_iam_role_policy_attachment.monitoring[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
    error_message = "The monitoring role must only carry the AmazonRDSEnhancedMonitoringRole managed policy."
  }

  assert {
    condition     = jsondecode(aws_iam_role.monitoring[0].assume_role_policy).Statement[0].Principal.Service == "monitoring.rds.amazonaws.com"
    error_message = "Only the RDS monitoring service may assume the monitoring role."
  }

  assert {
    condition     = jsondecode(aws_iam_role.monitoring[0].assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "111122223333"
    error_message = "The monitoring role trust policy must be scoped to this account."
  }

  assert {
    condition     = length(aws_iam_role.monitoring[0].name) <= 64
    error_message = "The monitoring role name must fit IAM's 64-character limit."
  }

  assert {
    condition     = toset(aws_db_instance.this[0].enabled_cloudwatch_logs_exports) == toset(["postgresql", "upgrade"])
    error_message = "postgresql and upgrade logs must be exported by default."
  }

  assert {
    condition     = aws_db_instance.this[0].tags["Name"] == "bizflow-db" && aws_db_instance.this[0].tags["Project"] == "bizflow"
    error_message = "Tags must be merged with a Name tag."
  }
}

run "parameter_group_enforces_tls_and_logging" {
  command = plan

  assert {
    condition     = aws_db_parameter_group.this[0].family == "postgres16"
    error_message = "Parameter group family must derive from the major version."
  }

  assert {
    condition     = anytrue([for p in aws_db_parameter_group.this[0].parameter : p.name == "rds.force_ssl" && p.value == "1"])
    error_message = "rds.force_ssl must be 1."
  }

  assert {
    condition     = anytrue([for p in aws_db_parameter_group.this[0].parameter : p.name == "log_statement" && p.value == "ddl"])
    error_message = "log_statement must default to ddl."
  }

  assert {
    condition     = anytrue([for p in aws_db_parameter_group.this[0].parameter : p.name == "log_min_duration_statement" && p.value == "1000"])
    error_message = "log_min_duration_statement must default to 1000 ms."
  }

  assert {
    condition     = aws_db_instance.this[0].parameter_group_name == aws_db_parameter_group.this[0].name
    error_message = "The instance must use the module's parameter group."
  }
}

run "parameter_group_custom_logging_and_family" {
  command = plan

  variables {
    engine_version             = "15"
    log_statement              = "mod"
    log_min_duration_statement = 250
  }

  assert {
    condition     = aws_db_parameter_group.this[0].family == "postgres15" && aws_db_parameter_group.this[0].name == "bizflow-db-postgres15"
    error_message = "Family/name must follow engine_version."
  }

  assert {
    condition     = anytrue([for p in aws_db_parameter_group.this[0].parameter : p.name == "log_statement" && p.value == "mod"])
    error_message = "log_statement must be configurable."
  }

  assert {
    condition     = anytrue([for p in aws_db_parameter_group.this[0].parameter : p.name == "log_min_duration_statement" && p.value == "250"])
    error_message = "log_min_duration_statement must be configurable."
  }
}

run "security_group_only_admits_private_cidrs_on_5432" {
  command = plan

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.postgres)) == toset(var.allowed_cidr_blocks)
    error_message = "One ingress rule per allowed CIDR, and nothing else."
  }

  assert {
    condition = alltrue([
      for r in aws_vpc_security_group_ingress_rule.postgres :
      r.from_port == 5432 && r.to_port == 5432 && r.ip_protocol == "tcp" && contains(var.allowed_cidr_blocks, r.cidr_ipv4)
    ])
    error_message = "Ingress must be TCP 5432 from the given CIDRs only."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.postgres : r.cidr_ipv6 == null && r.referenced_security_group_id == null && r.prefix_list_id == null])
    error_message = "No other ingress source may be admitted."
  }

  assert {
    condition     = aws_security_group.this[0].vpc_id == var.vpc_id && aws_db_instance.this[0].port == 5432
    error_message = "Security group must live in the given VPC and the DB listen on 5432."
  }

  assert {
    condition     = aws_db_instance.this[0].db_subnet_group_name == var.db_subnet_group_name
    error_message = "The instance must use the given DB subnet group."
  }
}

run "monitoring_disabled_creates_no_role" {
  command = plan

  variables {
    monitoring_interval = 0
  }

  assert {
    condition     = length(aws_iam_role.monitoring) == 0 && length(aws_iam_role_policy_attachment.monitoring) == 0 && aws_db_instance.this[0].monitoring_interval == 0
    error_message = "No monitoring role when monitoring is off."
  }
}

run "performance_insights_dedicated_key" {
  command = plan

  variables {
    performance_insights_kms_key_arn      = "arn:aws:kms:ap-south-1:111122223333:key/33333333-3333-3333-3333-333333333333"
    performance_insights_retention_period = 731
  }

  assert {
    condition     = aws_db_instance.this[0].performance_insights_kms_key_id == "arn:aws:kms:ap-south-1:111122223333:key/33333333-3333-3333-3333-333333333333"
    error_message = "A dedicated Performance Insights key must be used when given."
  }
}

################################################################################
# Replica mode
################################################################################

run "cross_region_replica" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "ap-southeast-1"
    }
  }

  variables {
    identifier                     = "bizflow-db-replica"
    instance_class                 = "db.r6g.xlarge"
    replicate_source_db            = "arn:aws:rds:ap-south-1:111122223333:db:bizflow-db"
    kms_key_arn                    = "arn:aws:kms:ap-southeast-1:111122223333:key/44444444-4444-4444-4444-444444444444"
    master_user_secret_kms_key_arn = null
    vpc_id                         = "vpc-0fedcba9876543210"
    db_subnet_group_name           = "bizflow-ap-southeast-1-db"
    allowed_cidr_blocks            = ["10.2.16.0/20", "10.2.32.0/20"]
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["replica_lag"].threshold == 900 && aws_cloudwatch_metric_alarm.this["replica_lag"].treat_missing_data == "breaching"
    error_message = "A replica gets a replica_lag alarm (15-minute RPO by default) that breaches when the replica stops reporting."
  }

  assert {
    condition     = aws_db_instance.this[0].replicate_source_db == "arn:aws:rds:ap-south-1:111122223333:db:bizflow-db"
    error_message = "Replica must replicate from the given source ARN."
  }

  assert {
    condition     = aws_db_instance.this[0].manage_master_user_password == null && aws_db_instance.this[0].password == null
    error_message = "A replica must not manage (or set) a master password."
  }

  assert {
    condition     = aws_db_instance.this[0].storage_encrypted == true && aws_db_instance.this[0].kms_key_id == "arn:aws:kms:ap-southeast-1:111122223333:key/44444444-4444-4444-4444-444444444444"
    error_message = "A replica must be encrypted with the local region key."
  }

  assert {
    condition     = aws_db_instance.this[0].skip_final_snapshot == true && aws_db_instance.this[0].final_snapshot_identifier == null
    error_message = "RDS rejects a final snapshot for read replicas."
  }

  assert {
    condition     = aws_db_instance.this[0].deletion_protection == true && aws_db_instance.this[0].publicly_accessible == false
    error_message = "A replica keeps deletion protection and stays private."
  }

  assert {
    condition     = aws_db_parameter_group.this[0].family == "postgres16" && anytrue([for p in aws_db_parameter_group.this[0].parameter : p.name == "rds.force_ssl" && p.value == "1"])
    error_message = "A replica gets its own force_ssl parameter group in its region."
  }

  assert {
    condition     = aws_iam_role.monitoring[0].name == "bizflow-db-replica-rds-mon-ap-southeast-1"
    error_message = "Monitoring role name must be region-scoped to avoid global IAM name clashes."
  }
}

################################################################################
# DR region: automated backups replication only
################################################################################

run "backup_replication_only" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "ap-southeast-1"
    }
  }

  variables {
    identifier                     = "project-one-db"
    create_instance                = false
    instance_class                 = null
    kms_key_arn                    = "arn:aws:kms:ap-southeast-1:111122223333:key/44444444-4444-4444-4444-444444444444"
    master_user_secret_kms_key_arn = null
    vpc_id                         = null
    db_subnet_group_name           = null
    allowed_cidr_blocks            = []
    automated_backups_replication = {
      source_db_instance_arn = "arn:aws:rds:ap-south-1:111122223333:db:project-one-db"
    }
  }

  assert {
    condition = (
      length(aws_db_instance.this) == 0 &&
      length(aws_security_group.this) == 0 &&
      length(aws_db_parameter_group.this) == 0 &&
      length(aws_iam_role.monitoring) == 0
    )
    error_message = "Only the backup replication may be created when create_instance = false."
  }

  assert {
    condition     = aws_db_instance_automated_backups_replication.this[0].source_db_instance_arn == "arn:aws:rds:ap-south-1:111122223333:db:project-one-db"
    error_message = "Backups must be replicated from the given source."
  }

  assert {
    condition     = aws_db_instance_automated_backups_replication.this[0].kms_key_id == "arn:aws:kms:ap-southeast-1:111122223333:key/44444444-4444-4444-4444-444444444444"
    error_message = "Replicated backups must be encrypted with this region's key."
  }

  assert {
    condition     = aws_db_instance_automated_backups_replication.this[0].retention_period == 7
    error_message = "Replicated backup retention must default to 7 days."
  }

  assert {
    condition     = output.db_instance_arn == null && output.security_group_id == null
    error_message = "Instance outputs must be null in backup-replication-only mode."
  }
}

run "backup_replication_from_same_region_rejected" {
  command = plan

  variables {
    create_instance = false
    automated_backups_replication = {
      source_db_instance_arn = "arn:aws:rds:ap-south-1:111122223333:db:bizflow-db"
      retention_period       = 14
    }
  }

  expect_failures = [aws_db_instance_automated_backups_replication.this]
}

run "kms_key_from_other_region_rejected" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-2:111122223333:key/11111111-1111-1111-1111-111111111111"
  }

  expect_failures = [aws_db_instance.this]
}

################################################################################
# Input validation
################################################################################

run "invalid_identifier_uppercase" {
  command = plan
  variables {
    identifier = "BizFlow-db"
  }
  expect_failures = [var.identifier]
}

run "invalid_identifier_double_hyphen" {
  command = plan
  variables {
    identifier = "bizflow--db"
  }
  expect_failures = [var.identifier]
}

run "invalid_identifier_trailing_hyphen" {
  command = plan
  variables {
    identifier = "bizflow-db-"
  }
  expect_failures = [var.identifier]
}

run "invalid_identifier_starts_with_digit" {
  command = plan
  variables {
    identifier = "1bizflow"
  }
  expect_failures = [var.identifier]
}

run "invalid_identifier_too_long" {
  command = plan
  variables {
    identifier = "a234567890123456789012345678901234567890123456789012345678901234"
  }
  expect_failures = [var.identifier]
}

run "invalid_engine_version" {
  command = plan
  variables {
    engine_version = "sixteen"
  }
  expect_failures = [var.engine_version]
}

run "invalid_engine_version_too_old" {
  command = plan
  variables {
    engine_version = "11.22"
  }
  expect_failures = [var.engine_version]
}

run "invalid_instance_class" {
  command = plan
  variables {
    instance_class = "r6g.2xlarge"
  }
  expect_failures = [var.instance_class]
}

run "missing_instance_class" {
  command = plan
  variables {
    instance_class = null
  }
  expect_failures = [var.instance_class]
}

run "invalid_allocated_storage_too_small" {
  command = plan
  variables {
    allocated_storage     = 10
    max_allocated_storage = 0
  }
  expect_failures = [var.allocated_storage]
}

run "invalid_allocated_storage_too_large" {
  command = plan
  variables {
    allocated_storage     = 70000
    max_allocated_storage = 0
  }
  expect_failures = [var.allocated_storage]
}

run "invalid_max_allocated_storage_below_allocated" {
  command = plan
  variables {
    max_allocated_storage = 400
  }
  expect_failures = [var.max_allocated_storage]
}

run "invalid_backup_retention" {
  command = plan
  variables {
    backup_retention_period = 36
  }
  expect_failures = [var.backup_retention_period]
}

run "invalid_kms_key_arn" {
  command = plan
  variables {
    kms_key_arn = "alias/aws/rds"
  }
  expect_failures = [var.kms_key_arn]
}

run "missing_master_user_secret_kms_key_for_primary" {
  command = plan
  variables {
    master_user_secret_kms_key_arn = null
  }
  expect_failures = [var.master_user_secret_kms_key_arn]
}

run "invalid_master_user_secret_kms_key_arn" {
  command = plan
  variables {
    master_user_secret_kms_key_arn = "not-an-arn"
  }
  expect_failures = [var.master_user_secret_kms_key_arn]
}

run "invalid_performance_insights_kms_key_arn" {
  command = plan
  variables {
    performance_insights_kms_key_arn = "arn:aws:s3:::bucket"
  }
  expect_failures = [var.performance_insights_kms_key_arn]
}

run "invalid_performance_insights_retention" {
  command = plan
  variables {
    performance_insights_retention_period = 30
  }
  expect_failures = [var.performance_insights_retention_period]
}

run "invalid_monitoring_interval" {
  command = plan
  variables {
    monitoring_interval = 45
  }
  expect_failures = [var.monitoring_interval]
}

run "invalid_log_exports" {
  command = plan
  variables {
    enabled_cloudwatch_logs_exports = ["postgresql", "audit"]
  }
  expect_failures = [var.enabled_cloudwatch_logs_exports]
}

run "invalid_log_statement" {
  command = plan
  variables {
    log_statement = "verbose"
  }
  expect_failures = [var.log_statement]
}

run "invalid_log_min_duration_statement" {
  command = plan
  variables {
    log_min_duration_statement = -5
  }
  expect_failures = [var.log_min_duration_statement]
}

run "invalid_ca_cert_identifier" {
  command = plan
  variables {
    ca_cert_identifier = "rds-ca-2019"
  }
  expect_failures = [var.ca_cert_identifier]
}

run "invalid_vpc_id" {
  command = plan
  variables {
    vpc_id = "vpc-xyz"
  }
  expect_failures = [var.vpc_id]
}

run "missing_vpc_id" {
  command = plan
  variables {
    vpc_id = null
  }
  expect_failures = [var.vpc_id]
}

run "invalid_db_subnet_group_name" {
  command = plan
  variables {
    db_subnet_group_name = "default"
  }
  expect_failures = [var.db_subnet_group_name]
}

run "missing_db_subnet_group_name" {
  command = plan
  variables {
    db_subnet_group_name = null
  }
  expect_failures = [var.db_subnet_group_name]
}

run "invalid_allowed_cidr_blocks" {
  command = plan
  variables {
    allowed_cidr_blocks = ["10.1.0.0/33"]
  }
  expect_failures = [var.allowed_cidr_blocks]
}

run "open_world_cidr_rejected" {
  command = plan
  variables {
    allowed_cidr_blocks = ["0.0.0.0/0"]
  }
  expect_failures = [var.allowed_cidr_blocks]
}

run "empty_allowed_cidr_blocks_rejected" {
  command = plan
  variables {
    allowed_cidr_blocks = []
  }
  expect_failures = [var.allowed_cidr_blocks]
}

run "invalid_database_name" {
  command = plan
  variables {
    database_name = "app-db"
  }
  expect_failures = [var.database_name]
}

run "invalid_master_username" {
  command = plan
  variables {
    master_username = "rdsadmin"
  }
  expect_failures = [var.master_username]
}

run "invalid_replicate_source_db" {
  command = plan
  variables {
    replicate_source_db = "bizflow-db"
  }
  expect_failures = [var.replicate_source_db]
}

run "invalid_backup_replication_source_arn" {
  command = plan
  variables {
    automated_backups_replication = {
      source_db_instance_arn = "arn:aws:rds:ap-south-1:111122223333:cluster:bizflow"
    }
  }
  expect_failures = [var.automated_backups_replication]
}

run "invalid_backup_replication_retention" {
  command = plan
  variables {
    automated_backups_replication = {
      source_db_instance_arn = "arn:aws:rds:eu-west-2:111122223333:db:bizflow-db"
      retention_period       = 0
    }
  }
  expect_failures = [var.automated_backups_replication]
}

run "create_instance_false_without_backup_replication" {
  command = plan
  variables {
    create_instance = false
  }
  expect_failures = [var.create_instance]
}

################################################################################
# Apply with mocks (last: later plan runs would otherwise start from this state)
################################################################################

run "apply_outputs" {
  command = apply

  assert {
    condition     = output.master_user_secret_arn == "arn:aws:secretsmanager:ap-south-1:111122223333:secret:rds!db-0000-AbCdEf"
    error_message = "master_user_secret_arn must expose the secret ARN."
  }

  assert {
    condition     = output.db_instance_arn == "arn:aws:rds:ap-south-1:111122223333:db:bizflow-db"
    error_message = "db_instance_arn must be exported."
  }

  assert {
    condition     = output.db_instance_id == "bizflow-db" && output.parameter_group_name == "bizflow-db-postgres16"
    error_message = "db_instance_id and parameter_group_name must be exported."
  }

  assert {
    condition     = output.automated_backups_replication_id == null
    error_message = "No backup replication unless requested."
  }
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = module.rds.db_instance_id == "bizflow-production-ap-south-1"
    error_message = "The basic example must plan its primary instance."
  }
}

run "rejects_reserved_tag_key" {
  command = plan

  variables {
    tags = { "aws:cloudformation:stack-name" = "bizflow" }
  }

  expect_failures = [var.tags]
}

################################################################################
# Alarms
################################################################################

run "alarms_reach_their_severity_topics" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"]
      warning  = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-warning"]
    }
    alarms = {
      cpu          = { threshold = 70, minutes = 5 }
      connections  = { severity = "page" }
      free_storage = { enabled = false }
    }
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["cpu"].alarm_actions == toset(["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"]) && aws_cloudwatch_metric_alarm.this["cpu"].threshold == 70 && aws_cloudwatch_metric_alarm.this["cpu"].evaluation_periods == 5
    error_message = "Thresholds come from alarms and critical alarms go to the critical topics."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["freeable_memory"].alarm_actions == toset(["arn:aws:sns:ap-south-1:111122223333:bizflow-production-warning"]) && aws_cloudwatch_metric_alarm.this["freeable_memory"].ok_actions == aws_cloudwatch_metric_alarm.this["freeable_memory"].alarm_actions
    error_message = "Warning alarms go to the warning topics, on alarm and on recovery."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["connections"].alarm_actions == toset(["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"])
    error_message = "A severity without topics must fall back to the critical topics."
  }

  assert {
    condition     = !contains(keys(aws_cloudwatch_metric_alarm.this), "free_storage") && length(output.alarm_arns) == 4
    error_message = "A disabled alarm is not created."
  }
}

run "invalid_alarm_actions" {
  command = plan
  variables {
    alarm_actions = { critical = ["arn:aws:sqs:ap-south-1:111122223333:queue"] }
  }
  expect_failures = [var.alarm_actions]
}

run "invalid_alarm_minutes" {
  command = plan
  variables {
    alarms = { cpu = { minutes = 0 } }
  }
  expect_failures = [var.alarms]
}

run "invalid_alarm_cpu_percentage" {
  command = plan
  variables {
    alarms = { cpu = { threshold = 120 } }
  }
  expect_failures = [var.alarms]
}
