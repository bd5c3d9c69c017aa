mock_provider "aws" {
  mock_resource "aws_acm_certificate" {
    override_during = plan
    defaults = {
      arn = "arn:aws:acm:ap-south-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
      domain_validation_options = [
        {
          domain_name           = "api.bizflow.app"
          resource_record_name  = "_a1.api.bizflow.app."
          resource_record_type  = "CNAME"
          resource_record_value = "_b1.acm-validations.aws."
        },
        {
          domain_name           = "app.bizflow.app"
          resource_record_name  = "_a2.app.bizflow.app."
          resource_record_type  = "CNAME"
          resource_record_value = "_b2.acm-validations.aws."
        },
      ]
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    override_during = plan
    defaults = {
      certificate_arn = "arn:aws:acm:ap-south-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

variables {
  load_balancer_arn         = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:loadbalancer/app/bizflow-production-aps1/50dc6c495c0c9188"
  domain_name               = "api.bizflow.app"
  subject_alternative_names = ["app.bizflow.app"]
  zone_id                   = "Z0123456789ABCDEFGHIJ"
  target_group_arns = {
    api = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:targetgroup/bizflow-production-aps1-api/73e2d6bc24d8a067"
  }
  rules = {
    api = { priority = 100, hosts = ["api.bizflow.app"], paths = ["/*"] }
  }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_lb_listener.https.port == 443 && aws_lb_listener.https.protocol == "HTTPS" && aws_lb_listener.https.ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    error_message = "The listener must be HTTPS on 443 with the TLS 1.3 policy."
  }

  assert {
    condition     = aws_lb_listener.https.default_action[0].type == "fixed-response" && aws_lb_listener.https.default_action[0].fixed_response[0].status_code == "404"
    error_message = "Requests no rule matches get a 404."
  }

  assert {
    condition     = aws_acm_certificate.this[0].validation_method == "DNS" && aws_acm_certificate.this[0].domain_name == "api.bizflow.app" && toset(aws_acm_certificate.this[0].subject_alternative_names) == toset(["app.bizflow.app"])
    error_message = "The certificate is DNS-validated and covers the given names."
  }

  assert {
    condition     = toset(keys(aws_route53_record.validation)) == toset(["api.bizflow.app", "app.bizflow.app"]) && aws_route53_record.validation["api.bizflow.app"].zone_id == "Z0123456789ABCDEFGHIJ" && aws_route53_record.validation["api.bizflow.app"].name == "_a1.api.bizflow.app."
    error_message = "Each name gets its validation record in the given zone."
  }

  assert {
    condition     = length(aws_acm_certificate_validation.this) == 1
    error_message = "The listener waits for the certificate's validation."
  }

  assert {
    condition     = aws_lb_listener_rule.this["api"].priority == 100 && aws_lb_listener_rule.this["api"].action[0].target_group_arn == var.target_group_arns["api"]
    error_message = "The rule forwards to its target group at its priority."
  }

  assert {
    condition     = length(aws_lb_listener_rule.this["api"].condition) == 2
    error_message = "The rule matches both host and path."
  }
}

run "existing_certificate" {
  command = plan

  variables {
    domain_name               = null
    subject_alternative_names = []
    zone_id                   = null
    certificate_arn           = "arn:aws:acm:ap-south-1:123456789012:certificate/99999999-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition     = length(aws_acm_certificate.this) == 0 && length(aws_route53_record.validation) == 0 && aws_lb_listener.https.certificate_arn == var.certificate_arn
    error_message = "With certificate_arn nothing is created and the listener uses it."
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.certificate_expiry) == 0
    error_message = "A certificate given by ARN is not watched here."
  }
}

run "certificate_expiry_alarm" {
  command = plan

  assert {
    condition     = aws_cloudwatch_metric_alarm.certificate_expiry[0].namespace == "AWS/CertificateManager" && aws_cloudwatch_metric_alarm.certificate_expiry[0].metric_name == "DaysToExpiry" && aws_cloudwatch_metric_alarm.certificate_expiry[0].dimensions["CertificateArn"] == "arn:aws:acm:ap-south-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "The created certificate's DaysToExpiry is watched (dimension CertificateArn)."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.certificate_expiry[0].comparison_operator == "LessThanThreshold" && aws_cloudwatch_metric_alarm.certificate_expiry[0].threshold == 30 && aws_cloudwatch_metric_alarm.certificate_expiry[0].period == 86400 && aws_cloudwatch_metric_alarm.certificate_expiry[0].treat_missing_data == "missing"
    error_message = "Default: under 30 days, over daily periods, a day without data keeps the state."
  }

  assert {
    condition     = strcontains(aws_cloudwatch_metric_alarm.certificate_expiry[0].alarm_description, "Runbook: docs/runbooks.md#acm-certificate-expiry") && length(aws_cloudwatch_metric_alarm.certificate_expiry[0].alarm_actions) == 0 && aws_cloudwatch_metric_alarm.certificate_expiry[0].tags["Severity"] == "warning"
    error_message = "The alarm names its runbook line, is a warning, and tells nobody without alarm_actions."
  }
}

run "certificate_expiry_reaches_topics" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:123456789012:bizflow-production-critical"]
      warning  = ["arn:aws:sns:ap-south-1:123456789012:bizflow-production-warning"]
    }
    alarms = { certificate_expiry = { threshold = 21 } }
  }

  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.certificate_expiry[0].alarm_actions) == toset(["arn:aws:sns:ap-south-1:123456789012:bizflow-production-warning"]) && aws_cloudwatch_metric_alarm.certificate_expiry[0].threshold == 21
    error_message = "The expiry alarm tells the warning topics, at the threshold given."
  }
}

run "certificate_expiry_off" {
  command = plan

  variables {
    alarms = { certificate_expiry = { enabled = false } }
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.certificate_expiry) == 0
    error_message = "enabled = false: no alarm."
  }
}

run "rejects_bad_expiry_threshold" {
  command = plan

  variables {
    alarms = { certificate_expiry = { threshold = 400 } }
  }

  expect_failures = [var.alarms]
}

run "rejects_bad_alarm_actions" {
  command = plan

  variables {
    alarm_actions = { warning = ["not-an-arn"] }
  }

  expect_failures = [var.alarm_actions]
}

run "rejects_both_certificates" {
  command = plan

  variables {
    certificate_arn = "arn:aws:acm:ap-south-1:123456789012:certificate/99999999-12ab-34cd-56ef-1234567890ab"
  }

  expect_failures = [var.certificate_arn]
}

run "rejects_no_zone" {
  command = plan

  variables {
    zone_id = null
  }

  expect_failures = [var.certificate_arn]
}

run "rejects_bad_certificate_arn" {
  command = plan

  variables {
    domain_name     = null
    certificate_arn = "arn:aws:iam::123456789012:server-certificate/x"
  }

  expect_failures = [var.certificate_arn]
}

run "rejects_bad_domain_name" {
  command = plan

  variables {
    domain_name = "API.bizflow.app"
  }

  expect_failures = [var.domain_name]
}

run "rejects_bad_san" {
  command = plan

  variables {
    subject_alternative_names = ["app bizflow"]
  }

  expect_failures = [var.subject_alternative_names]
}

run "rejects_too_many_names" {
  command = plan

  variables {
    subject_alternative_names = [for i in range(10) : "n${i}.bizflow.app"]
  }

  expect_failures = [var.subject_alternative_names]
}

run "rejects_old_tls_policy" {
  command = plan

  variables {
    ssl_policy = "ELBSecurityPolicy-2016-08"
  }

  expect_failures = [var.ssl_policy]
}

run "rejects_rule_without_condition" {
  command = plan

  variables {
    rules = { api = { priority = 100 } }
  }

  expect_failures = [var.rules]
}

run "rejects_duplicate_priorities" {
  command = plan

  variables {
    target_group_arns = {
      api = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:targetgroup/a/73e2d6bc24d8a067"
      web = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:targetgroup/b/73e2d6bc24d8a068"
    }
    rules = {
      api = { priority = 100, paths = ["/api/*"] }
      web = { priority = 100, paths = ["/*"] }
    }
  }

  expect_failures = [var.rules]
}

run "rejects_relative_path" {
  command = plan

  variables {
    rules = { api = { priority = 100, paths = ["api/*"] } }
  }

  expect_failures = [var.rules]
}

run "rejects_reserved_tag" {
  command = plan

  variables {
    tags = { "aws:owner" = "me" }
  }

  expect_failures = [var.tags]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = length(module.alb_https.listener_rule_arns) == 1
    error_message = "The example creates the api rule."
  }
}
