mock_provider "aws" {
  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }

  mock_resource "aws_acm_certificate" {
    override_during = plan
    defaults = {
      arn = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
      domain_validation_options = [
        {
          domain_name           = "cdn.bizflow.app"
          resource_record_name  = "_a1.cdn.bizflow.app."
          resource_record_type  = "CNAME"
          resource_record_value = "_b1.acm-validations.aws."
        },
        {
          domain_name           = "www.bizflow.app"
          resource_record_name  = "_a2.www.bizflow.app."
          resource_record_type  = "CNAME"
          resource_record_value = "_b2.acm-validations.aws."
        },
      ]
    }
  }

  mock_resource "aws_acm_certificate_validation" {
    override_during = plan
    defaults = {
      certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }

  mock_resource "aws_cloudfront_cache_policy" {
    override_during = plan
    defaults = {
      id = "11111111-2222-3333-4444-555555555555"
    }
  }

  mock_resource "aws_cloudfront_response_headers_policy" {
    override_during = plan
    defaults = {
      id = "66666666-7777-8888-9999-000000000000"
    }
  }

  mock_resource "aws_cloudfront_origin_access_control" {
    override_during = plan
    defaults = {
      id = "E2QWRUHAPOMQZL"
    }
  }

  mock_resource "aws_s3_bucket" {
    override_during = plan
    defaults = {
      arn                = "arn:aws:s3:::bizflow-production-cdn-logs"
      bucket_domain_name = "bizflow-production-cdn-logs.s3.amazonaws.com"
    }
  }
}

variables {
  name    = "bizflow-production"
  aliases = ["cdn.bizflow.app", "www.bizflow.app"]
  zone_id = "Z0123456789ABCDEFGHIJ"
  origins = {
    app = {
      load_balancer = "bizflow-production-aps1-1234567890.ap-south-1.elb.amazonaws.com"
    }
    static = {
      load_balancer        = "bizflow-production-aps1-1234567890.ap-south-1.elb.amazonaws.com"
      failover_domain_name = "bizflow-production-apse1-0987654321.ap-southeast-1.elb.amazonaws.com"
    }
    site = {
      bucket = "bizflow-production-site-ap-south-1.s3.ap-south-1.amazonaws.com"
      path   = "/site"
    }
  }
  default_behavior = { origin = "app", methods = "all", max_ttl = 0 }
  ordered_behaviors = [
    { path = "/images/*", origin = "static", default_ttl = 172800, max_ttl = 172800 },
    { path = "/previews/*", origin = "static", default_ttl = 86400, max_ttl = 86400 },
    { path = "/site/*", origin = "site", default_ttl = 86400, max_ttl = 86400 },
  ]
  web_acl_arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/bizflow-production-cloudfront/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_cloudfront_distribution.this.viewer_certificate[0].minimum_protocol_version == "TLSv1.2_2021" && aws_cloudfront_distribution.this.viewer_certificate[0].ssl_support_method == "sni-only"
    error_message = "Viewers need TLS 1.2 (TLSv1.2_2021) with SNI."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.http_version == "http2and3" && aws_cloudfront_distribution.this.is_ipv6_enabled
    error_message = "HTTP/2 and HTTP/3 over IPv4 and IPv6."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.default_cache_behavior[0].viewer_protocol_policy == "redirect-to-https" && alltrue([for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.viewer_protocol_policy == "redirect-to-https" && b.compress])
    error_message = "Every behaviour redirects HTTP to HTTPS and compresses."
  }

  assert {
    condition     = alltrue([for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.response_headers_policy_id == "66666666-7777-8888-9999-000000000000"]) && aws_cloudfront_distribution.this.default_cache_behavior[0].response_headers_policy_id == "66666666-7777-8888-9999-000000000000"
    error_message = "Every behaviour adds the security headers."
  }

  assert {
    condition     = aws_cloudfront_response_headers_policy.security.security_headers_config[0].strict_transport_security[0].access_control_max_age_sec == 31536000 && aws_cloudfront_response_headers_policy.security.security_headers_config[0].frame_options[0].frame_option == "DENY"
    error_message = "HSTS for a year and frames denied."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.web_acl_id == var.web_acl_arn
    error_message = "The CLOUDFRONT web ACL is attached."
  }

  assert {
    condition     = alltrue(flatten([for o in aws_cloudfront_distribution.this.origin : [for c in o.custom_origin_config : c.origin_protocol_policy == "https-only" && c.origin_ssl_protocols == toset(["TLSv1.2"])]])) && length([for o in aws_cloudfront_distribution.this.origin : o if length(o.custom_origin_config) == 1]) == 3
    error_message = "Load balancers are reached over HTTPS with TLS 1.2 only."
  }

  assert {
    condition     = length([for o in aws_cloudfront_distribution.this.origin : o if o.origin_id == "site" && o.origin_access_control_id == "E2QWRUHAPOMQZL" && o.origin_path == "/site"]) == 1
    error_message = "The bucket is read through Origin Access Control under its path."
  }

  assert {
    condition     = aws_cloudfront_origin_access_control.this[0].signing_behavior == "always" && aws_cloudfront_origin_access_control.this[0].signing_protocol == "sigv4"
    error_message = "Origin Access Control signs every request with SigV4."
  }

  assert {
    condition     = length(aws_cloudfront_distribution.this.origin_group) == 1 && one([for g in aws_cloudfront_distribution.this.origin_group : g.origin_id]) == "static-group"
    error_message = "A failover origin gets an origin group."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.ordered_cache_behavior[0].target_origin_id == "static-group" && aws_cloudfront_distribution.this.default_cache_behavior[0].target_origin_id == "app"
    error_message = "Behaviours target the origin group of a failover origin."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.default_cache_behavior[0].cache_policy_id == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" && aws_cloudfront_distribution.this.default_cache_behavior[0].origin_request_policy_id == "216adef6-5c7f-47e4-b989-5492eafa07d3"
    error_message = "max_ttl 0 disables caching; a load balancer gets the viewer's headers (Host)."
  }

  assert {
    condition     = toset(keys(aws_cloudfront_cache_policy.this)) == toset(["0-172800-172800-q", "0-86400-86400-q"]) && aws_cloudfront_cache_policy.this["0-172800-172800-q"].default_ttl == 172800
    error_message = "One cache policy per distinct caching (48 h images, 24 h previews and site)."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.logging_config[0].bucket == "bizflow-production-cdn-logs.s3.amazonaws.com" && !aws_cloudfront_distribution.this.logging_config[0].include_cookies
    error_message = "Standard logs go to the log bucket, without cookies."
  }

  assert {
    condition     = aws_s3_bucket_public_access_block.logs[0].block_public_acls && aws_s3_bucket_public_access_block.logs[0].restrict_public_buckets && aws_s3_bucket_versioning.logs[0].versioning_configuration[0].status == "Enabled"
    error_message = "The log bucket is private and versioned."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.logs[0].rule[0].object_ownership == "BucketOwnerPreferred"
    error_message = "CloudFront standard logging needs ACLs (BucketOwnerPreferred)."
  }

  assert {
    condition     = aws_acm_certificate.this.validation_method == "DNS" && aws_acm_certificate.this.domain_name == "cdn.bizflow.app" && toset(aws_acm_certificate.this.subject_alternative_names) == toset(["www.bizflow.app"])
    error_message = "The certificate is DNS-validated and covers every alias."
  }

  assert {
    condition     = toset(keys(aws_route53_record.validation)) == toset(["cdn.bizflow.app", "www.bizflow.app"]) && aws_route53_record.validation["cdn.bizflow.app"].zone_id == var.zone_id
    error_message = "Each alias gets its validation record in the zone."
  }

  assert {
    condition     = toset(keys(aws_route53_record.alias)) == toset(["cdn.bizflow.app/A", "cdn.bizflow.app/AAAA", "www.bizflow.app/A", "www.bizflow.app/AAAA"])
    error_message = "Each alias gets A and AAAA alias records."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].restriction_type == "none" && aws_cloudfront_distribution.this.price_class == "PriceClass_All"
    error_message = "No geo restriction and every edge by default."
  }
}

run "geo_restriction_and_no_logging" {
  command = plan

  variables {
    geo_restriction = { type = "whitelist", countries = ["IN", "SG"] }
    logging         = false
    web_acl_arn     = null
  }

  assert {
    condition     = aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].restriction_type == "whitelist" && aws_cloudfront_distribution.this.restrictions[0].geo_restriction[0].locations == toset(["IN", "SG"])
    error_message = "The whitelist is applied."
  }

  assert {
    condition     = length(aws_s3_bucket.logs) == 0 && length(aws_cloudfront_distribution.this.logging_config) == 0
    error_message = "logging = false creates no log bucket."
  }
}

run "bucket_default_origin" {
  command = plan

  variables {
    origins           = { site = { bucket = "webdpro-production-site-ap-south-1.s3.ap-south-1.amazonaws.com" } }
    default_behavior  = { origin = "site", default_ttl = 86400 }
    ordered_behaviors = []
  }

  assert {
    condition     = aws_cloudfront_distribution.this.default_root_object == "index.html" && aws_cloudfront_distribution.this.default_cache_behavior[0].origin_request_policy_id == null
    error_message = "A bucket behind the default behaviour serves index.html and gets no viewer headers."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.default_cache_behavior[0].allowed_methods == toset(["GET", "HEAD", "OPTIONS"])
    error_message = "Behaviours are read-only by default."
  }
}

run "wrong_region" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = { name = "ap-south-1" }
  }

  expect_failures = [aws_acm_certificate.this]
}

run "invalid_name" {
  command = plan
  variables { name = "Bizflow_Production" }
  expect_failures = [var.name]
}

run "invalid_aliases_empty" {
  command = plan
  variables { aliases = [] }
  expect_failures = [var.aliases]
}

run "invalid_alias" {
  command = plan
  variables { aliases = ["CDN.bizflow.app."] }
  expect_failures = [var.aliases]
}

run "invalid_zone_id" {
  command = plan
  variables { zone_id = "bizflow.app" }
  expect_failures = [var.zone_id]
}

run "invalid_origin_key" {
  command = plan
  variables {
    origins          = { "App_1" = { load_balancer = "x.elb.amazonaws.com" } }
    default_behavior = { origin = "App_1" }
  }
  expect_failures = [var.origins]
}

run "invalid_origin_both" {
  command = plan
  variables {
    origins          = { app = { load_balancer = "x.elb.amazonaws.com", bucket = "b-1.s3.ap-south-1.amazonaws.com" } }
    default_behavior = { origin = "app" }
  }
  expect_failures = [var.origins]
}

run "invalid_origin_empty" {
  command = plan
  variables {
    origins           = {}
    ordered_behaviors = []
  }
  expect_failures = [var.origins]
}

run "invalid_failover_on_bucket" {
  command = plan
  variables {
    origins          = { site = { bucket = "b-1.s3.ap-south-1.amazonaws.com", failover_domain_name = "x.elb.amazonaws.com" } }
    default_behavior = { origin = "site" }
  }
  expect_failures = [var.origins]
}

run "invalid_bucket_domain" {
  command = plan
  variables {
    origins          = { site = { bucket = "my-bucket" } }
    default_behavior = { origin = "site" }
  }
  expect_failures = [var.origins]
}

run "invalid_origin_path" {
  command = plan
  variables {
    origins          = { app = { load_balancer = "x.elb.amazonaws.com", path = "site/" } }
    default_behavior = { origin = "app" }
  }
  expect_failures = [var.origins]
}

run "invalid_default_ttls" {
  command = plan
  variables { default_behavior = { origin = "app", min_ttl = 100, default_ttl = 10 } }
  expect_failures = [var.default_behavior]
}

run "invalid_default_methods" {
  command = plan
  variables { default_behavior = { origin = "app", methods = "write" } }
  expect_failures = [var.default_behavior]
}

run "invalid_default_origin" {
  command = plan
  variables { default_behavior = { origin = "nowhere" } }
  expect_failures = [var.default_behavior]
}

run "invalid_default_group_methods" {
  command = plan
  variables { default_behavior = { origin = "static", methods = "all" } }
  expect_failures = [var.default_behavior]
}

run "invalid_ordered_ttls" {
  command = plan
  variables { ordered_behaviors = [{ path = "/a/*", origin = "app", default_ttl = 100, max_ttl = 10 }] }
  expect_failures = [var.ordered_behaviors]
}

run "invalid_ordered_methods" {
  command = plan
  variables { ordered_behaviors = [{ path = "/a/*", origin = "app", methods = "GET" }] }
  expect_failures = [var.ordered_behaviors]
}

run "invalid_ordered_origin" {
  command = plan
  variables { ordered_behaviors = [{ path = "/a/*", origin = "nowhere" }] }
  expect_failures = [var.ordered_behaviors]
}

run "invalid_ordered_group_methods" {
  command = plan
  variables { ordered_behaviors = [{ path = "/a/*", origin = "static", methods = "all" }] }
  expect_failures = [var.ordered_behaviors]
}

run "invalid_ordered_paths" {
  command = plan
  variables {
    ordered_behaviors = [{ path = "/a/*", origin = "app" }, { path = "/a/*", origin = "site" }]
  }
  expect_failures = [var.ordered_behaviors]
}

run "invalid_price_class" {
  command = plan
  variables { price_class = "PriceClass_50" }
  expect_failures = [var.price_class]
}

run "invalid_geo_type" {
  command = plan
  variables { geo_restriction = { type = "allow", countries = ["IN"] } }
  expect_failures = [var.geo_restriction]
}

run "invalid_geo_countries" {
  command = plan
  variables { geo_restriction = { type = "whitelist", countries = [] } }
  expect_failures = [var.geo_restriction]
}

run "invalid_web_acl_arn" {
  command = plan
  variables { web_acl_arn = "arn:aws:wafv2:ap-south-1:123456789012:regional/webacl/x/y" }
  expect_failures = [var.web_acl_arn]
}

run "invalid_log_retention" {
  command = plan
  variables { log_retention_days = 0 }
  expect_failures = [var.log_retention_days]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }
}
