data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  tables = {
    for key, t in var.tables : key => merge(t, {
      name = "${var.name_prefix}-${key}"
      # DynamoDB refuses attribute definitions no key uses: declare exactly the key attributes.
      key_attributes = distinct(compact(concat(
        [t.hash_key.name, try(t.range_key.name, "")],
        [for g in values(t.global_secondary_indexes) : g.hash_key],
        [for g in values(t.global_secondary_indexes) : g.range_key if g.range_key != null],
        [for l in values(t.local_secondary_indexes) : l.range_key],
      )))
      types = merge(
        t.attributes,
        { (t.hash_key.name) = t.hash_key.type },
        t.range_key == null ? {} : { (t.range_key.name) = t.range_key.type },
      )
      # A global table streams new and old images: version 2019.11.21 replication reads them.
      stream_view_type = length(t.replicas) > 0 ? "NEW_AND_OLD_IMAGES" : t.stream_view_type
    })
  }

  # Application Auto Scaling: every provisioned table and each of its global indexes, read and
  # write, between the configured capacity and its maximum (the capacity itself by default).
  scaled = merge(
    merge([
      for key, t in local.tables : {
        for dimension in ["read", "write"] : "${key}/${dimension}" => {
          table     = key
          resource  = "table/${t.name}"
          dimension = "dynamodb:table:${title(dimension)}CapacityUnits"
          metric    = "DynamoDB${title(dimension)}CapacityUtilization"
          min       = dimension == "read" ? t.read_capacity : t.write_capacity
          max       = dimension == "read" ? coalesce(t.max_read_capacity, t.read_capacity) : coalesce(t.max_write_capacity, t.write_capacity)
          target    = t.target_utilization
        }
      } if t.billing_mode == "PROVISIONED"
    ]...),
    merge(flatten([
      for key, t in local.tables : [
        for index, g in t.global_secondary_indexes : {
          for dimension in ["read", "write"] : "${key}/index/${index}/${dimension}" => {
            table     = key
            resource  = "table/${t.name}/index/${index}"
            dimension = "dynamodb:index:${title(dimension)}CapacityUnits"
            metric    = "DynamoDB${title(dimension)}CapacityUtilization"
            min       = dimension == "read" ? coalesce(g.read_capacity, t.read_capacity) : coalesce(g.write_capacity, t.write_capacity)
            max = dimension == "read" ? coalesce(g.max_read_capacity, g.read_capacity, t.max_read_capacity, t.read_capacity) : coalesce(
              g.max_write_capacity, g.write_capacity, t.max_write_capacity, t.write_capacity
            )
            target = t.target_utilization
          }
        }
      ] if t.billing_mode == "PROVISIONED"
    ])...),
  )

  # What a tenant may reach in a region: the table there (this one, or its replica) and the
  # indexes partitioned by the tenant key (LeadingKeys limits an index query by the index's
  # own partition key, so an index keyed by anything else would not be the tenant's alone).
  tenant_resources = {
    for tenant, region in var.tenant_policies : tenant => flatten([
      for key, t in local.tables : concat(
        ["arn:${local.partition}:dynamodb:${region}:${local.account_id}:table/${t.name}"],
        [
          for index in concat(
            keys(t.local_secondary_indexes),
            [for name, g in t.global_secondary_indexes : name if g.hash_key == t.hash_key.name],
          ) : "arn:${local.partition}:dynamodb:${region}:${local.account_id}:table/${t.name}/index/${index}"
        ],
      ) if t.tenant_partitioned && (region == local.region || contains(keys(t.replicas), region))
    ])
  }
}

################################################################################
# Tables: encrypted with a customer-managed key, point-in-time recovery, deletion
# protection; replicas in other regions make a global table.
################################################################################

resource "aws_dynamodb_table" "this" {
  # checkov:skip=CKV2_AWS_16:On-demand (PAY_PER_REQUEST) tables scale without Application Auto Scaling; every PROVISIONED table and global index gets aws_appautoscaling_target.this and a target-tracking policy, which checkov cannot match through for_each.
  for_each = local.tables

  name         = each.value.name
  billing_mode = each.value.billing_mode
  hash_key     = each.value.hash_key.name
  range_key    = try(each.value.range_key.name, null)
  # Autoscaling owns a provisioned table's capacity from here on (see lifecycle).
  read_capacity  = each.value.read_capacity
  write_capacity = each.value.write_capacity

  dynamic "attribute" {
    for_each = toset(each.value.key_attributes)
    content {
      name = attribute.value
      type = each.value.types[attribute.value]
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.global_secondary_indexes
    content {
      name               = global_secondary_index.key
      hash_key           = global_secondary_index.value.hash_key
      range_key          = global_secondary_index.value.range_key
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.non_key_attributes
      read_capacity      = each.value.billing_mode == "PROVISIONED" ? coalesce(global_secondary_index.value.read_capacity, each.value.read_capacity) : null
      write_capacity     = each.value.billing_mode == "PROVISIONED" ? coalesce(global_secondary_index.value.write_capacity, each.value.write_capacity) : null
    }
  }

  dynamic "local_secondary_index" {
    for_each = each.value.local_secondary_indexes
    content {
      name               = local_secondary_index.key
      range_key          = local_secondary_index.value.range_key
      projection_type    = local_secondary_index.value.projection_type
      non_key_attributes = local_secondary_index.value.non_key_attributes
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute == null ? [] : [each.value.ttl_attribute]
    content {
      enabled        = true
      attribute_name = ttl.value
    }
  }

  stream_enabled   = each.value.stream_view_type != null
  stream_view_type = each.value.stream_view_type

  server_side_encryption {
    enabled     = true
    kms_key_arn = each.value.kms_key_arn
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = each.value.point_in_time_recovery_days
  }

  dynamic "replica" {
    for_each = each.value.replicas
    content {
      region_name            = replica.key
      kms_key_arn            = replica.value.kms_key_arn
      point_in_time_recovery = true
      propagate_tags         = true
    }
  }

  deletion_protection_enabled = each.value.deletion_protection

  tags = merge(var.tags, { Name = each.value.name })

  lifecycle {
    # Application Auto Scaling changes a provisioned table's capacity; the spec's capacity is
    # the scaling minimum. (A global index's capacity sits in its block and cannot be ignored.)
    ignore_changes = [read_capacity, write_capacity]

    precondition {
      condition     = split(":", each.value.kms_key_arn)[3] == local.region
      error_message = "kms_key_arn of table ${each.key} must be a key in this region (${local.region})."
    }
    precondition {
      condition     = !contains(keys(each.value.replicas), local.region)
      error_message = "Table ${each.key} lists its own region (${local.region}) among its replicas."
    }
  }
}

resource "aws_appautoscaling_target" "this" {
  for_each = local.scaled

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource
  scalable_dimension = each.value.dimension
  min_capacity       = each.value.min
  max_capacity       = each.value.max

  tags = var.tags

  depends_on = [aws_dynamodb_table.this]
}

resource "aws_appautoscaling_policy" "this" {
  for_each = local.scaled

  name               = "${each.value.resource}/${each.value.metric}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = each.value.target

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
    }
  }
}

################################################################################
# Tenant isolation: one policy per tenant, item access only to its own partition
# (dynamodb:LeadingKeys), the pattern AWS recommends for pooled multi-tenant tables.
# No Scan: LeadingKeys cannot limit it.
################################################################################

data "aws_iam_policy_document" "tenant" {
  for_each = { for tenant, resources in local.tenant_resources : tenant => resources if length(resources) > 0 }

  statement {
    sid    = "TenantPartitionOnly"
    effect = "Allow"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]
    resources = each.value

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "dynamodb:LeadingKeys"
      values   = [each.key]
    }
  }
}

resource "aws_iam_policy" "tenant" {
  for_each = data.aws_iam_policy_document.tenant

  name        = "${var.name_prefix}-${local.region}-tenant-${each.key}-dynamodb"
  description = "Tenant ${each.key}: items of its own partition in the tenant-partitioned DynamoDB tables of ${var.name_prefix} (${local.region})"
  policy      = each.value.json

  tags = merge(var.tags, { Tenant = each.key })
}
