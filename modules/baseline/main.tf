data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  fsbp_arn  = "arn:${local.partition}:securityhub:${local.region}::standards/aws-foundational-security-best-practices/v/1.0.0"
}

################################################################################
# GuardDuty: a detector in this region; findings at or above the minimum
# severity go to the findings topics through EventBridge.
################################################################################

resource "aws_guardduty_detector" "this" {
  # checkov:skip=CKV2_AWS_3:An organisation-wide GuardDuty configuration belongs to the delegated administrator account; regionform creates the detector of one account per region, and an organisation that runs GuardDuty centrally turns it off (security_baseline.guardduty, RF201).
  count = var.guardduty ? 1 : 0

  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"

  tags = merge(var.tags, { Name = "${var.name_prefix}-guardduty" })
}

resource "aws_cloudwatch_event_rule" "guardduty_findings" {
  count = var.guardduty ? 1 : 0

  name        = "${var.name_prefix}-guardduty-findings"
  description = "GuardDuty findings of severity ${var.finding_min_severity} or more to the findings topics. Runbook: docs/runbooks.md#guardduty-finding"
  event_pattern = jsonencode({
    source        = ["aws.guardduty"]
    "detail-type" = ["GuardDuty Finding"]
    detail = {
      severity = [{ numeric = [">=", var.finding_min_severity] }]
    }
  })

  tags = merge(var.tags, { Name = "${var.name_prefix}-guardduty-findings" })
}

# count, not for_each: the topic ARNs are unknown until the topics exist.
resource "aws_cloudwatch_event_target" "guardduty_findings" {
  count = var.guardduty ? length(var.findings_topic_arns) : 0

  rule = aws_cloudwatch_event_rule.guardduty_findings[0].name
  arn  = var.findings_topic_arns[count.index]
}

################################################################################
# Security Hub with the AWS Foundational Security Best Practices standard
# (consolidated control findings; no other default standards).
################################################################################

resource "aws_securityhub_account" "this" {
  count = var.securityhub ? 1 : 0

  enable_default_standards  = false
  control_finding_generator = "SECURITY_CONTROL"
  auto_enable_controls      = true
}

resource "aws_securityhub_standards_subscription" "fsbp" {
  count = var.securityhub ? 1 : 0

  standards_arn = local.fsbp_arn

  depends_on = [aws_securityhub_account.this]
}

################################################################################
# AWS Config: a recorder of every supported resource type (global ones only where
# config_include_global_resources, the audit region, so IAM is recorded once) delivering
# to the audit bucket under config/.
################################################################################

locals {
  account_id           = data.aws_caller_identity.current.account_id
  dns_suffix           = data.aws_partition.current.dns_suffix
  config_bucket_region = coalesce(var.config_bucket_region, local.region)
  config_bucket_arn    = "arn:${local.partition}:s3:::${coalesce(var.config_bucket_name, "none")}"
  # IAM names are account-wide: each region's role carries its region.
  config_role_name = "${var.name_prefix}-config-${local.region}"
}

resource "aws_iam_role" "config" {
  count = var.config ? 1 : 0

  name        = local.config_role_name
  description = "AWS Config of ${local.region} records resources and delivers to ${coalesce(var.config_bucket_name, "none")}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ConfigAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
      },
    ]
  })

  tags = merge(var.tags, { Name = local.config_role_name })

  lifecycle {
    precondition {
      condition     = length(local.config_role_name) <= 64
      error_message = "IAM role name ${local.config_role_name} is over 64 characters. Shorten name_prefix."
    }
  }
}

resource "aws_iam_role_policy_attachment" "config" {
  count = var.config ? 1 : 0

  role       = aws_iam_role.config[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWS_ConfigRole"
}

resource "aws_iam_role_policy" "config_delivery" {
  count = var.config ? 1 : 0

  name = "config-delivery"
  role = aws_iam_role.config[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "CheckBucket"
        Effect   = "Allow"
        Action   = "s3:GetBucketAcl"
        Resource = local.config_bucket_arn
      },
      {
        Sid      = "Deliver"
        Effect   = "Allow"
        Action   = "s3:PutObject"
        Resource = "${local.config_bucket_arn}/config/AWSLogs/${local.account_id}/Config/*"
        Condition = {
          StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" }
        }
      },
      {
        # The audit bucket's default encryption is the audit module's key, whose id AWS
        # chooses: any key of the account in the bucket's region, only through S3 and only
        # for this bucket.
        Sid      = "EncryptDeliveries"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = "arn:${local.partition}:kms:${local.config_bucket_region}:${local.account_id}:key/*"
        Condition = {
          StringEquals = { "kms:ViaService" = "s3.${local.config_bucket_region}.${local.dns_suffix}" }
          StringLike   = { "kms:EncryptionContext:aws:s3:arn" = [local.config_bucket_arn, "${local.config_bucket_arn}/*"] }
        }
      },
    ]
  })
}

resource "aws_config_configuration_recorder" "this" {
  # checkov:skip=CKV2_AWS_48:Every supported type is recorded; global types (IAM) only in the audit region (config_include_global_resources), as AWS advises: recording them in every region repeats each IAM configuration item and its cost.
  count = var.config ? 1 : 0

  name     = var.name_prefix
  role_arn = aws_iam_role.config[0].arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = var.config_include_global_resources
  }
}

resource "aws_config_delivery_channel" "this" {
  count = var.config ? 1 : 0

  name           = var.name_prefix
  s3_bucket_name = var.config_bucket_name
  s3_key_prefix  = "config"

  snapshot_delivery_properties {
    delivery_frequency = "TwentyFour_Hours"
  }

  depends_on = [
    aws_config_configuration_recorder.this,
    aws_iam_role_policy.config_delivery,
  ]
}

resource "aws_config_configuration_recorder_status" "this" {
  count = var.config ? 1 : 0

  name       = aws_config_configuration_recorder.this[0].name
  is_enabled = true

  depends_on = [aws_config_delivery_channel.this]
}
