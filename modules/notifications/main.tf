data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  root_arn   = "arn:${local.partition}:iam::${local.account_id}:root"

  # The only publishers: CloudWatch alarms, AWS Budgets (and Cost Anomaly Detection, which
  # publishes as costalerts) and EventBridge rules (GuardDuty findings), all of this account.
  publishers = sort(distinct(concat([
    "budgets.amazonaws.com",
    "cloudwatch.amazonaws.com",
    "costalerts.amazonaws.com",
    "events.amazonaws.com",
  ], var.extra_publishers)))

  subscriptions = merge(
    { for pair in flatten([
      for severity, t in var.topics : [for address in t.email : { key = "${severity}/email/${address}", severity = severity, protocol = "email", endpoint = address }]
    ]) : pair.key => pair },
    { for pair in flatten([
      for severity, t in var.topics : [for url in t.https : { key = "${severity}/https/${url}", severity = severity, protocol = "https", endpoint = url }]
    ]) : pair.key => pair },
  )
}

# A dedicated key: the publishing services must be able to use it, which the region's data
# keys (granted only through kms:ViaService to this account's principals) must not allow.
resource "aws_kms_key" "this" {
  description             = "${var.name_prefix} notification topics (${local.region})"
  key_usage               = "ENCRYPT_DECRYPT"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableRootAccountAccess"
        Effect    = "Allow"
        Principal = { AWS = local.root_arn }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowPublishersOfThisAccount"
        Effect    = "Allow"
        Principal = { Service = local.publishers }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
        }
      },
    ]
  })
  bypass_policy_lockout_safety_check = false

  tags = merge(var.tags, { Name = "${var.name_prefix}-notifications" })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name_prefix}-notifications"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_sns_topic" "this" {
  for_each = var.topics

  name              = "${var.name_prefix}-${each.key}"
  display_name      = "${var.name_prefix} ${each.key}"
  kms_master_key_id = aws_kms_key.this.arn

  tags = merge(var.tags, { Name = "${var.name_prefix}-${each.key}", Severity = each.key })
}

resource "aws_sns_topic_policy" "this" {
  for_each = var.topics

  arn = aws_sns_topic.this[each.key].arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllowPublishersOfThisAccount"
        Effect    = "Allow"
        Principal = { Service = local.publishers }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.this[each.key].arn
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
        }
      },
      {
        Sid       = "AllowOwnerManagement"
        Effect    = "Allow"
        Principal = { AWS = local.root_arn }
        Action = [
          "sns:GetTopicAttributes",
          "sns:ListSubscriptionsByTopic",
          "sns:SetTopicAttributes",
          "sns:Subscribe",
        ]
        Resource = aws_sns_topic.this[each.key].arn
      },
      {
        # Nobody else publishes: not even principals of this account whose IAM policies
        # allow sns:Publish (an alert channel people can write to is a phishing channel).
        Sid       = "DenyPublishByAnyoneElse"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.this[each.key].arn
        Condition = {
          StringNotEquals = { "aws:PrincipalServiceName" = local.publishers }
        }
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each = local.subscriptions

  topic_arn = aws_sns_topic.this[each.value.severity].arn
  protocol  = each.value.protocol
  endpoint  = each.value.endpoint
}
