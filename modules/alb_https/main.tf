################################################################################
# HTTPS for a load balancer of modules/alb: a DNS-validated ACM certificate, the HTTPS
# listener (TLS 1.3 policy) and its rules by host and path.
#
# Kept apart from modules/alb so the certificate can be validated in the estate's hosted
# zone: in the per-region layout this call sits in the global root (with the load
# balancer's regional provider), which already reads the region roots for alias records.
################################################################################

locals {
  create_certificate = var.certificate_arn == null

  # Keyed by the names in the configuration (known at plan), not by ACM's answer.
  certificate_names = local.create_certificate ? toset(concat([var.domain_name], var.subject_alternative_names)) : toset([])
  validation_options = local.create_certificate ? {
    for o in aws_acm_certificate.this[0].domain_validation_options : o.domain_name => o
  } : {}
}

resource "aws_acm_certificate" "this" {
  count = local.create_certificate ? 1 : 0

  domain_name               = var.domain_name
  subject_alternative_names = var.subject_alternative_names
  validation_method         = "DNS"
  key_algorithm             = "RSA_2048"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }

  tags = merge(var.tags, { Name = var.domain_name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = local.certificate_names

  zone_id = var.zone_id
  name    = local.validation_options[each.key].resource_record_name
  type    = local.validation_options[each.key].resource_record_type
  records = [local.validation_options[each.key].resource_record_value]
  ttl     = 300
  # A wildcard and its apex are validated by the same record.
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  count = local.create_certificate ? 1 : 0

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = var.load_balancer_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  # The validated certificate: the listener waits until ACM has issued it.
  certificate_arn = local.create_certificate ? aws_acm_certificate_validation.this[0].certificate_arn : var.certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not found"
      status_code  = "404"
    }
  }

  tags = var.tags
}

resource "aws_lb_listener_rule" "this" {
  for_each = var.rules

  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = var.target_group_arns[each.key]
  }

  dynamic "condition" {
    for_each = length(each.value.hosts) > 0 ? [each.value.hosts] : []
    content {
      host_header {
        values = condition.value
      }
    }
  }

  dynamic "condition" {
    for_each = length(each.value.paths) > 0 ? [each.value.paths] : []
    content {
      path_pattern {
        values = condition.value
      }
    }
  }

  tags = merge(var.tags, { Target = each.key })
}

################################################################################
# Alarms (the alarm convention: docs/operations.md). ACM publishes DaysToExpiry once a day
# in the certificate's region (this module's provider), for the certificate it created. A
# DNS-validated certificate renews itself 60 days before expiry as long as its validation
# records stay; the alarm says when that has not happened. A certificate given by ARN is
# someone else's to watch.
################################################################################

locals {
  expiry_alarm = var.alarms.certificate_expiry
}

resource "aws_cloudwatch_metric_alarm" "certificate_expiry" {
  count = local.create_certificate && local.expiry_alarm.enabled ? 1 : 0

  alarm_name = "${var.domain_name}-certificate-expiry"
  alarm_description = format(
    "%s: the ACM certificate for %s of the HTTPS listener expires in under %v days and has not renewed. Runbook: docs/runbooks.md#acm-certificate-expiry",
    title(local.expiry_alarm.severity), var.domain_name, local.expiry_alarm.threshold,
  )
  namespace   = "AWS/CertificateManager"
  metric_name = "DaysToExpiry"
  dimensions  = { CertificateArn = aws_acm_certificate.this[0].arn }
  statistic   = "Minimum"
  # A daily metric: one-day periods, and a day without its datapoint keeps the state.
  period              = 86400
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  comparison_operator = "LessThanThreshold"
  threshold           = local.expiry_alarm.threshold
  treat_missing_data  = "missing"

  alarm_actions = lookup(var.alarm_actions, local.expiry_alarm.severity, lookup(var.alarm_actions, "critical", []))
  ok_actions    = lookup(var.alarm_actions, local.expiry_alarm.severity, lookup(var.alarm_actions, "critical", []))

  tags = merge(var.tags, { Name = "${var.domain_name}-certificate-expiry", Severity = local.expiry_alarm.severity })
}
