mock_provider "aws" {
  override_data {
    target = data.aws_region.current
    values = {
      name = "ap-south-1"
    }
  }

  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:ap-south-1:123456789012:regional/webacl/bizflow/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
      id  = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:ap-south-1:123456789012:log-group:aws-waf-logs-bizflow"
    }
  }
}

variables {
  name            = "bizflow-ap-south-1"
  log_kms_key_arn = "arn:aws:kms:ap-south-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

run "defaults" {
  command = plan

  assert {
    condition     = aws_wafv2_web_acl.this.scope == "REGIONAL"
    error_message = "Default scope must be REGIONAL."
  }

  assert {
    condition     = length(aws_wafv2_web_acl.this.default_action[0].allow) == 1
    error_message = "Default action must be allow (rules do the blocking)."
  }

  assert {
    condition = [
      for r in sort([for r in aws_wafv2_web_acl.this.rule : format("%04d:%s", r.priority, r.name)]) : r
      ] == [
      "0200:AWSManagedRulesCommonRuleSet",
      "0201:AWSManagedRulesKnownBadInputsRuleSet",
      "0202:AWSManagedRulesSQLiRuleSet",
      "0203:AWSManagedRulesAmazonIpReputationList",
    ]
    error_message = "The four default managed rule groups must be present, in list order."
  }

  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.this.rule :
      r.statement[0].managed_rule_group_statement[0].vendor_name == "AWS" &&
      r.statement[0].managed_rule_group_statement[0].name == r.name &&
      length(r.override_action[0].none) == 1
    ])
    error_message = "Managed groups must be vendor AWS with override_action none (enforcing)."
  }

  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.this.rule :
      r.visibility_config[0].sampled_requests_enabled && r.visibility_config[0].cloudwatch_metrics_enabled
    ]) && aws_wafv2_web_acl.this.visibility_config[0].sampled_requests_enabled
    error_message = "visibility_config with metrics and sampled requests must be on everywhere."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.name == "aws-waf-logs-bizflow-ap-south-1"
    error_message = "The log group name must start with aws-waf-logs-."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.kms_key_id == var.log_kms_key_arn && aws_cloudwatch_log_group.this.retention_in_days == 365
    error_message = "The log group must be KMS-encrypted with 365 days retention."
  }

  assert {
    condition = toset([for f in aws_wafv2_web_acl_logging_configuration.this.redacted_fields : f.single_header[0].name]) == toset([
      "authorization", "cookie",
    ])
    error_message = "authorization and cookie headers must be redacted from logs."
  }

  assert {
    condition     = length(aws_wafv2_web_acl_association.this) == 0
    error_message = "No association without resource ARNs."
  }

  assert {
    condition     = length(aws_wafv2_web_acl.this.captcha_config) == 0 && length(aws_wafv2_web_acl.this.custom_response_body) == 0
    error_message = "Bot control and custom bodies are off by default."
  }
}

run "bizflow_regional" {
  command = plan

  variables {
    rate_limits = {
      webhook = { limit = 100, evaluation_window_sec = 60, path_prefix = "/webhooks/" }
      api     = { limit = 1000, path_prefix = "/api/" }
      login   = { limit = 10, evaluation_window_sec = 60, path_prefix = "/Auth/Login", action = "captcha" }
    }
    blocked_countries = ["KP", "IR", "SY", "CU"]
    admin_allowed_countries = {
      path_prefix = "/admin"
      countries   = ["IN", "SG", "MY", "AE", "GB"]
    }
    bot_control = {
      enabled = true
    }
    custom_block_response = {
      content = "{\"error\":\"forbidden\"}"
    }
    association_resource_arns = [
      "arn:aws:elasticloadbalancing:ap-south-1:123456789012:loadbalancer/app/bizflow/50dc6c495c0c9188",
    ]
    tags = { Project = "bizflow" }
  }

  assert {
    condition = [
      for r in sort([for r in aws_wafv2_web_acl.this.rule : format("%04d:%s", r.priority, r.name)]) : r
      ] == [
      "0000:block-countries",
      "0001:admin-country-allowlist",
      "0100:rate-api",
      "0101:rate-login",
      "0102:rate-webhook",
      "0200:AWSManagedRulesCommonRuleSet",
      "0201:AWSManagedRulesKnownBadInputsRuleSet",
      "0202:AWSManagedRulesSQLiRuleSet",
      "0203:AWSManagedRulesAmazonIpReputationList",
      "0300:AWSManagedRulesBotControlRuleSet",
    ]
    error_message = "Rule priorities must follow geo, admin, rate (by name), managed (list order), bot control."
  }

  # API: 1000 requests / 5 min per IP on /api/.
  assert {
    condition = one([
      for r in aws_wafv2_web_acl.this.rule : (
        r.statement[0].rate_based_statement[0].limit == 1000 &&
        r.statement[0].rate_based_statement[0].evaluation_window_sec == 300 &&
        r.statement[0].rate_based_statement[0].aggregate_key_type == "IP" &&
        r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].search_string == "/api/" &&
        r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].positional_constraint == "STARTS_WITH" &&
        length(r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].field_to_match[0].uri_path) == 1 &&
        length(r.action[0].block) == 1
      ) if r.name == "rate-api"
    ])
    error_message = "rate-api must block over 1000 requests per 300 s per IP on URI paths starting with /api/."
  }

  # Login: 10 requests / min per IP, CAPTCHA, prefix lower-cased.
  assert {
    condition = one([
      for r in aws_wafv2_web_acl.this.rule : (
        r.statement[0].rate_based_statement[0].limit == 10 &&
        r.statement[0].rate_based_statement[0].evaluation_window_sec == 60 &&
        r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].search_string == "/auth/login" &&
        length(r.action[0].captcha) == 1 && length(r.action[0].block) == 0
      ) if r.name == "rate-login"
    ])
    error_message = "rate-login must CAPTCHA over 10 requests per 60 s per IP on /auth/login."
  }

  # Webhook: 100 requests / min per IP, 429 custom response.
  assert {
    condition = one([
      for r in aws_wafv2_web_acl.this.rule : (
        r.statement[0].rate_based_statement[0].limit == 100 &&
        r.statement[0].rate_based_statement[0].evaluation_window_sec == 60 &&
        r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].search_string == "/webhooks/" &&
        r.action[0].block[0].custom_response[0].response_code == 429 &&
        r.action[0].block[0].custom_response[0].custom_response_body_key == "rate-limited"
      ) if r.name == "rate-webhook"
    ])
    error_message = "rate-webhook must block with 429 over 100 requests per 60 s per IP on /webhooks/."
  }

  assert {
    condition = one([
      for r in aws_wafv2_web_acl.this.rule : (
        toset(r.statement[0].geo_match_statement[0].country_codes) == toset(["KP", "IR", "SY", "CU"]) &&
        r.action[0].block[0].custom_response[0].response_code == 403
      ) if r.name == "block-countries"
    ])
    error_message = "block-countries must block the listed countries with a 403 custom response."
  }

  assert {
    condition = one([
      for r in aws_wafv2_web_acl.this.rule : (
        r.statement[0].and_statement[0].statement[0].byte_match_statement[0].search_string == "/admin" &&
        toset(r.statement[0].and_statement[0].statement[1].not_statement[0].statement[0].geo_match_statement[0].country_codes) == toset(["IN", "SG", "MY", "AE", "GB"]) &&
        length(r.action[0].block) == 1
      ) if r.name == "admin-country-allowlist"
    ])
    error_message = "admin-country-allowlist must block /admin from outside the allowed countries."
  }

  assert {
    condition = one([
      for r in aws_wafv2_web_acl.this.rule : (
        r.statement[0].managed_rule_group_statement[0].managed_rule_group_configs[0].aws_managed_rules_bot_control_rule_set[0].inspection_level == "COMMON" &&
        one([for o in r.statement[0].managed_rule_group_statement[0].rule_action_override : length(o.action_to_use[0].captcha) if o.name == "SignalAutomatedBrowser"]) == 1
      ) if r.name == "AWSManagedRulesBotControlRuleSet"
    ])
    error_message = "Bot Control must use COMMON inspection and CAPTCHA automated browsers."
  }

  assert {
    condition     = aws_wafv2_web_acl.this.captcha_config[0].immunity_time_property[0].immunity_time == 300
    error_message = "CAPTCHA immunity time must default to 300 s."
  }

  assert {
    condition     = toset([for b in aws_wafv2_web_acl.this.custom_response_body : b.key]) == toset(["blocked", "rate-limited"])
    error_message = "Custom response bodies must be defined for blocked and rate-limited."
  }

  assert {
    condition     = length(aws_wafv2_web_acl_association.this) == 1 && aws_wafv2_web_acl_association.this[0].resource_arn == var.association_resource_arns[0]
    error_message = "The ALB must be associated."
  }

  assert {
    condition     = aws_wafv2_web_acl.this.tags["Project"] == "bizflow" && aws_wafv2_web_acl.this.tags["Name"] == "bizflow-ap-south-1"
    error_message = "Tags must be merged with Name."
  }
}

run "apply_outputs" {
  variables {
    rate_limits = { api = { limit = 1000 } }
  }

  assert {
    condition     = output.log_group_arn == "arn:aws:logs:ap-south-1:123456789012:log-group:aws-waf-logs-bizflow"
    error_message = "log_group_arn output must be the log group ARN."
  }

  assert {
    condition     = output.web_acl_name == "bizflow-ap-south-1" && startswith(output.web_acl_arn, "arn:aws:wafv2:")
    error_message = "web ACL outputs must be set."
  }

  assert {
    condition     = length(one([for r in aws_wafv2_web_acl.this.rule : r.statement[0].rate_based_statement[0].scope_down_statement if r.name == "rate-api"])) == 0
    error_message = "A rate rule without path_prefix must apply to every request (no scope-down)."
  }
}

run "cloudfront_in_us_east_1" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "us-east-1"
    }
  }

  variables {
    name  = "bizflow-cloudfront"
    scope = "CLOUDFRONT"
  }

  assert {
    condition     = aws_wafv2_web_acl.this.scope == "CLOUDFRONT"
    error_message = "CLOUDFRONT web ACL must be allowed in us-east-1."
  }
}

run "cloudfront_refused_outside_us_east_1" {
  command = plan

  variables {
    name  = "bizflow-cloudfront"
    scope = "CLOUDFRONT"
  }

  expect_failures = [aws_wafv2_web_acl.this]
}

run "rejects_cloudfront_association" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "us-east-1"
    }
  }

  variables {
    scope                     = "CLOUDFRONT"
    association_resource_arns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/bizflow/50dc6c495c0c9188"]
  }

  expect_failures = [var.association_resource_arns]
}

run "rejects_non_alb_association" {
  command = plan

  variables {
    association_resource_arns = ["arn:aws:elasticloadbalancing:ap-south-1:123456789012:loadbalancer/net/bizflow/50dc6c495c0c9188"]
  }

  expect_failures = [var.association_resource_arns]
}

run "rejects_limit_too_low" {
  command = plan

  variables {
    rate_limits = { login = { limit = 5, evaluation_window_sec = 60 } }
  }

  expect_failures = [var.rate_limits]
}

run "rejects_limit_too_high" {
  command = plan

  variables {
    rate_limits = { api = { limit = 3000000000 } }
  }

  expect_failures = [var.rate_limits]
}

run "rejects_bad_window" {
  command = plan

  variables {
    rate_limits = { api = { limit = 1000, evaluation_window_sec = 30 } }
  }

  expect_failures = [var.rate_limits]
}

run "rejects_bad_action" {
  command = plan

  variables {
    rate_limits = { api = { limit = 1000, action = "allow" } }
  }

  expect_failures = [var.rate_limits]
}

run "rejects_bad_path_prefix" {
  command = plan

  variables {
    rate_limits = { api = { limit = 1000, path_prefix = "api" } }
  }

  expect_failures = [var.rate_limits]
}

run "rejects_bad_rule_name" {
  command = plan

  variables {
    rate_limits = { "api v1" = { limit = 1000 } }
  }

  expect_failures = [var.rate_limits]
}

run "rejects_bad_blocked_country" {
  command = plan

  variables {
    blocked_countries = ["KP", "PRK"]
  }

  expect_failures = [var.blocked_countries]
}

run "rejects_lowercase_blocked_country" {
  command = plan

  variables {
    blocked_countries = ["kp"]
  }

  expect_failures = [var.blocked_countries]
}

run "rejects_bad_admin_country" {
  command = plan

  variables {
    admin_allowed_countries = { path_prefix = "/admin", countries = ["India"] }
  }

  expect_failures = [var.admin_allowed_countries]
}

run "rejects_bad_name" {
  command = plan

  variables {
    name = "bizflow waf!"
  }

  expect_failures = [var.name]
}

run "rejects_bad_scope" {
  command = plan

  variables {
    scope = "GLOBAL"
  }

  expect_failures = [var.scope]
}

run "rejects_bad_kms_arn" {
  command = plan

  variables {
    log_kms_key_arn = "alias/waf-logs"
  }

  expect_failures = [var.log_kms_key_arn]
}

run "rejects_bad_retention" {
  command = plan

  variables {
    log_retention_days = 42
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_bot_control_in_managed_groups" {
  command = plan

  variables {
    managed_rule_groups = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesBotControlRuleSet"]
  }

  expect_failures = [var.managed_rule_groups]
}

run "rejects_bad_inspection_level" {
  command = plan

  variables {
    bot_control = { enabled = true, inspection_level = "FULL" }
  }

  expect_failures = [var.bot_control]
}

run "creates_its_own_log_key_when_none_is_given" {
  command = plan

  variables {
    log_kms_key_arn = null
  }

  assert {
    condition     = length(aws_kms_key.log) == 1 && aws_kms_key.log[0].enable_key_rotation && aws_kms_key.log[0].deletion_window_in_days == 30
    error_message = "Without log_kms_key_arn the module must create a rotating key."
  }

  assert {
    condition     = strcontains(aws_kms_key.log[0].policy, "log-group:aws-waf-logs-bizflow-ap-south-1") && strcontains(aws_kms_key.log[0].policy, "logs.ap-south-1.amazonaws.com")
    error_message = "The key policy must let CloudWatch Logs use the key only for this log group."
  }

  assert {
    condition     = aws_kms_alias.log[0].name == "alias/aws-waf-logs-bizflow-ap-south-1"
    error_message = "The module key gets an alias named after the log group."
  }
}

run "uses_the_given_log_key" {
  command = plan

  assert {
    condition     = length(aws_kms_key.log) == 0 && aws_cloudwatch_log_group.this.kms_key_id == var.log_kms_key_arn
    error_message = "A given log_kms_key_arn must be used and no key created."
  }
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.waf.data.aws_region.current
    values = { name = "ap-south-1" }
  }

  assert {
    condition     = module.waf.web_acl_name == "bizflow-ap-south-1"
    error_message = "The basic example must plan its web ACL."
  }
}

run "rejects_reserved_tag_key" {
  command = plan

  variables {
    tags = { "aws:cloudformation:stack-name" = "bizflow" }
  }

  expect_failures = [var.tags]
}
