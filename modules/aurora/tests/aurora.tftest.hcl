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
      arn = "arn:aws:iam::111122223333:role/agentmitra-db-aurora-mon-ap-south-1"
    }
  }

  mock_resource "aws_rds_cluster" {
    defaults = {
      arn    = "arn:aws:rds:ap-south-1:111122223333:cluster:agentmitra-db"
      engine = "aurora-postgresql"
      master_user_secret = [{
        kms_key_id    = "arn:aws:kms:ap-south-1:111122223333:key/22222222-2222-2222-2222-222222222222"
        secret_arn    = "arn:aws:secretsmanager:ap-south-1:111122223333:secret:rds!cluster-0000-AbCdEf"
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
  identifier                     = "agentmitra-db"
  serverless                     = { min_capacity = 2, max_capacity = 16 }
  readers                        = 2
  kms_key_arn                    = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
  master_user_secret_kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/22222222-2222-2222-2222-222222222222"
  availability_zones             = ["ap-south-1a", "ap-south-1b", "ap-south-1c"]
  vpc_id                         = "vpc-0123456789abcdef0"
  db_subnet_group_name           = "agentmitra-ap-south-1-db"
  allowed_cidr_blocks            = ["172.16.16.0/20", "172.16.32.0/20"]
  tags = {
    Project = "agentmitra"
  }
}

################################################################################
# Secure defaults (primary, Serverless v2)
################################################################################

run "primary_secure_defaults" {
  command = plan

  assert {
    condition     = aws_rds_cluster.this.engine == "aurora-postgresql" && aws_rds_cluster.this.engine_version == "16.4"
    error_message = "Engine must be Aurora PostgreSQL 16.4 by default."
  }

  assert {
    condition     = aws_rds_cluster.this.storage_encrypted == true && aws_rds_cluster.this.kms_key_id == var.kms_key_arn
    error_message = "Storage must be encrypted with the given customer-managed key."
  }

  assert {
    condition     = aws_rds_cluster.this.deletion_protection == true
    error_message = "Deletion protection must be on by default."
  }

  assert {
    condition     = aws_rds_cluster.this.skip_final_snapshot == false && aws_rds_cluster.this.final_snapshot_identifier == "agentmitra-db-final"
    error_message = "A final snapshot named <identifier>-final must be taken on deletion."
  }

  assert {
    condition     = aws_rds_cluster.this.copy_tags_to_snapshot == true && aws_rds_cluster.this.delete_automated_backups == false
    error_message = "Snapshots must carry tags and automated backups must survive deletion."
  }

  assert {
    condition     = aws_rds_cluster.this.manage_master_user_password == true && aws_rds_cluster.this.master_user_secret_kms_key_id == var.master_user_secret_kms_key_arn
    error_message = "The master password must be managed by RDS in Secrets Manager with the given key."
  }

  assert {
    condition     = aws_rds_cluster.this.master_password == null && aws_rds_cluster.this.master_username == "app_admin" && aws_rds_cluster.this.database_name == "app"
    error_message = "No password may be set in configuration; default user/db must be app_admin/app."
  }

  assert {
    condition     = aws_rds_cluster.this.iam_database_authentication_enabled == true
    error_message = "IAM database authentication must be on by default."
  }

  assert {
    condition     = aws_rds_cluster.this.backup_retention_period == 35
    error_message = "Backup retention must default to 35 days."
  }

  assert {
    condition     = aws_rds_cluster.this.enabled_cloudwatch_logs_exports == toset(["postgresql"])
    error_message = "PostgreSQL logs must be exported to CloudWatch Logs."
  }

  assert {
    condition     = aws_rds_cluster.this.serverlessv2_scaling_configuration[0].min_capacity == 2 && aws_rds_cluster.this.serverlessv2_scaling_configuration[0].max_capacity == 16
    error_message = "Serverless v2 must scale between the requested ACUs."
  }

  assert {
    condition     = length(aws_rds_global_cluster.this) == 0 && aws_rds_cluster.this.global_cluster_identifier == null
    error_message = "A primary creates no Global Database unless asked."
  }

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "rds.force_ssl"]) == "1"
    error_message = "The cluster parameter group must force TLS (rds.force_ssl = 1)."
  }

  assert {
    condition     = aws_rds_cluster_parameter_group.this.family == "aurora-postgresql16"
    error_message = "The parameter group family must follow the major version."
  }
}

run "instances_writer_and_readers" {
  command = plan

  assert {
    condition     = length(aws_rds_cluster_instance.writer) == 1 && aws_rds_cluster_instance.writer[0].identifier == "agentmitra-db-writer"
    error_message = "A primary has one writer named <identifier>-writer."
  }

  assert {
    condition     = toset(keys(aws_rds_cluster_instance.reader)) == toset(["reader-1", "reader-2"])
    error_message = "Readers are keyed reader-1 … reader-N, so adding one replaces none."
  }

  assert {
    condition     = aws_rds_cluster_instance.writer[0].availability_zone == "ap-south-1a" && aws_rds_cluster_instance.reader["reader-1"].availability_zone == "ap-south-1b" && aws_rds_cluster_instance.reader["reader-2"].availability_zone == "ap-south-1c"
    error_message = "The writer and readers must be spread over the AZs."
  }

  assert {
    condition     = alltrue([for i in concat(aws_rds_cluster_instance.writer, values(aws_rds_cluster_instance.reader)) : i.instance_class == "db.serverless" && i.publicly_accessible == false])
    error_message = "Serverless v2 instances are db.serverless and never public."
  }

  assert {
    condition     = alltrue([for i in concat(aws_rds_cluster_instance.writer, values(aws_rds_cluster_instance.reader)) : i.performance_insights_enabled == true && i.performance_insights_kms_key_id == var.kms_key_arn && i.monitoring_interval == 30])
    error_message = "Every instance has Performance Insights with the CMK and Enhanced Monitoring."
  }

  assert {
    condition     = alltrue([for i in concat(aws_rds_cluster_instance.writer, values(aws_rds_cluster_instance.reader)) : i.ca_cert_identifier == "rds-ca-ecc384-g1" && i.auto_minor_version_upgrade == true])
    error_message = "Instances use the ECC384 CA and take minor upgrades."
  }

  assert {
    condition     = length(aws_iam_role.monitoring) == 1
    error_message = "One Enhanced Monitoring role serves every instance."
  }
}

run "security_group_private_only" {
  command = plan

  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.postgres : r.cidr_ipv4]) == toset(var.allowed_cidr_blocks)
    error_message = "Ingress must come only from the given private CIDRs."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.postgres : r.from_port == 5432 && r.to_port == 5432 && r.ip_protocol == "tcp"])
    error_message = "Ingress must be TCP 5432 only."
  }
}

run "provisioned_with_windows" {
  command = plan

  variables {
    serverless                   = null
    instance_class               = "db.r6g.large"
    readers                      = 1
    backup_retention_period      = 30
    preferred_backup_window      = "03:00-04:00"
    preferred_maintenance_window = "sun:04:30-sun:05:30"
  }

  assert {
    condition     = aws_rds_cluster_instance.writer[0].instance_class == "db.r6g.large" && length(aws_rds_cluster.this.serverlessv2_scaling_configuration) == 0
    error_message = "Provisioned instances use instance_class and no scaling configuration."
  }

  assert {
    condition     = aws_rds_cluster.this.preferred_backup_window == "03:00-04:00" && aws_rds_cluster.this.preferred_maintenance_window == "sun:04:30-sun:05:30" && aws_rds_cluster.this.backup_retention_period == 30
    error_message = "The backup and maintenance windows and retention must be applied."
  }
}

################################################################################
# Global Database
################################################################################

run "global_primary" {
  command = plan

  variables {
    create_global_cluster = true
  }

  assert {
    condition     = aws_rds_global_cluster.this[0].global_cluster_identifier == "agentmitra-db" && aws_rds_global_cluster.this[0].deletion_protection == true && aws_rds_global_cluster.this[0].force_destroy == false
    error_message = "The Global Database is created from the primary, protected from deletion."
  }
}

run "global_secondary_headless" {
  command = plan

  variables {
    global_cluster_identifier      = "agentmitra-db"
    master_user_secret_kms_key_arn = null
    readers                        = 0
    kms_key_arn                    = "arn:aws:kms:ap-south-1:111122223333:key/33333333-3333-3333-3333-333333333333"
  }

  assert {
    condition     = aws_rds_cluster.this.global_cluster_identifier == "agentmitra-db" && aws_rds_cluster.this.kms_key_id == var.kms_key_arn
    error_message = "A secondary joins the Global Database, encrypted with its own region's key."
  }

  assert {
    condition     = aws_rds_cluster.this.manage_master_user_password == null
    error_message = "A secondary has no master credentials of its own."
  }

  assert {
    condition     = length(aws_rds_cluster_instance.writer) == 0 && length(aws_rds_cluster_instance.reader) == 0 && length(aws_iam_role.monitoring) == 0
    error_message = "A headless secondary has no instances (and no monitoring role)."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.this)) == toset(["global_replication_lag"])
    error_message = "A headless secondary is watched for its Global Database lag only (no instance reports anything else)."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["global_replication_lag"].metric_name == "AuroraGlobalDBReplicationLag" && aws_cloudwatch_metric_alarm.this["global_replication_lag"].threshold == 900000 && aws_cloudwatch_metric_alarm.this["global_replication_lag"].treat_missing_data == "breaching" && aws_cloudwatch_metric_alarm.this["global_replication_lag"].dimensions["DBClusterIdentifier"] == "agentmitra-db"
    error_message = "A secondary's lag behind its primary: above 900 s (in ms), breaching when it stops reporting."
  }
}

run "global_secondary_with_readers" {
  command = plan

  variables {
    global_cluster_identifier      = "agentmitra-db"
    master_user_secret_kms_key_arn = null
    readers                        = 1
  }

  assert {
    condition     = length(aws_rds_cluster_instance.writer) == 0 && toset(keys(aws_rds_cluster_instance.reader)) == toset(["reader-1"])
    error_message = "A secondary's instances are readers only."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.this)) == toset(["cpu", "freeable_memory", "connections", "global_replication_lag", "serverless_capacity"])
    error_message = "A secondary with readers is watched like its instances plus its Global Database lag; AuroraReplicaLag is a primary's."
  }
}

################################################################################
# Alarms
################################################################################

run "alarms_primary_default" {
  command = plan

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.this)) == toset(["cpu", "freeable_memory", "connections", "replica_lag", "serverless_capacity"])
    error_message = "A serverless primary with readers gets CPU, memory, connections, reader lag and capacity alarms; no Global Database lag."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["cpu"].threshold == 80 && aws_cloudwatch_metric_alarm.this["cpu"].statistic == "Maximum" && aws_cloudwatch_metric_alarm.this["freeable_memory"].threshold == 268435456 && aws_cloudwatch_metric_alarm.this["freeable_memory"].comparison_operator == "LessThanThreshold"
    error_message = "Default thresholds: the worst instance's CPU above 80%, freeable memory below 256 MiB."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["replica_lag"].metric_name == "AuroraReplicaLag" && aws_cloudwatch_metric_alarm.this["replica_lag"].threshold == 2000 && aws_cloudwatch_metric_alarm.this["replica_lag"].treat_missing_data == "breaching"
    error_message = "Readers lagging more than 2 s (in ms) alarm; a reader that stops reporting breaches."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["serverless_capacity"].metric_name == "ACUUtilization" && aws_cloudwatch_metric_alarm.this["serverless_capacity"].threshold == 90
    error_message = "A serverless cluster near its maximum ACU alarms."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.this : a.namespace == "AWS/RDS" && a.dimensions["DBClusterIdentifier"] == "agentmitra-db" && strcontains(a.alarm_description, "Runbook: docs/runbooks.md#aurora-") && length(a.alarm_actions) == 0])
    error_message = "Every alarm watches the cluster, names its runbook line, and tells nobody without alarm_actions."
  }
}

run "alarms_reach_topics" {
  command = plan

  variables {
    serverless     = null
    instance_class = "db.r6g.large"
    readers        = 0
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:111122223333:agentmitra-production-critical"]
      warning  = ["arn:aws:sns:ap-south-1:111122223333:agentmitra-production-warning"]
    }
    alarms = {
      cpu         = { threshold = 70, minutes = 15 }
      connections = { enabled = false }
    }
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.this)) == toset(["cpu", "freeable_memory"])
    error_message = "No readers: no reader lag; provisioned: no capacity alarm; connections turned off."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["cpu"].threshold == 70 && aws_cloudwatch_metric_alarm.this["cpu"].evaluation_periods == 15 && toset(aws_cloudwatch_metric_alarm.this["cpu"].alarm_actions) == toset(["arn:aws:sns:ap-south-1:111122223333:agentmitra-production-critical"]) && toset(aws_cloudwatch_metric_alarm.this["freeable_memory"].ok_actions) == toset(["arn:aws:sns:ap-south-1:111122223333:agentmitra-production-warning"])
    error_message = "Thresholds from alarms; each alarm tells its severity's topics."
  }
}

run "rejects_bad_alarm_actions" {
  command = plan
  variables {
    alarm_actions = { critical = ["arn:aws:sqs:ap-south-1:111122223333:queue"] }
  }
  expect_failures = [var.alarm_actions]
}

run "rejects_bad_alarm_minutes" {
  command = plan
  variables {
    alarms = { cpu = { minutes = 1441 } }
  }
  expect_failures = [var.alarms]
}

run "rejects_alarm_percentage_over_100" {
  command = plan
  variables {
    alarms = { serverless_capacity = { threshold = 120 } }
  }
  expect_failures = [var.alarms]
}

################################################################################
# Validations
################################################################################

run "rejects_bad_identifier" {
  command = plan
  variables {
    identifier = "Agent--Mitra-"
  }
  expect_failures = [var.identifier]
}

run "rejects_identifier_too_long_for_instances" {
  command = plan
  variables {
    identifier = "a23456789012345678901234567890123456789012345678901234"
  }
  expect_failures = [var.identifier]
}

run "rejects_acu_out_of_range" {
  command = plan
  variables {
    serverless = { min_capacity = 0.5, max_capacity = 300 }
  }
  expect_failures = [var.serverless]
}

run "rejects_acu_not_half_step" {
  command = plan
  variables {
    serverless = { min_capacity = 0.7, max_capacity = 4 }
  }
  expect_failures = [var.serverless]
}

run "rejects_acu_min_above_max" {
  command = plan
  variables {
    serverless = { min_capacity = 8, max_capacity = 4 }
  }
  expect_failures = [var.serverless]
}

run "rejects_class_and_serverless" {
  command = plan
  variables {
    instance_class = "db.r6g.large"
  }
  expect_failures = [var.instance_class]
}

run "rejects_neither_class_nor_serverless" {
  command = plan
  variables {
    serverless = null
  }
  expect_failures = [var.instance_class]
}

run "rejects_too_many_readers" {
  command = plan
  variables {
    readers = 16
  }
  expect_failures = [var.readers]
}

run "rejects_global_primary_and_secondary" {
  command = plan
  variables {
    create_global_cluster     = true
    global_cluster_identifier = "agentmitra-db"
  }
  expect_failures = [var.create_global_cluster]
}

run "rejects_bad_global_cluster_identifier" {
  command = plan
  variables {
    global_cluster_identifier = "Agent_Mitra"
  }
  expect_failures = [var.global_cluster_identifier]
}

run "rejects_primary_without_secret_key" {
  command = plan
  variables {
    master_user_secret_kms_key_arn = null
  }
  expect_failures = [var.master_user_secret_kms_key_arn]
}

run "rejects_bad_engine_version" {
  command = plan
  variables {
    engine_version = "12.9"
  }
  expect_failures = [var.engine_version]
}

run "rejects_bad_backup_retention" {
  command = plan
  variables {
    backup_retention_period = 0
  }
  expect_failures = [var.backup_retention_period]
}

run "rejects_bad_backup_window" {
  command = plan
  variables {
    preferred_backup_window = "3am-4am"
  }
  expect_failures = [var.preferred_backup_window]
}

run "rejects_bad_maintenance_window" {
  command = plan
  variables {
    preferred_maintenance_window = "sunday:04:30-sunday:05:30"
  }
  expect_failures = [var.preferred_maintenance_window]
}

run "rejects_bad_kms_key" {
  command = plan
  variables {
    kms_key_arn = "not-an-arn"
  }
  expect_failures = [var.kms_key_arn]
}

run "rejects_kms_key_in_another_region" {
  command = plan
  variables {
    kms_key_arn = "arn:aws:kms:ap-southeast-1:111122223333:key/11111111-1111-1111-1111-111111111111"
  }
  expect_failures = [aws_rds_cluster.this]
}

run "rejects_bad_pi_kms_key" {
  command = plan
  variables {
    performance_insights_kms_key_arn = "not-an-arn"
  }
  expect_failures = [var.performance_insights_kms_key_arn]
}

run "rejects_bad_pi_retention" {
  command = plan
  variables {
    performance_insights_retention_period = 30
  }
  expect_failures = [var.performance_insights_retention_period]
}

run "rejects_bad_monitoring_interval" {
  command = plan
  variables {
    monitoring_interval = 45
  }
  expect_failures = [var.monitoring_interval]
}

run "rejects_bad_log_export" {
  command = plan
  variables {
    enabled_cloudwatch_logs_exports = ["upgrade"]
  }
  expect_failures = [var.enabled_cloudwatch_logs_exports]
}

run "rejects_bad_log_statement" {
  command = plan
  variables {
    log_statement = "everything"
  }
  expect_failures = [var.log_statement]
}

run "rejects_bad_log_min_duration" {
  command = plan
  variables {
    log_min_duration_statement = -2
  }
  expect_failures = [var.log_min_duration_statement]
}

run "rejects_bad_ca" {
  command = plan
  variables {
    ca_cert_identifier = "rds-ca-2019"
  }
  expect_failures = [var.ca_cert_identifier]
}

run "rejects_bad_vpc_id" {
  command = plan
  variables {
    vpc_id = "vpc-xyz"
  }
  expect_failures = [var.vpc_id]
}

run "rejects_default_subnet_group" {
  command = plan
  variables {
    db_subnet_group_name = "default"
  }
  expect_failures = [var.db_subnet_group_name]
}

run "rejects_open_cidr" {
  command = plan
  variables {
    allowed_cidr_blocks = ["0.0.0.0/0"]
  }
  expect_failures = [var.allowed_cidr_blocks]
}

run "rejects_empty_cidrs" {
  command = plan
  variables {
    allowed_cidr_blocks = []
  }
  expect_failures = [var.allowed_cidr_blocks]
}

run "rejects_reserved_database_name" {
  command = plan
  variables {
    database_name = "postgres"
  }
  expect_failures = [var.database_name]
}

run "rejects_reserved_master_username" {
  command = plan
  variables {
    master_username = "rdsadmin"
  }
  expect_failures = [var.master_username]
}

run "rejects_reserved_tag_key" {
  command = plan
  variables {
    tags = { "aws:cloudformation:stack-name" = "agentmitra" }
  }
  expect_failures = [var.tags]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = module.aurora.cluster_id == "agentmitra-production-ap-south-1"
    error_message = "The basic example must plan its primary cluster."
  }
}
