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
