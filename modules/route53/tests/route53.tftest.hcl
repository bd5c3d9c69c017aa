mock_provider "aws" {
  override_data {
    target = data.aws_region.current
    values = {
      name = "us-east-1"
    }
  }

  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "123456789012"
    }
  }

  override_data {
    target = data.aws_partition.current
    values = {
      partition = "aws"
    }
  }

  mock_resource "aws_route53_zone" {
    defaults = {
      zone_id      = "Z0123456789ABCDEFGHIJ"
      name_servers = ["ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk", "ns-3.awsdns-03.com", "ns-4.awsdns-04.net"]
    }
  }

  mock_resource "aws_kms_key" {
    defaults = {
      arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/bizflow.app"
    }
  }
}

variables {
  domain_name = "bizflow.app"

  endpoints = {
    "ap-south-1" = {
      alias_target = { dns_name = "bizflow-aps1-1234567890.ap-south-1.elb.amazonaws.com", zone_id = "ZP97RAFLXTNZK" }
      health_check = { regions = ["us-east-1", "eu-west-1", "ap-southeast-1"] }
    }
    "ap-southeast-1" = {
      fqdn          = "bizflow-apse1-1234567890.ap-southeast-1.elb.amazonaws.com"
      alias_zone_id = "Z1LMS91P8CMLE5"
      health_check  = { regions = ["us-east-1", "eu-west-1", "ap-southeast-1"] }
    }
    "me-south-1" = {
      alias_target = { dns_name = "bizflow-mes1-1234567890.me-south-1.elb.amazonaws.com", zone_id = "ZS929ML54UICD" }
      health_check = { regions = ["us-east-1", "eu-west-1", "ap-southeast-1"] }
    }
    "eu-west-2" = {
      fqdn          = "bizflow-euw2-1234567890.eu-west-2.elb.amazonaws.com"
      alias_zone_id = "ZHURV8PSTC4K8"
      health_check  = { regions = ["us-east-1", "eu-west-1", "ap-southeast-1"] }
    }
  }

  geolocation_records = [
    { name = "api", set_identifier = "IN", country = "IN", endpoint = "ap-south-1" },
    { name = "api", set_identifier = "SG", country = "SG", endpoint = "ap-southeast-1" },
    { name = "api", set_identifier = "MY", country = "MY", endpoint = "ap-southeast-1" },
    { name = "api", set_identifier = "AE", country = "AE", endpoint = "me-south-1" },
    { name = "api", set_identifier = "GB", country = "GB", endpoint = "eu-west-2" },
    { name = "api", set_identifier = "EU", continent = "EU", endpoint = "eu-west-2" },
    { name = "api", set_identifier = "default", default = true, endpoint = "ap-south-1" },
  ]

  latency_records = [
    { name = "cdn", endpoint = "ap-south-1" },
    { name = "cdn", endpoint = "ap-southeast-1" },
    { name = "cdn", endpoint = "me-south-1" },
    { name = "cdn", endpoint = "eu-west-2" },
  ]

  failover_records = [
    { name = "app", primary = "ap-south-1", secondary = "ap-southeast-1" },
  ]

  tenant_records = {
    acme   = "ap-south-1"
    globex = "eu-west-2"
  }

  tags = { Project = "bizflow" }
}

run "bizflow_routing" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:us-east-1:111122223333:bizflow-production-global-critical"]
    }
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.health_check) == length(var.endpoints) && alltrue([for a in aws_cloudwatch_metric_alarm.health_check : a.treat_missing_data == "breaching" && a.metric_name == "HealthCheckStatus" && a.threshold == 1 && a.comparison_operator == "LessThanThreshold" && strcontains(a.alarm_description, "Runbook: docs/runbooks.md#route53-health-check")])
    error_message = "Every endpoint health check gets an availability alarm that breaches on missing data and names its runbook line."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.health_check : a.alarm_actions == toset(["arn:aws:sns:us-east-1:111122223333:bizflow-production-global-critical"])])
    error_message = "Health-check alarms go to the critical topics in us-east-1."
  }

  assert {
    condition     = aws_route53_zone.this[0].name == "bizflow.app" && aws_route53_zone.this[0].force_destroy == false
    error_message = "The public zone must be created without force_destroy."
  }

  assert {
    condition = toset([for k, r in aws_route53_record.this : k if startswith(k, "geolocation/")]) == toset([
      "geolocation/api/IN", "geolocation/api/SG", "geolocation/api/MY", "geolocation/api/AE",
      "geolocation/api/GB", "geolocation/api/EU", "geolocation/api/default",
    ])
    error_message = "One geolocation record per location, keyed by name/set_identifier."
  }

  assert {
    condition = alltrue([
      for k, c in { "api/IN" = "IN", "api/SG" = "SG", "api/MY" = "MY", "api/AE" = "AE", "api/GB" = "GB" } :
      aws_route53_record.this["geolocation/${k}"].geolocation_routing_policy[0].country == c
    ])
    error_message = "Each country record must carry its country code."
  }

  assert {
    condition     = aws_route53_record.this["geolocation/api/EU"].geolocation_routing_policy[0].continent == "EU"
    error_message = "The EU record must use the EU continent."
  }

  assert {
    condition     = aws_route53_record.this["geolocation/api/default"].geolocation_routing_policy[0].country == "*"
    error_message = "The default geolocation record must use country \"*\"."
  }

  assert {
    condition = (
      aws_route53_record.this["geolocation/api/AE"].alias[0].name == "bizflow-mes1-1234567890.me-south-1.elb.amazonaws.com" &&
      aws_route53_record.this["geolocation/api/MY"].alias[0].zone_id == "Z1LMS91P8CMLE5" &&
      aws_route53_record.this["geolocation/api/default"].alias[0].name == "bizflow-aps1-1234567890.ap-south-1.elb.amazonaws.com"
    )
    error_message = "Geolocation records must point at the endpoint of their region."
  }

  assert {
    condition = alltrue([
      for k, r in aws_route53_record.this :
      r.name == "api.bizflow.app" && r.type == "A" && r.alias[0].evaluate_target_health && r.ttl == null
      if startswith(k, "geolocation/")
    ])
    error_message = "Alias endpoints must give alias A records on api.bizflow.app evaluating target health."
  }

  assert {
    condition = alltrue([
      for hc in aws_route53_health_check.this :
      hc.request_interval == 10 && hc.failure_threshold == 3 && hc.resource_path == "/health" &&
      hc.type == "HTTPS" && hc.port == 443 && hc.enable_sni
    ])
    error_message = "Health checks must default to HTTPS:443 /health every 10 s, failure threshold 3."
  }

  assert {
    condition = (
      aws_route53_health_check.this["me-south-1"].fqdn == "bizflow-mes1-1234567890.me-south-1.elb.amazonaws.com" &&
      aws_route53_health_check.this["me-south-1"].regions == toset(["us-east-1", "eu-west-1", "ap-southeast-1"])
    )
    error_message = "Health checks must target the endpoint from the configured checker regions."
  }

  assert {
    condition = (
      aws_route53_record.this["latency/cdn/eu-west-2"].latency_routing_policy[0].region == "eu-west-2" &&
      aws_route53_record.this["latency/cdn/eu-west-2"].set_identifier == "eu-west-2" &&
      aws_route53_record.this["latency/cdn/eu-west-2"].name == "cdn.bizflow.app" &&
      length([for k, r in aws_route53_record.this : k if startswith(k, "latency/")]) == 4
    )
    error_message = "Latency records must use the endpoint key as region and set identifier."
  }

  assert {
    condition = (
      aws_route53_record.this["failover/app/primary"].failover_routing_policy[0].type == "PRIMARY" &&
      aws_route53_record.this["failover/app/primary"].alias[0].zone_id == "ZP97RAFLXTNZK" &&
      aws_route53_record.this["failover/app/secondary"].failover_routing_policy[0].type == "SECONDARY" &&
      aws_route53_record.this["failover/app/secondary"].alias[0].zone_id == "Z1LMS91P8CMLE5"
    )
    error_message = "Failover must send PRIMARY to the primary endpoint and SECONDARY to the DR endpoint."
  }

  assert {
    condition = (
      aws_route53_record.this["tenant/acme"].name == "acme.bizflow.app" &&
      aws_route53_record.this["tenant/globex"].name == "globex.bizflow.app" &&
      aws_route53_record.this["tenant/globex"].alias[0].zone_id == "ZHURV8PSTC4K8" &&
      aws_route53_record.this["tenant/acme"].set_identifier == null
    )
    error_message = "Tenant records must be <tenant>.<domain> pointing at their endpoint."
  }

  assert {
    condition = (
      aws_kms_key.dnssec[0].customer_master_key_spec == "ECC_NIST_P256" &&
      aws_kms_key.dnssec[0].key_usage == "SIGN_VERIFY" &&
      aws_kms_key.dnssec[0].deletion_window_in_days == 30
    )
    error_message = "The DNSSEC key must be ECC_NIST_P256 / SIGN_VERIFY with a 30-day deletion window."
  }

  assert {
    condition = (
      aws_route53_key_signing_key.this[0].status == "ACTIVE" &&
      aws_route53_key_signing_key.this[0].name == "ksk_bizflow_app" &&
      aws_route53_hosted_zone_dnssec.this[0].signing_status == "SIGNING"
    )
    error_message = "The zone must be signed with an active KSK."
  }


  assert {
    condition     = aws_route53_health_check.this["ap-south-1"].tags["Project"] == "bizflow" && aws_route53_zone.this[0].tags["Name"] == "bizflow.app"
    error_message = "Tags must be merged with Name."
  }
}

run "apply_outputs" {
  assert {
    condition = one([
      for s in jsondecode(aws_kms_key.query_log[0].policy).Statement :
      s.Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/bizflow.app"
      if s.Principal == { Service = "logs.us-east-1.amazonaws.com" }
    ])
    error_message = "The query log key must allow CloudWatch Logs in us-east-1 only for the query log group."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_key.dnssec[0].policy).Statement : (
        s.Principal == { Service = "dnssec-route53.amazonaws.com" } ? (
          s.Action == "kms:CreateGrant" ? s.Condition.Bool["kms:GrantIsForAWSResource"] == "true" : (
            s.Condition.StringEquals["aws:SourceAccount"] == "123456789012" &&
            s.Condition.ArnLike["aws:SourceArn"] == "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ"
          )
        ) : s.Principal == { AWS = "arn:aws:iam::123456789012:root" }
      )
    ])
    error_message = "The DNSSEC key policy must allow only Route 53 DNSSEC (scoped to the account and zone) and the account root."
  }

  assert {
    condition = (
      aws_cloudwatch_log_group.query_log[0].name == "/aws/route53/bizflow.app" &&
      aws_cloudwatch_log_group.query_log[0].retention_in_days == 365 &&
      aws_cloudwatch_log_group.query_log[0].kms_key_id == aws_kms_key.query_log[0].arn &&
      aws_kms_key.query_log[0].enable_key_rotation
    )
    error_message = "Query logs must go to /aws/route53/<domain>, KMS-encrypted with a rotated key, kept 365 days."
  }

  assert {
    condition = (
      jsondecode(aws_cloudwatch_log_resource_policy.query_log[0].policy_document).Statement[0].Principal.Service == "route53.amazonaws.com" &&
      jsondecode(aws_cloudwatch_log_resource_policy.query_log[0].policy_document).Statement[0].Resource == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/bizflow.app:*" &&
      length(aws_route53_query_log.this) == 1
    )
    error_message = "Route 53 must be allowed to write to the query log group and query logging enabled."
  }

  assert {
    condition     = output.zone_id == "Z0123456789ABCDEFGHIJ" && length(output.name_servers) == 4
    error_message = "zone_id and name_servers outputs must come from the zone."
  }

  assert {
    condition     = toset(keys(output.health_check_ids)) == toset(["ap-south-1", "ap-southeast-1", "me-south-1", "eu-west-2"])
    error_message = "health_check_ids must be keyed by endpoint."
  }

  assert {
    condition     = length(output.record_fqdns) == 15 && contains(keys(output.record_fqdns), "tenant/acme")
    error_message = "record_fqdns must list 7 geolocation + 4 latency + 2 failover + 2 tenant records."
  }

  assert {
    condition     = output.dnssec_kms_key_arn == "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "dnssec_kms_key_arn must be the DNSSEC key."
  }

  assert {
    condition     = output.query_log_group_arn == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/bizflow.app"
    error_message = "query_log_group_arn must be the query log group."
  }

  assert {
    condition     = aws_route53_record.this["geolocation/api/IN"].health_check_id == aws_route53_health_check.this["ap-south-1"].id
    error_message = "Geolocation records must carry their endpoint's health check."
  }

  assert {
    condition     = aws_route53_record.this["tenant/globex"].health_check_id == aws_route53_health_check.this["eu-west-2"].id
    error_message = "Tenant records must carry their endpoint's health check."
  }
}

run "cname_endpoint_existing_zone_no_extras" {
  command = plan

  override_data {
    target = data.aws_route53_zone.existing
    values = {
      name         = "bizflow.app."
      private_zone = false
      name_servers = ["ns-9.awsdns-09.org"]
    }
  }

  variables {
    create_zone   = false
    zone_id       = "Z0EXISTING12345"
    dnssec        = false
    query_logging = false
    ttl           = 30
    endpoints = {
      "ap-south-1" = {
        fqdn         = "api-origin.ap-south-1.example.net"
        health_check = { protocol = "HTTP", port = 80, interval = 30, failure_threshold = 2, path = "/healthz" }
      }
    }
    geolocation_records = [
      { name = "api", set_identifier = "default", default = true, endpoint = "ap-south-1" },
    ]
    latency_records  = []
    failover_records = []
    tenant_records   = { acme = "ap-south-1" }
  }

  assert {
    condition     = length(aws_route53_zone.this) == 0 && aws_route53_record.this["tenant/acme"].zone_id == "Z0EXISTING12345"
    error_message = "Records must go into the existing zone."
  }

  assert {
    condition = (
      aws_route53_record.this["tenant/acme"].type == "CNAME" &&
      aws_route53_record.this["tenant/acme"].ttl == 30 &&
      aws_route53_record.this["tenant/acme"].records == toset(["api-origin.ap-south-1.example.net"]) &&
      length(aws_route53_record.this["tenant/acme"].alias) == 0
    )
    error_message = "Endpoints without alias_zone_id must give CNAME records with the configured TTL."
  }

  assert {
    condition = (
      aws_route53_health_check.this["ap-south-1"].type == "HTTP" &&
      aws_route53_health_check.this["ap-south-1"].request_interval == 30 &&
      aws_route53_health_check.this["ap-south-1"].failure_threshold == 2 &&
      aws_route53_health_check.this["ap-south-1"].resource_path == "/healthz" &&
      aws_route53_health_check.this["ap-south-1"].regions == null
    )
    error_message = "Health check settings must be taken from the endpoint."
  }

  assert {
    condition = (
      length(aws_kms_key.dnssec) == 0 && length(aws_route53_hosted_zone_dnssec.this) == 0 &&
      length(aws_cloudwatch_log_group.query_log) == 0 && length(aws_route53_query_log.this) == 0
    )
    error_message = "dnssec = false and query_logging = false must create no DNSSEC or query-log resources."
  }

  assert {
    condition     = output.name_servers[0] == "ns-9.awsdns-09.org" && length(output.name_servers) == 1
    error_message = "name_servers must come from the existing zone."
  }
}

run "refused_outside_us_east_1" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "ap-south-1"
    }
  }

  expect_failures = [aws_kms_key.dnssec, aws_kms_key.query_log]
}

run "query_log_group_refused_outside_us_east_1" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = {
      name = "eu-west-2"
    }
  }

  variables {
    dnssec                = false
    query_log_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  expect_failures = [aws_cloudwatch_log_group.query_log]
}

run "rejects_interval_20" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = { fqdn = "a.ap-south-1.elb.amazonaws.com", alias_zone_id = "ZP97RAFLXTNZK", health_check = { interval = 20 } }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_threshold_11" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = { fqdn = "a.ap-south-1.elb.amazonaws.com", alias_zone_id = "ZP97RAFLXTNZK", health_check = { failure_threshold = 11 } }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_too_few_checker_regions" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = { fqdn = "a.ap-south-1.elb.amazonaws.com", health_check = { regions = ["us-east-1", "eu-west-1"] } }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_non_checker_region" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = { fqdn = "a.ap-south-1.elb.amazonaws.com", health_check = { regions = ["us-east-1", "eu-west-1", "ap-south-1"] } }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_endpoint_key_not_region" {
  command = plan

  variables {
    endpoints = {
      mumbai = { fqdn = "a.ap-south-1.elb.amazonaws.com" }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_unknown_geolocation_endpoint" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "default", default = true, endpoint = "us-east-1" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_unknown_latency_endpoint" {
  command = plan

  variables {
    latency_records = [{ name = "cdn", endpoint = "eu-central-1" }]
  }

  expect_failures = [var.latency_records]
}

run "rejects_unknown_failover_endpoint" {
  command = plan

  variables {
    failover_records = [{ name = "app", primary = "ap-south-1", secondary = "eu-central-1" }]
  }

  expect_failures = [var.failover_records]
}

run "rejects_unknown_tenant_endpoint" {
  command = plan

  variables {
    tenant_records = { acme = "eu-central-1" }
  }

  expect_failures = [var.tenant_records]
}

run "rejects_bad_country_code" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "UK", country = "UK1", endpoint = "eu-west-2" },
      { name = "api", set_identifier = "default", default = true, endpoint = "ap-south-1" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_lowercase_country_code" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "in", country = "in", endpoint = "ap-south-1" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_country_and_default_together" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "IN", country = "IN", default = true, endpoint = "ap-south-1" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_duplicate_country" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "IN-a", country = "IN", endpoint = "ap-south-1" },
      { name = "api", set_identifier = "IN-b", country = "IN", endpoint = "ap-southeast-1" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_bad_continent" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "europe", continent = "EUROPE", endpoint = "eu-west-2" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_mixed_routing_policies" {
  command = plan

  variables {
    latency_records = [{ name = "api", endpoint = "ap-south-1" }]
  }

  expect_failures = [var.latency_records]
}

run "rejects_tenant_shadowing_record" {
  command = plan

  variables {
    tenant_records = { api = "ap-south-1" }
  }

  expect_failures = [var.tenant_records]
}

run "rejects_bad_tenant_id" {
  command = plan

  variables {
    tenant_records = { "Acme_Corp" = "ap-south-1" }
  }

  expect_failures = [var.tenant_records]
}

run "rejects_same_primary_and_secondary" {
  command = plan

  variables {
    failover_records = [{ name = "app", primary = "ap-south-1", secondary = "ap-south-1" }]
  }

  expect_failures = [var.failover_records]
}

run "rejects_apex_cname" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = { fqdn = "origin.ap-south-1.example.net" }
      "eu-west-2"  = { fqdn = "origin.eu-west-2.example.net" }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = [{ name = "", primary = "ap-south-1", secondary = "eu-west-2" }]
    tenant_records      = {}
  }

  expect_failures = [var.failover_records]
}

run "rejects_bad_domain" {
  command = plan

  variables {
    domain_name = "BizFlow.app."
  }

  expect_failures = [var.domain_name]
}

run "rejects_zone_id_without_create_zone_false" {
  command = plan

  variables {
    zone_id = "Z0EXISTING12345"
  }

  expect_failures = [var.zone_id]
}

run "rejects_bad_ttl" {
  command = plan

  variables {
    ttl = -1
  }

  expect_failures = [var.ttl]
}

run "apex_alias_failover" {
  command = plan

  variables {
    failover_records = [{ name = "", primary = "ap-south-1", secondary = "eu-west-2" }]
  }

  assert {
    condition = (
      aws_route53_record.this["failover/@/primary"].name == "bizflow.app" &&
      aws_route53_record.this["failover/@/secondary"].type == "A" &&
      aws_route53_record.this["failover/@/secondary"].set_identifier == "secondary"
    )
    error_message = "Apex records are keyed @ and named after the domain."
  }
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.route53.data.aws_region.current
    values = { name = "us-east-1" }
  }

  override_data {
    target = module.route53.data.aws_partition.current
    values = { partition = "aws" }
  }

  override_data {
    target = module.route53.data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }

  assert {
    condition     = keys(module.route53.health_check_ids) == ["ap-south-1", "ap-southeast-1"]
    error_message = "The basic example must plan a health check per regional endpoint."
  }
}

run "rejects_reserved_tag_key" {
  command = plan

  variables {
    tags = { "aws:cloudformation:stack-name" = "bizflow" }
  }

  expect_failures = [var.tags]
}

run "one_resource_one_routing_block_per_record" {
  command = plan

  assert {
    condition = alltrue([
      for k, r in aws_route53_record.this : (
        length(r.geolocation_routing_policy) == (startswith(k, "geolocation/") ? 1 : 0) &&
        length(r.latency_routing_policy) == (startswith(k, "latency/") ? 1 : 0) &&
        length(r.failover_routing_policy) == (startswith(k, "failover/") ? 1 : 0)
      )
    ])
    error_message = "Each record must carry exactly the routing block of its policy (tenant records none)."
  }

  assert {
    condition     = length(aws_route53_record.this) == 15
    error_message = "All 7 geolocation + 4 latency + 2 failover + 2 tenant records must come from the one resource."
  }
}

run "saudi_arabia_and_south_america_are_two_locations" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "SA-country", country = "SA", endpoint = "me-south-1" },
      { name = "api", set_identifier = "SA-continent", continent = "SA", endpoint = "eu-west-2" },
      { name = "api", set_identifier = "default", default = true, endpoint = "ap-south-1" },
    ]
  }

  assert {
    condition = (
      aws_route53_record.this["geolocation/api/SA-country"].geolocation_routing_policy[0].country == "SA" &&
      aws_route53_record.this["geolocation/api/SA-continent"].geolocation_routing_policy[0].continent == "SA" &&
      aws_route53_record.this["geolocation/api/SA-continent"].geolocation_routing_policy[0].country == null
    )
    error_message = "Country SA (Saudi Arabia) and continent SA (South America) are different locations."
  }
}

run "rejects_duplicate_continent" {
  command = plan

  variables {
    geolocation_records = [
      { name = "api", set_identifier = "sa-1", continent = "SA", endpoint = "me-south-1" },
      { name = "api", set_identifier = "sa-2", continent = "SA", endpoint = "eu-west-2" },
    ]
  }

  expect_failures = [var.geolocation_records]
}

run "rejects_endpoint_with_alias_target_and_fqdn" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = {
        alias_target = { dns_name = "a.ap-south-1.elb.amazonaws.com", zone_id = "ZP97RAFLXTNZK" }
        fqdn         = "ap-south-1.alb.bizflow.app"
      }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_endpoint_without_target" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = { health_check = {} }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_alias_zone_id_with_alias_target" {
  command = plan

  variables {
    endpoints = {
      "ap-south-1" = {
        alias_target  = { dns_name = "a.ap-south-1.elb.amazonaws.com", zone_id = "ZP97RAFLXTNZK" }
        alias_zone_id = "ZP97RAFLXTNZK"
      }
    }
    geolocation_records = []
    latency_records     = []
    failover_records    = []
    tenant_records      = {}
  }

  expect_failures = [var.endpoints]
}

run "rejects_alarm_topic_outside_us_east_1" {
  command = plan
  variables {
    alarm_actions = { critical = ["arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical"] }
  }
  expect_failures = [var.alarm_actions]
}
