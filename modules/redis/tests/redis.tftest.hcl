mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name = "ap-south-1"
    }
  }

  mock_resource "aws_elasticache_replication_group" {
    defaults = {
      id                             = "bizflow-cache"
      arn                            = "arn:aws:elasticache:ap-south-1:111122223333:replicationgroup:bizflow-cache"
      primary_endpoint_address       = "master.bizflow-cache.abc123.aps1.cache.amazonaws.com"
      reader_endpoint_address        = "replica.bizflow-cache.abc123.aps1.cache.amazonaws.com"
      configuration_endpoint_address = ""
    }
  }

  mock_resource "aws_elasticache_user" {
    defaults = {
      arn = "arn:aws:elasticache:ap-south-1:111122223333:user:bizflow-cache-app"
    }
  }

  mock_resource "aws_elasticache_global_replication_group" {
    defaults = {
      arn                         = "arn:aws:elasticache::111122223333:globalreplicationgroup:ldgnf-bizflow-cache"
      global_replication_group_id = "ldgnf-bizflow-cache"
    }
  }
}

override_data {
  target = data.aws_region.current
  values = {
    name = "ap-south-1"
  }
}

variables {
  replication_group_id = "bizflow-cache"
  node_type            = "cache.r6g.large"
  kms_key_arn          = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
  log_kms_key_arn      = "arn:aws:kms:ap-south-1:111122223333:key/55555555-5555-5555-5555-555555555555"
  vpc_id               = "vpc-0123456789abcdef0"
  subnet_ids           = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"]
  allowed_cidr_blocks  = ["10.1.16.0/20", "10.1.32.0/20", "10.1.48.0/20"]
  tags = {
    Project = "bizflow"
  }
}

################################################################################
# Secure defaults
################################################################################

run "secure_defaults" {
  command = plan

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.this) == 10 && aws_cloudwatch_metric_alarm.this["memory/bizflow-cache-002"].dimensions["CacheClusterId"] == "bizflow-cache-002"
    error_message = "Each of the two nodes gets cpu, engine_cpu, memory, evictions and replication_lag alarms."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["memory/bizflow-cache-001"].threshold == 80 && aws_cloudwatch_metric_alarm.this["replication_lag/bizflow-cache-001"].treat_missing_data == "notBreaching" && alltrue([for a in aws_cloudwatch_metric_alarm.this : strcontains(a.alarm_description, "Runbook: docs/runbooks.md#redis-") && length(a.alarm_actions) == 0])
    error_message = "Default memory threshold 80%; every alarm names its runbook line; without alarm_actions nobody is told."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.engine == "redis" && aws_elasticache_replication_group.this.engine_version == "7.1"
    error_message = "Engine must be Redis OSS 7.1 by default."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.transit_encryption_enabled == true && aws_elasticache_replication_group.this.transit_encryption_mode == "required"
    error_message = "TLS must be on and required."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.at_rest_encryption_enabled == "true" && aws_elasticache_replication_group.this.kms_key_id == var.kms_key_arn
    error_message = "Encryption at rest must use the given customer-managed key."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.multi_az_enabled == true && aws_elasticache_replication_group.this.automatic_failover_enabled == true
    error_message = "Multi-AZ and automatic failover must be on with a replica."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.num_cache_clusters == 2 && aws_elasticache_replication_group.this.cluster_mode == "disabled"
    error_message = "Default topology: cluster mode off, one primary + one replica."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.auth_token == null
    error_message = "No AUTH token (password) may be configured."
  }

  assert {
    condition     = toset(aws_elasticache_replication_group.this.user_group_ids) == toset(["bizflow-cache-users"])
    error_message = "The RBAC user group must be attached."
  }

  assert {
    condition     = aws_elasticache_user_group.this.engine == "redis" && toset(aws_elasticache_user_group.this.user_ids) == toset(["bizflow-cache-default", "bizflow-cache-app"])
    error_message = "The user group must hold exactly the disabled default user and the IAM app user."
  }

  assert {
    condition = (
      aws_elasticache_user.app.authentication_mode[0].type == "iam" &&
      aws_elasticache_user.app.passwords == null &&
      aws_elasticache_user.app.user_id == aws_elasticache_user.app.user_name
    )
    error_message = "The app user must authenticate with IAM only (user_id == user_name, no password)."
  }

  assert {
    condition = (
      aws_elasticache_user.default.user_name == "default" &&
      startswith(aws_elasticache_user.default.access_string, "off ") &&
      strcontains(aws_elasticache_user.default.access_string, "-@all") &&
      aws_elasticache_user.default.passwords == null &&
      aws_elasticache_user.default.no_password_required == true
    )
    error_message = "The default user must be replaced by a disabled, password-less user named default."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.snapshot_retention_limit == 7 && aws_elasticache_replication_group.this.final_snapshot_identifier == "bizflow-cache-final"
    error_message = "Snapshots must be kept 7 days and a final snapshot taken on deletion."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.auto_minor_version_upgrade == "true"
    error_message = "Auto minor version upgrade must be on."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.port == 6379 && aws_elasticache_replication_group.this.subnet_group_name == "bizflow-cache-subnets"
    error_message = "Port 6379 in the module's subnet group."
  }

  assert {
    condition     = toset(aws_elasticache_subnet_group.this.subnet_ids) == toset(var.subnet_ids)
    error_message = "The subnet group must use the given subnets."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.tags["Name"] == "bizflow-cache" && aws_elasticache_replication_group.this.tags["Project"] == "bizflow"
    error_message = "Tags must be merged with a Name tag."
  }

  assert {
    condition     = length(aws_elasticache_global_replication_group.this) == 0 && output.global_replication_group_id == null
    error_message = "No Global Datastore unless requested."
  }
}

run "parameter_group_matches_cluster_mode_off" {
  command = plan

  assert {
    condition     = aws_elasticache_parameter_group.this[0].family == "redis7"
    error_message = "Family must derive from the engine version."
  }

  assert {
    condition     = anytrue([for p in aws_elasticache_parameter_group.this[0].parameter : p.name == "cluster-enabled" && p.value == "no"])
    error_message = "cluster-enabled must be no without cluster mode."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.parameter_group_name == "bizflow-cache-redis7"
    error_message = "The group must use the module's parameter group."
  }
}

run "slow_log_to_encrypted_log_group" {
  command = plan

  assert {
    condition     = aws_cloudwatch_log_group.slow_log.kms_key_id == var.log_kms_key_arn && aws_cloudwatch_log_group.slow_log.retention_in_days == 365
    error_message = "Slow-log log group must be KMS-encrypted and retained 365 days by default."
  }

  assert {
    condition = anytrue([
      for l in aws_elasticache_replication_group.this.log_delivery_configuration :
      l.log_type == "slow-log" && l.destination_type == "cloudwatch-logs" && l.destination == "/aws/elasticache/bizflow-cache/slow-log"
    ])
    error_message = "Slow log must be delivered to the module's log group."
  }
}

run "security_group_only_admits_private_cidrs_on_6379" {
  command = plan

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.redis)) == toset(var.allowed_cidr_blocks)
    error_message = "One ingress rule per allowed CIDR, and nothing else."
  }

  assert {
    condition = alltrue([
      for r in aws_vpc_security_group_ingress_rule.redis :
      r.from_port == 6379 && r.to_port == 6379 && r.ip_protocol == "tcp" && contains(var.allowed_cidr_blocks, r.cidr_ipv4) &&
      r.cidr_ipv6 == null && r.referenced_security_group_id == null && r.prefix_list_id == null
    ])
    error_message = "Ingress must be TCP 6379 from the given CIDRs only."
  }

  assert {
    condition     = aws_security_group.this.vpc_id == var.vpc_id
    error_message = "Security group must live in the given VPC."
  }
}

run "cluster_mode" {
  command = plan

  variables {
    cluster_mode            = true
    num_node_groups         = 3
    replicas_per_node_group = 2
  }

  assert {
    condition = (
      aws_elasticache_replication_group.this.cluster_mode == "enabled" &&
      aws_elasticache_replication_group.this.num_node_groups == 3 &&
      aws_elasticache_replication_group.this.replicas_per_node_group == 2
    )
    error_message = "Cluster mode must use shards and replicas per shard."
  }

  assert {
    condition     = anytrue([for p in aws_elasticache_parameter_group.this[0].parameter : p.name == "cluster-enabled" && p.value == "yes"])
    error_message = "cluster-enabled must be yes in cluster mode."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.automatic_failover_enabled == true && aws_elasticache_replication_group.this.multi_az_enabled == true
    error_message = "Cluster mode needs automatic failover; Multi-AZ stays on."
  }
}

run "single_node_explicit_opt_out" {
  command = plan

  variables {
    replicas_per_node_group = 0
    multi_az_enabled        = false
  }

  assert {
    condition = (
      aws_elasticache_replication_group.this.num_cache_clusters == 1 &&
      aws_elasticache_replication_group.this.multi_az_enabled == false &&
      aws_elasticache_replication_group.this.automatic_failover_enabled == false
    )
    error_message = "A single node has no Multi-AZ/failover."
  }
}

################################################################################
# Global Datastore
################################################################################

run "global_datastore_primary" {
  command = plan

  variables {
    global_datastore = {
      role   = "primary"
      suffix = "bizflow-cache"
    }
  }

  assert {
    condition     = aws_elasticache_global_replication_group.this[0].global_replication_group_id_suffix == "bizflow-cache"
    error_message = "The global group must be created with the given suffix."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.engine == "redis" && aws_elasticache_replication_group.this.node_type == "cache.r6g.large"
    error_message = "The primary keeps its own engine and node type."
  }
}

run "global_datastore_secondary" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "ap-southeast-1"
    }
  }

  variables {
    replication_group_id = "bizflow-cache-sg"
    node_type            = null
    kms_key_arn          = "arn:aws:kms:ap-southeast-1:111122223333:key/44444444-4444-4444-4444-444444444444"
    log_kms_key_arn      = "arn:aws:kms:ap-southeast-1:111122223333:key/66666666-6666-6666-6666-666666666666"
    vpc_id               = "vpc-0fedcba9876543210"
    subnet_ids           = ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]
    allowed_cidr_blocks  = ["10.2.16.0/20", "10.2.32.0/20"]
    global_datastore = {
      role                        = "secondary"
      global_replication_group_id = "ldgnf-bizflow-cache"
    }
  }

  assert {
    condition     = aws_elasticache_replication_group.this.global_replication_group_id == "ldgnf-bizflow-cache"
    error_message = "The secondary must join the given Global Datastore."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.engine == null && length(aws_elasticache_parameter_group.this) == 0
    error_message = "Engine and parameter group are inherited in secondary mode (engine version, node type, shard count and encryption flags are left unset as well; the provider would reject them)."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.kms_key_id == "arn:aws:kms:ap-southeast-1:111122223333:key/44444444-4444-4444-4444-444444444444"
    error_message = "The secondary still encrypts at rest with its own region's key."
  }

  assert {
    condition     = toset(aws_elasticache_replication_group.this.user_group_ids) == toset(["bizflow-cache-sg-users"])
    error_message = "The secondary gets its own RBAC user group."
  }

  assert {
    condition     = length(aws_elasticache_global_replication_group.this) == 0 && output.global_replication_group_id == "ldgnf-bizflow-cache"
    error_message = "The secondary must not create a global group and must report the joined one."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.num_cache_clusters == 2 && aws_elasticache_replication_group.this.multi_az_enabled == true
    error_message = "The secondary keeps one replica with Multi-AZ."
  }
}

run "kms_key_from_other_region_rejected" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-2:111122223333:key/11111111-1111-1111-1111-111111111111"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "log_kms_key_from_other_region_rejected" {
  command = plan

  variables {
    log_kms_key_arn = "arn:aws:kms:eu-west-2:111122223333:key/55555555-5555-5555-5555-555555555555"
  }

  expect_failures = [aws_cloudwatch_log_group.slow_log]
}

################################################################################
# Input validation
################################################################################

run "invalid_replication_group_id_too_long" {
  command = plan
  variables {
    replication_group_id = "a2345678901234567890123456789012345678901"
  }
  expect_failures = [var.replication_group_id]
}

run "invalid_replication_group_id_uppercase" {
  command = plan
  variables {
    replication_group_id = "BizFlow-cache"
  }
  expect_failures = [var.replication_group_id]
}

run "invalid_replication_group_id_double_hyphen" {
  command = plan
  variables {
    replication_group_id = "bizflow--cache"
  }
  expect_failures = [var.replication_group_id]
}

run "invalid_replication_group_id_trailing_hyphen" {
  command = plan
  variables {
    replication_group_id = "bizflow-cache-"
  }
  expect_failures = [var.replication_group_id]
}

run "invalid_replication_group_id_leading_digit" {
  command = plan
  variables {
    replication_group_id = "1bizflow"
  }
  expect_failures = [var.replication_group_id]
}

run "invalid_description" {
  command = plan
  variables {
    description = "   "
  }
  expect_failures = [var.description]
}

run "invalid_engine_version" {
  command = plan
  variables {
    engine_version = "6.2"
  }
  expect_failures = [var.engine_version]
}

run "invalid_node_type" {
  command = plan
  variables {
    node_type = "r6g.large"
  }
  expect_failures = [var.node_type]
}

run "missing_node_type" {
  command = plan
  variables {
    node_type = null
  }
  expect_failures = [var.node_type]
}

run "burstable_node_type_with_global_datastore" {
  command = plan
  variables {
    node_type = "cache.t4g.medium"
    global_datastore = {
      role = "primary"
    }
  }
  expect_failures = [var.node_type]
}

run "invalid_num_node_groups_range" {
  command = plan
  variables {
    cluster_mode    = true
    num_node_groups = 501
  }
  expect_failures = [var.num_node_groups]
}

run "num_node_groups_without_cluster_mode" {
  command = plan
  variables {
    num_node_groups = 2
  }
  expect_failures = [var.num_node_groups]
}

run "invalid_replicas_per_node_group" {
  command = plan
  variables {
    replicas_per_node_group = 6
  }
  expect_failures = [var.replicas_per_node_group]
}

run "multi_az_without_replica" {
  command = plan
  variables {
    replicas_per_node_group = 0
  }
  expect_failures = [var.multi_az_enabled]
}

run "multi_az_off_with_replica" {
  command = plan
  variables {
    multi_az_enabled = false
  }
  expect_failures = [var.multi_az_enabled]
}

run "invalid_kms_key_arn" {
  command = plan
  variables {
    kms_key_arn = "alias/aws/elasticache"
  }
  expect_failures = [var.kms_key_arn]
}

run "invalid_snapshot_retention_limit" {
  command = plan
  variables {
    snapshot_retention_limit = 36
  }
  expect_failures = [var.snapshot_retention_limit]
}

run "invalid_snapshot_window" {
  command = plan
  variables {
    snapshot_window = "3am-4am"
  }
  expect_failures = [var.snapshot_window]
}

run "invalid_maintenance_window" {
  command = plan
  variables {
    maintenance_window = "sunday:05:00-sunday:06:00"
  }
  expect_failures = [var.maintenance_window]
}

run "invalid_vpc_id" {
  command = plan
  variables {
    vpc_id = "vpc-123"
  }
  expect_failures = [var.vpc_id]
}

run "invalid_subnet_ids" {
  command = plan
  variables {
    subnet_ids = ["subnet-xyz", "subnet-0aaaaaaaaaaaaaaa2"]
  }
  expect_failures = [var.subnet_ids]
}

run "single_subnet_with_multi_az" {
  command = plan
  variables {
    subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1"]
  }
  expect_failures = [var.subnet_ids]
}

run "invalid_allowed_cidr_blocks" {
  command = plan
  variables {
    allowed_cidr_blocks = ["10.1.0.0/40"]
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

run "invalid_log_kms_key_arn" {
  command = plan
  variables {
    log_kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:keyring/x"
  }
  expect_failures = [var.log_kms_key_arn]
}

run "invalid_log_retention" {
  command = plan
  variables {
    log_retention_in_days = 100
  }
  expect_failures = [var.log_retention_in_days]
}

run "password_in_access_string_rejected" {
  command = plan
  variables {
    app_user_access_string = "on ~* +@all >s3cr3tpassword"
  }
  expect_failures = [var.app_user_access_string]
}

run "nopass_in_access_string_rejected" {
  command = plan
  variables {
    app_user_access_string = "on nopass ~* +@all"
  }
  expect_failures = [var.app_user_access_string]
}

run "invalid_global_datastore_role" {
  command = plan
  variables {
    global_datastore = {
      role = "tertiary"
    }
  }
  expect_failures = [var.global_datastore]
}

run "global_datastore_secondary_without_id" {
  command = plan
  variables {
    global_datastore = {
      role = "secondary"
    }
  }
  expect_failures = [var.global_datastore]
}

run "global_datastore_primary_with_id" {
  command = plan
  variables {
    global_datastore = {
      role                        = "primary"
      global_replication_group_id = "ldgnf-bizflow-cache"
    }
  }
  expect_failures = [var.global_datastore]
}

run "global_datastore_invalid_suffix" {
  command = plan
  variables {
    global_datastore = {
      role   = "primary"
      suffix = "Bizflow_Cache"
    }
  }
  expect_failures = [var.global_datastore]
}

################################################################################
# Apply with mocks (last: later plan runs would otherwise start from this state)
################################################################################

run "apply_outputs" {
  command = apply

  variables {
    global_datastore = {
      role = "primary"
    }
  }

  assert {
    condition     = output.replication_group_arn == "arn:aws:elasticache:ap-south-1:111122223333:replicationgroup:bizflow-cache"
    error_message = "replication_group_arn must be exported."
  }

  assert {
    condition     = output.primary_endpoint_address == "master.bizflow-cache.abc123.aps1.cache.amazonaws.com" && output.port == 6379
    error_message = "Endpoint and port must be exported."
  }

  assert {
    condition     = output.user_group_id == "bizflow-cache-users" && output.app_user_id == "bizflow-cache-app"
    error_message = "User group and app user must be exported."
  }

  assert {
    condition     = output.global_replication_group_id == "ldgnf-bizflow-cache"
    error_message = "The created Global Datastore ID must be exported."
  }
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = module.redis.app_user_id == "bizflow-prod-aps1-app"
    error_message = "The basic example must plan its replication group and IAM app user."
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

run "alarms_per_shard_node_to_topics" {
  command = plan

  variables {
    cluster_mode            = true
    num_node_groups         = 2
    replicas_per_node_group = 1
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"]
    }
    alarms = {
      evictions = { enabled = false }
      memory    = { threshold = 75 }
    }
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.this) == 16 && aws_cloudwatch_metric_alarm.this["memory/bizflow-cache-0002-002"].threshold == 75
    error_message = "Cluster mode: 2 shards x 2 nodes x 4 enabled alarms, with thresholds from alarms."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["cpu/bizflow-cache-0001-001"].alarm_actions == toset(["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"])
    error_message = "A warning alarm without warning topics must go to the critical topics."
  }
}

run "invalid_alarm_memory_percentage" {
  command = plan
  variables {
    alarms = { memory = { threshold = 101 } }
  }
  expect_failures = [var.alarms]
}

run "invalid_alarm_actions" {
  command = plan
  variables {
    alarm_actions = { critical = ["not-an-arn"] }
  }
  expect_failures = [var.alarm_actions]
}
