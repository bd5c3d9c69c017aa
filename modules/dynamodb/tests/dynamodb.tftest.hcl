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

  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
    }
  }

  mock_resource "aws_dynamodb_table" {
    defaults = {
      arn = "arn:aws:dynamodb:ap-south-1:111122223333:table/webdpro-production-orders"
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
  name_prefix = "webdpro-production"
  tables = {
    orders = {
      hash_key   = { name = "tenant_id" }
      range_key  = { name = "order_id" }
      attributes = { store_id = "S", created_at = "S", unused = "N" }
      global_secondary_indexes = {
        store-index  = { hash_key = "store_id", range_key = "created_at" }
        tenant-index = { hash_key = "tenant_id", range_key = "created_at", projection_type = "KEYS_ONLY" }
      }
      local_secondary_indexes = {
        by-created = { range_key = "created_at" }
      }
      kms_key_arn        = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      tenant_partitioned = true
    }
  }
  tenant_policies = {
    sharma-kirana = "ap-south-1"
  }
  tags = {
    Project = "webdpro"
  }
}

################################################################################
# Secure defaults
################################################################################

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_dynamodb_table.this["orders"].name == "webdpro-production-orders" && aws_dynamodb_table.this["orders"].billing_mode == "PAY_PER_REQUEST"
    error_message = "Tables must be named <name_prefix>-<key> and billed on demand by default."
  }

  assert {
    condition     = one(aws_dynamodb_table.this["orders"].server_side_encryption).enabled == true && one(aws_dynamodb_table.this["orders"].server_side_encryption).kms_key_arn == var.tables.orders.kms_key_arn
    error_message = "Tables must be encrypted with the given customer-managed key."
  }

  assert {
    condition     = one(aws_dynamodb_table.this["orders"].point_in_time_recovery).enabled == true && one(aws_dynamodb_table.this["orders"].point_in_time_recovery).recovery_period_in_days == 35
    error_message = "Point-in-time recovery must be on with a 35-day window by default."
  }

  assert {
    condition     = aws_dynamodb_table.this["orders"].deletion_protection_enabled == true
    error_message = "Deletion protection must be on by default."
  }

  assert {
    condition     = aws_dynamodb_table.this["orders"].stream_enabled == false && length(aws_dynamodb_table.this["orders"].replica) == 0
    error_message = "A table without replicas streams nothing unless asked."
  }

  assert {
    condition     = toset([for a in aws_dynamodb_table.this["orders"].attribute : a.name]) == toset(["tenant_id", "order_id", "store_id", "created_at"])
    error_message = "Exactly the key attributes are declared (an attribute no key uses is left out)."
  }

  assert {
    condition     = length(aws_appautoscaling_target.this) == 0
    error_message = "An on-demand table has no autoscaling."
  }
}

run "tenant_policy_is_limited_to_its_partition" {
  command = plan

  assert {
    condition     = one(data.aws_iam_policy_document.tenant["sharma-kirana"].statement[0].condition).variable == "dynamodb:LeadingKeys" && one(data.aws_iam_policy_document.tenant["sharma-kirana"].statement[0].condition).test == "ForAllValues:StringEquals" && one(data.aws_iam_policy_document.tenant["sharma-kirana"].statement[0].condition).values == tolist(["sharma-kirana"])
    error_message = "The tenant policy must allow only the tenant's own leading key."
  }

  assert {
    condition = toset(data.aws_iam_policy_document.tenant["sharma-kirana"].statement[0].resources) == toset([
      "arn:aws:dynamodb:ap-south-1:111122223333:table/webdpro-production-orders",
      "arn:aws:dynamodb:ap-south-1:111122223333:table/webdpro-production-orders/index/by-created",
      "arn:aws:dynamodb:ap-south-1:111122223333:table/webdpro-production-orders/index/tenant-index",
    ])
    error_message = "The tenant policy covers the table and the indexes partitioned by the tenant key, not store-index."
  }

  assert {
    condition     = !contains(data.aws_iam_policy_document.tenant["sharma-kirana"].statement[0].actions, "dynamodb:Scan")
    error_message = "Scan cannot be limited by LeadingKeys and must not be allowed."
  }

  assert {
    condition     = aws_iam_policy.tenant["sharma-kirana"].name == "webdpro-production-ap-south-1-tenant-sharma-kirana-dynamodb"
    error_message = "The tenant policy must be named <name_prefix>-<region>-tenant-<id>-dynamodb."
  }
}

run "global_table" {
  command = plan

  variables {
    tables = {
      sessions = {
        hash_key      = { name = "tenant_id" }
        kms_key_arn   = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
        ttl_attribute = "expires_at"
        replicas = {
          ap-southeast-1 = { kms_key_arn = "arn:aws:kms:ap-southeast-1:111122223333:key/22222222-2222-2222-2222-222222222222" }
        }
        tenant_partitioned = true
      }
    }
    tenant_policies = {
      lion-city = "ap-southeast-1"
    }
  }

  assert {
    condition     = aws_dynamodb_table.this["sessions"].stream_enabled == true && aws_dynamodb_table.this["sessions"].stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "A global table must stream new and old images."
  }

  assert {
    condition     = one(aws_dynamodb_table.this["sessions"].replica).region_name == "ap-southeast-1" && one(aws_dynamodb_table.this["sessions"].replica).kms_key_arn == "arn:aws:kms:ap-southeast-1:111122223333:key/22222222-2222-2222-2222-222222222222" && one(aws_dynamodb_table.this["sessions"].replica).point_in_time_recovery == true
    error_message = "Each replica must use its region's key and have point-in-time recovery."
  }

  assert {
    condition     = one(aws_dynamodb_table.this["sessions"].ttl).attribute_name == "expires_at" && one(aws_dynamodb_table.this["sessions"].ttl).enabled == true
    error_message = "TTL must be on the given attribute."
  }

  assert {
    condition     = data.aws_iam_policy_document.tenant["lion-city"].statement[0].resources == toset(["arn:aws:dynamodb:ap-southeast-1:111122223333:table/webdpro-production-sessions"])
    error_message = "A tenant homed in a replica region reaches the replica there only."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.replication_latency)) == toset(["sessions/ap-southeast-1"]) && aws_cloudwatch_metric_alarm.replication_latency["sessions/ap-southeast-1"].metric_name == "ReplicationLatency" && aws_cloudwatch_metric_alarm.replication_latency["sessions/ap-southeast-1"].dimensions == tomap({ TableName = "webdpro-production-sessions", ReceivingRegion = "ap-southeast-1" })
    error_message = "A global table's replication latency is watched per receiving region (TableName + ReceivingRegion)."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.replication_latency["sessions/ap-southeast-1"].threshold == 60000 && aws_cloudwatch_metric_alarm.replication_latency["sessions/ap-southeast-1"].treat_missing_data == "missing"
    error_message = "Default: above 60 s (in ms); a table without writes keeps the alarm's state, never OK by default."
  }
}

################################################################################
# Alarms
################################################################################

run "alarms_default" {
  command = plan

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.throttles)) == toset(["orders/read", "orders/write"]) && toset(keys(aws_cloudwatch_metric_alarm.system_errors)) == toset(["orders"]) && length(aws_cloudwatch_metric_alarm.replication_latency) == 0
    error_message = "Each table gets read and write throttle alarms and a system errors alarm; replication latency only for global tables."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.throttles["orders/read"].metric_name == "ReadThrottleEvents" && aws_cloudwatch_metric_alarm.throttles["orders/write"].metric_name == "WriteThrottleEvents" && aws_cloudwatch_metric_alarm.throttles["orders/read"].dimensions["TableName"] == "webdpro-production-orders" && aws_cloudwatch_metric_alarm.throttles["orders/read"].threshold == 10 && aws_cloudwatch_metric_alarm.throttles["orders/read"].treat_missing_data == "notBreaching"
    error_message = "Throttle events of the table above 10 a minute; no datapoint means no throttles."
  }

  assert {
    condition = length(aws_cloudwatch_metric_alarm.system_errors["orders"].metric_query) == 9 && alltrue([
      for q in aws_cloudwatch_metric_alarm.system_errors["orders"].metric_query : q.metric[0].metric_name == "SystemErrors" && q.metric[0].dimensions["TableName"] == "webdpro-production-orders" if length(q.metric) == 1
    ]) && aws_cloudwatch_metric_alarm.system_errors["orders"].threshold == 0
    error_message = "System errors add up SystemErrors of eight operations of the table (at most ten metrics in an alarm)."
  }

  assert {
    condition     = alltrue([for a in concat(values(aws_cloudwatch_metric_alarm.throttles), values(aws_cloudwatch_metric_alarm.system_errors)) : strcontains(a.alarm_description, "Runbook: docs/runbooks.md#dynamodb-") && length(a.alarm_actions) == 0])
    error_message = "Every alarm names its runbook line; without alarm_actions nobody is told."
  }
}

run "alarms_reach_topics" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:111122223333:webdpro-production-critical"]
      warning  = ["arn:aws:sns:ap-south-1:111122223333:webdpro-production-warning"]
    }
    alarms = {
      throttles     = { threshold = 50 }
      system_errors = { enabled = false }
    }
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.system_errors) == 0 && aws_cloudwatch_metric_alarm.throttles["orders/write"].threshold == 50 && toset(aws_cloudwatch_metric_alarm.throttles["orders/write"].alarm_actions) == toset(["arn:aws:sns:ap-south-1:111122223333:webdpro-production-warning"])
    error_message = "Settings from alarms; throttles tell the warning topics."
  }
}

run "rejects_bad_alarm_actions" {
  command = plan

  variables {
    alarm_actions = { critical = ["arn:aws:sns:ap-south-1:111122223333"] }
  }

  expect_failures = [var.alarm_actions]
}

run "rejects_bad_alarm_settings" {
  command = plan

  variables {
    alarms = { throttles = { threshold = -1 } }
  }

  expect_failures = [var.alarms]
}

run "provisioned_with_autoscaling" {
  command = plan

  variables {
    tables = {
      catalog = {
        hash_key           = { name = "tenant_id" }
        attributes         = { category = "S" }
        billing_mode       = "PROVISIONED"
        read_capacity      = 5
        write_capacity     = 5
        max_read_capacity  = 100
        target_utilization = 60
        global_secondary_indexes = {
          category-index = { hash_key = "category", read_capacity = 2, write_capacity = 2 }
        }
        kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
    tenant_policies = {}
  }

  assert {
    condition     = aws_dynamodb_table.this["catalog"].billing_mode == "PROVISIONED" && aws_dynamodb_table.this["catalog"].read_capacity == 5 && aws_dynamodb_table.this["catalog"].write_capacity == 5
    error_message = "A provisioned table starts at its configured capacity."
  }

  assert {
    condition     = length(aws_appautoscaling_target.this) == 4 && length(aws_appautoscaling_policy.this) == 4
    error_message = "Table and index, read and write, must each be under target tracking."
  }

  assert {
    condition     = aws_appautoscaling_target.this["catalog/read"].min_capacity == 5 && aws_appautoscaling_target.this["catalog/read"].max_capacity == 100 && aws_appautoscaling_target.this["catalog/write"].max_capacity == 5
    error_message = "Autoscaling runs between the capacity and its maximum (the capacity itself by default)."
  }

  assert {
    condition     = aws_appautoscaling_target.this["catalog/index/category-index/read"].resource_id == "table/webdpro-production-catalog/index/category-index" && aws_appautoscaling_target.this["catalog/index/category-index/read"].min_capacity == 2
    error_message = "Each global index has its own scalable target."
  }

  assert {
    condition     = one(aws_appautoscaling_policy.this["catalog/write"].target_tracking_scaling_policy_configuration).target_value == 60
    error_message = "Target tracking must keep the configured utilization."
  }
}

################################################################################
# Validations
################################################################################

run "rejects_capacity_on_demand" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key      = { name = "tenant_id" }
        read_capacity = 5
        kms_key_arn   = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_provisioned_without_capacity" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key     = { name = "tenant_id" }
        billing_mode = "PROVISIONED"
        kms_key_arn  = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_gsi_key_not_an_attribute" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key                 = { name = "tenant_id" }
        global_secondary_indexes = { store-index = { hash_key = "store_id" } }
        kms_key_arn              = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_lsi_without_range_key" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key                = { name = "tenant_id" }
        attributes              = { created_at = "S" }
        local_secondary_indexes = { by-created = { range_key = "created_at" } }
        kms_key_arn             = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_pitr_over_35_days" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key                    = { name = "tenant_id" }
        point_in_time_recovery_days = 36
        kms_key_arn                 = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_replica_stream_other_than_new_and_old_images" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key         = { name = "tenant_id" }
        stream_view_type = "KEYS_ONLY"
        kms_key_arn      = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
        replicas = {
          ap-southeast-1 = { kms_key_arn = "arn:aws:kms:ap-southeast-1:111122223333:key/22222222-2222-2222-2222-222222222222" }
        }
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_replica_key_in_another_region" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key    = { name = "tenant_id" }
        kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
        replicas = {
          ap-southeast-1 = { kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111" }
        }
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_table_key_in_another_region" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key    = { name = "tenant_id" }
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [aws_dynamodb_table.this["orders"]]
}

run "rejects_too_many_local_indexes" {
  command = plan

  variables {
    tables = {
      orders = {
        hash_key   = { name = "tenant_id" }
        range_key  = { name = "order_id" }
        attributes = { a = "S", b = "S", c = "S", d = "S", e = "S", f = "S" }
        local_secondary_indexes = {
          by-a = { range_key = "a" }
          by-b = { range_key = "b" }
          by-c = { range_key = "c" }
          by-d = { range_key = "d" }
          by-e = { range_key = "e" }
          by-f = { range_key = "f" }
        }
        kms_key_arn = "arn:aws:kms:ap-south-1:111122223333:key/11111111-1111-1111-1111-111111111111"
      }
    }
  }

  expect_failures = [var.tables]
}

run "rejects_bad_tenant_id" {
  command = plan

  variables {
    tenant_policies = {
      "Not_A_Tenant" = "ap-south-1"
    }
  }

  expect_failures = [var.tenant_policies]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = module.dynamodb.table_names["orders"] == "webdpro-production-orders"
    error_message = "The basic example must plan the orders table."
  }
}
