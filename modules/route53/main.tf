data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  zone_id  = var.create_zone ? aws_route53_zone.this[0].zone_id : var.zone_id
  zone_arn = "arn:${local.partition}:route53:::hostedzone/${local.zone_id}"

  endpoints = {
    for k, e in var.endpoints : k => {
      # A generated load balancer or distribution (alias_target) or a typed name (fqdn).
      target        = e.alias_target != null ? e.alias_target.dns_name : lower(trimsuffix(e.fqdn, "."))
      alias         = e.alias_target != null || e.alias_zone_id != null
      alias_zone_id = e.alias_target != null ? e.alias_target.zone_id : e.alias_zone_id
    }
  }

  # Every record in one map, keyed "<policy>/<name>/<set identifier>" ("@" standing for the
  # apex; tenants: "tenant/<id>"), so adding a country, region or tenant never changes the
  # address of another record. Each entry carries every routing field (null when unused): one
  # resource renders them all, its routing block chosen by `policy`.
  record_defaults = {
    country        = null
    continent      = null
    latency_region = null
    failover_type  = null
    set_identifier = null
  }

  geolocation_records = {
    for r in var.geolocation_records : "geolocation/${r.name == "" ? "@" : r.name}/${r.set_identifier}" => merge(local.record_defaults, {
      policy         = "geolocation"
      fqdn           = r.name == "" ? var.domain_name : "${r.name}.${var.domain_name}"
      set_identifier = r.set_identifier
      endpoint       = r.endpoint
      country        = r.default ? "*" : r.country
      continent      = r.default ? null : r.continent
    })
  }

  latency_records = {
    for r in var.latency_records : "latency/${r.name == "" ? "@" : r.name}/${r.endpoint}" => merge(local.record_defaults, {
      policy         = "latency"
      fqdn           = r.name == "" ? var.domain_name : "${r.name}.${var.domain_name}"
      set_identifier = r.endpoint
      endpoint       = r.endpoint
      latency_region = r.endpoint
    })
  }

  failover_records = merge([
    for r in var.failover_records : {
      for role, endpoint in { PRIMARY = r.primary, SECONDARY = r.secondary } :
      "failover/${r.name == "" ? "@" : r.name}/${lower(role)}" => merge(local.record_defaults, {
        policy         = "failover"
        fqdn           = r.name == "" ? var.domain_name : "${r.name}.${var.domain_name}"
        set_identifier = lower(role)
        failover_type  = role
        endpoint       = endpoint
      })
    }
  ]...)

  tenant_records = {
    for t, endpoint in var.tenant_records : "tenant/${t}" => merge(local.record_defaults, {
      policy   = "simple"
      fqdn     = "${t}.${var.domain_name}"
      endpoint = endpoint
    })
  }

  records = merge(local.geolocation_records, local.latency_records, local.failover_records, local.tenant_records)

  query_log_group_name = "/aws/route53/${var.domain_name}"
  query_log_kms_key_arn = var.query_logging ? (
    var.query_log_kms_key_arn != null ? var.query_log_kms_key_arn : aws_kms_key.query_log[0].arn
  ) : null

  # DNSSEC key-signing key names: 3-128 characters of letters, digits and underscores.
  ksk_name = substr("ksk_${replace(var.domain_name, "/[^A-Za-z0-9]/", "_")}", 0, 128)
}

################################################################################
# Hosted zone
################################################################################

resource "aws_route53_zone" "this" {
  # checkov:skip=CKV2_AWS_38:DNSSEC signing (aws_route53_hosted_zone_dnssec) is on by default and asserted by the module's terraform test; checkov loses the zone's edges when another module's outputs are passed in (alias targets of generated load balancers, bridgecrewio/checkov#7470).
  # checkov:skip=CKV2_AWS_39:Query logging (aws_route53_query_log) is on by default and asserted by the module's terraform test; checkov loses the zone's edges when another module's outputs are passed in (alias targets of generated load balancers, bridgecrewio/checkov#7470).
  count = var.create_zone ? 1 : 0

  name          = var.domain_name
  comment       = "Public zone for ${var.domain_name} (managed by Terraform)"
  force_destroy = false

  tags = merge(var.tags, { Name = var.domain_name })
}

data "aws_route53_zone" "existing" {
  count = var.create_zone ? 0 : 1

  zone_id = var.zone_id

  lifecycle {
    postcondition {
      condition     = self.private_zone != true && trimsuffix(self.name, ".") == var.domain_name
      error_message = "zone_id must be the public hosted zone of domain_name."
    }
  }
}

################################################################################
# Health checks (one per regional endpoint)
################################################################################

resource "aws_route53_health_check" "this" {
  for_each = var.endpoints

  type              = each.value.health_check.protocol
  fqdn              = local.endpoints[each.key].target
  port              = each.value.health_check.port
  resource_path     = each.value.health_check.protocol == "TCP" ? null : each.value.health_check.path
  request_interval  = each.value.health_check.interval
  failure_threshold = each.value.health_check.failure_threshold
  regions           = each.value.health_check.regions
  enable_sni        = each.value.health_check.protocol == "HTTPS" ? true : null

  tags = merge(var.tags, { Name = "${var.domain_name}-${each.key}" })
}

################################################################################
# Records: alias A records to load balancers / distributions, CNAMEs to typed names
################################################################################

# Tenant (simple) records carry the endpoint's health check too, for visibility and so the
# record can later gain a routing policy without losing it; Route 53 only acts on it when
# choosing between records.
resource "aws_route53_record" "this" {
  for_each = local.records

  zone_id         = local.zone_id
  name            = each.value.fqdn
  type            = local.endpoints[each.value.endpoint].alias ? "A" : "CNAME"
  ttl             = local.endpoints[each.value.endpoint].alias ? null : var.ttl
  records         = local.endpoints[each.value.endpoint].alias ? null : [local.endpoints[each.value.endpoint].target]
  set_identifier  = each.value.set_identifier
  health_check_id = aws_route53_health_check.this[each.value.endpoint].id

  dynamic "geolocation_routing_policy" {
    for_each = each.value.policy == "geolocation" ? [each.value] : []
    content {
      country   = geolocation_routing_policy.value.country
      continent = geolocation_routing_policy.value.continent
    }
  }

  dynamic "latency_routing_policy" {
    for_each = each.value.policy == "latency" ? [each.value] : []
    content {
      region = latency_routing_policy.value.latency_region
    }
  }

  dynamic "failover_routing_policy" {
    for_each = each.value.policy == "failover" ? [each.value] : []
    content {
      type = failover_routing_policy.value.failover_type
    }
  }

  dynamic "alias" {
    for_each = local.endpoints[each.value.endpoint].alias ? [local.endpoints[each.value.endpoint]] : []
    content {
      name                   = alias.value.target
      zone_id                = alias.value.alias_zone_id
      evaluate_target_health = true
    }
  }
}

################################################################################
# DNSSEC
################################################################################

resource "aws_kms_key" "dnssec" {
  # DNSSEC needs an asymmetric ECC_NIST_P256 SIGN_VERIFY key; KMS cannot rotate asymmetric keys
  # (rotate by adding a new key-signing key instead), hence enable_key_rotation = false.
  count = var.dnssec ? 1 : 0

  description              = "DNSSEC key-signing key for ${var.domain_name}"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
  deletion_window_in_days  = var.kms_deletion_window_in_days
  enable_key_rotation      = false

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableAccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowRoute53DnssecService"
        Effect    = "Allow"
        Principal = { Service = "dnssec-route53.amazonaws.com" }
        Action    = ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
          ArnLike      = { "aws:SourceArn" = local.zone_arn }
        }
      },
      {
        Sid       = "AllowRoute53DnssecToCreateGrant"
        Effect    = "Allow"
        Principal = { Service = "dnssec-route53.amazonaws.com" }
        Action    = "kms:CreateGrant"
        Resource  = "*"
        Condition = {
          Bool = { "kms:GrantIsForAWSResource" = "true" }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = "${var.domain_name}-dnssec" })

  lifecycle {
    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "The DNSSEC KMS key must be created in us-east-1: call this module through the us-east-1 provider."
    }
  }
}

resource "aws_route53_key_signing_key" "this" {
  count = var.dnssec ? 1 : 0

  hosted_zone_id             = local.zone_id
  key_management_service_arn = aws_kms_key.dnssec[0].arn
  name                       = local.ksk_name
  status                     = "ACTIVE"
}

resource "aws_route53_hosted_zone_dnssec" "this" {
  count = var.dnssec ? 1 : 0

  hosted_zone_id = aws_route53_key_signing_key.this[0].hosted_zone_id
  signing_status = "SIGNING"
}

################################################################################
# Query logging
################################################################################

resource "aws_kms_key" "query_log" {
  count = var.query_logging && var.query_log_kms_key_arn == null ? 1 : 0

  description             = "Route 53 query logs for ${var.domain_name}"
  deletion_window_in_days = var.kms_deletion_window_in_days
  enable_key_rotation     = true

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableAccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowCloudWatchLogsForQueryLogGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.${data.aws_region.current.name}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${data.aws_region.current.name}:${local.account_id}:log-group:${local.query_log_group_name}"
          }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = "${var.domain_name}-query-logs" })

  lifecycle {
    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "Route 53 query logs must live in us-east-1: call this module through the us-east-1 provider."
    }
  }
}

resource "aws_cloudwatch_log_group" "query_log" {
  count = var.query_logging ? 1 : 0

  name              = local.query_log_group_name
  retention_in_days = var.query_log_retention_days
  kms_key_id        = local.query_log_kms_key_arn

  tags = merge(var.tags, { Name = local.query_log_group_name })

  lifecycle {
    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "Route 53 query logs must live in us-east-1: call this module through the us-east-1 provider."
    }
  }
}

resource "aws_cloudwatch_log_resource_policy" "query_log" {
  count = var.query_logging ? 1 : 0

  policy_name = "route53-query-logging-${var.domain_name}"
  policy_document = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Route53QueryLogsToCloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "route53.amazonaws.com" }
        Action    = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource  = "${aws_cloudwatch_log_group.query_log[0].arn}:*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
          ArnLike      = { "aws:SourceArn" = local.zone_arn }
        }
      },
    ]
  })
}

resource "aws_route53_query_log" "this" {
  count = var.query_logging ? 1 : 0

  zone_id                  = local.zone_id
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.query_log[0].arn

  depends_on = [aws_cloudwatch_log_resource_policy.query_log]
}

################################################################################
# Advisory checks (warnings, not errors)
################################################################################

check "geolocation_default_records" {
  assert {
    condition = alltrue([
      for n in distinct([for r in var.geolocation_records : r.name]) :
      anytrue([for r in var.geolocation_records : r.default if r.name == n])
    ])
    error_message = "Every geolocation record name should have a default (country \"*\") record, or resolvers outside the listed locations get no answer."
  }
}
