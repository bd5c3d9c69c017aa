data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  dns_suffix = data.aws_partition.current.dns_suffix
  region     = data.aws_region.current.name
  root_arn   = "arn:${local.partition}:iam::${local.account_id}:root"

  # Every key created in this region (primary or replica) with what its policy needs.
  key_specs = merge(
    { for purpose, k in var.keys : purpose => { service_principals = k.service_principals } },
    { for purpose, k in var.replica_keys : purpose => { service_principals = k.service_principals } },
  )

  # CloudWatch Logs uses its own regional service principal; every other service is allowed
  # through kms:ViaService on behalf of principals of this account.
  logs_enabled = {
    for purpose, k in local.key_specs :
    purpose => purpose == "logs" || contains(k.service_principals, "logs.amazonaws.com")
  }
  via_services = {
    for purpose, k in local.key_specs : purpose => sort(distinct([
      for sp in k.service_principals : "${trimsuffix(sp, ".amazonaws.com")}.${local.region}.${local.dns_suffix}"
      if sp != "logs.amazonaws.com" && sp != "cloudfront.amazonaws.com"
    ]))
  }

  # CloudFront reads a bucket origin through Origin Access Control as its own service
  # principal (not via kms:ViaService): decrypt only, for this account's distributions.
  cloudfront_enabled = { for purpose, k in local.key_specs : purpose => contains(k.service_principals, "cloudfront.amazonaws.com") }

  # Administration only: no cryptographic use and no kms:DisableKeyRotation (rotation stays on).
  admin_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListKeyRotations",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:ReplicateKey",
    "kms:RevokeGrant",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
    "kms:UpdatePrimaryRegion",
  ]

  usage_actions = [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
  ]

  key_policies = {
    for purpose, k in local.key_specs : purpose => jsonencode({
      Version = "2012-10-17"
      # Optional statements are filtered out (a conditional cannot mix tuples of different lengths).
      Statement = [for s in [
        {
          enabled = true
          statement = {
            Sid       = "EnableRootAccountAccess"
            Effect    = "Allow"
            Principal = { AWS = local.root_arn }
            Action    = "kms:*"
            Resource  = "*"
          }
        },
        {
          enabled = length(var.administrator_arns) > 0
          statement = {
            Sid       = "AllowKeyAdministration"
            Effect    = "Allow"
            Principal = { AWS = sort(distinct(var.administrator_arns)) }
            Action    = local.admin_actions
            Resource  = "*"
          }
        },
        {
          enabled = local.logs_enabled[purpose]
          statement = {
            Sid       = "AllowCloudWatchLogs"
            Effect    = "Allow"
            Principal = { Service = "logs.${local.region}.${local.dns_suffix}" }
            Action    = local.usage_actions
            Resource  = "*"
            Condition = {
              ArnLike = {
                "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:*"
              }
            }
          }
        },
        {
          enabled = local.cloudfront_enabled[purpose]
          statement = {
            Sid       = "AllowCloudFrontDecrypt"
            Effect    = "Allow"
            Principal = { Service = "cloudfront.${local.dns_suffix}" }
            Action    = ["kms:Decrypt"]
            Resource  = "*"
            Condition = {
              StringEquals = { "AWS:SourceAccount" = local.account_id }
              ArnLike      = { "AWS:SourceArn" = "arn:${local.partition}:cloudfront::${local.account_id}:distribution/*" }
            }
          }
        },
        {
          enabled = length(local.via_services[purpose]) > 0
          statement = {
            Sid       = "AllowUseViaAWSServices"
            Effect    = "Allow"
            Principal = { AWS = local.root_arn }
            Action    = local.usage_actions
            Resource  = "*"
            Condition = {
              StringEquals = {
                "kms:ViaService"    = local.via_services[purpose]
                "kms:CallerAccount" = local.account_id
              }
            }
          }
        },
        {
          enabled = length(local.via_services[purpose]) > 0
          statement = {
            Sid       = "AllowGrantsForAWSResources"
            Effect    = "Allow"
            Principal = { AWS = local.root_arn }
            Action    = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
            Resource  = "*"
            Condition = {
              StringEquals = {
                "kms:ViaService"    = local.via_services[purpose]
                "kms:CallerAccount" = local.account_id
              }
              Bool = {
                "kms:GrantIsForAWSResource" = "true"
              }
            }
          }
        },
      ] : s.statement if s.enabled]
    })
  }
}

resource "aws_kms_key" "this" {
  for_each = var.keys

  description              = coalesce(each.value.description, "${var.alias_prefix} ${each.key} key (${local.region})")
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  is_enabled               = true
  enable_key_rotation      = true
  rotation_period_in_days  = each.value.rotation_period_in_days
  multi_region             = each.value.multi_region
  deletion_window_in_days  = each.value.deletion_window_in_days

  policy                             = local.key_policies[each.key]
  bypass_policy_lockout_safety_check = false

  tags = merge(var.tags, {
    Name    = "${var.alias_prefix}-${each.key}"
    Purpose = each.key
  })
}

resource "aws_kms_replica_key" "this" {
  for_each = var.replica_keys

  primary_key_arn         = each.value.primary_key_arn
  description             = coalesce(each.value.description, "${var.alias_prefix} ${each.key} replica key (${local.region})")
  enabled                 = true
  deletion_window_in_days = each.value.deletion_window_in_days

  policy                             = local.key_policies[each.key]
  bypass_policy_lockout_safety_check = false

  tags = merge(var.tags, {
    Name    = "${var.alias_prefix}-${each.key}"
    Purpose = each.key
  })

  lifecycle {
    precondition {
      condition     = split(":", each.value.primary_key_arn)[3] != local.region
      error_message = "replica_keys[\"${each.key}\"].primary_key_arn is in ${local.region}, the region of this module: a replica must live in another region than its primary."
    }
  }
}

locals {
  key_arns = merge(
    { for purpose, k in aws_kms_key.this : purpose => k.arn },
    { for purpose, k in aws_kms_replica_key.this : purpose => k.arn },
  )
  key_ids = merge(
    { for purpose, k in aws_kms_key.this : purpose => k.key_id },
    { for purpose, k in aws_kms_replica_key.this : purpose => k.key_id },
  )
}

resource "aws_kms_alias" "this" {
  for_each = toset(concat(keys(var.keys), keys(var.replica_keys)))

  name          = "alias/${var.alias_prefix}/${each.key}"
  target_key_id = local.key_ids[each.key]
}
