################################################################################
# A CloudFront distribution in front of the estate: regional load balancers (with an origin
# group for failover) or S3 buckets through Origin Access Control, cache behaviours with the
# spec's TTLs, a DNS-validated us-east-1 certificate, the CLOUDFRONT web ACL, security
# response headers, standard logging and alias records for its hostnames.
#
# Called in the global root with the us-east-1 provider: CloudFront takes certificates from
# us-east-1 only, and the hosted zone the certificate validates in lives there too.
################################################################################

data "aws_region" "current" {}

locals {
  # Managed policies (their IDs are the same in every account).
  caching_disabled_policy_id = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
  # Forwards the viewer's Host header: CloudFront then checks the load balancer's certificate
  # against the alias the viewer asked for, which the ALB's certificate covers.
  all_viewer_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3" # Managed-AllViewer

  read_methods = ["GET", "HEAD", "OPTIONS"]
  all_methods  = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]

  # One origin per load balancer or bucket, plus the failover load balancer of an origin group.
  origin_list = concat(
    [for k, o in var.origins : {
      id            = k
      domain_name   = coalesce(o.load_balancer, o.bucket)
      load_balancer = o.load_balancer != null
      path          = o.path
    }],
    [for k, o in var.origins : {
      id            = "${k}-failover"
      domain_name   = o.failover_domain_name
      load_balancer = true
      path          = o.path
    } if o.failover_domain_name != null],
  )
  origin_groups = { for k, o in var.origins : "${k}-group" => k if o.failover_domain_name != null }
  has_bucket    = anytrue([for o in values(var.origins) : o.bucket != null])

  # Where a behaviour sends requests: the origin group when its origin fails over.
  target = { for k, o in var.origins : k => o.failover_domain_name != null ? "${k}-group" : k }

  behaviors = concat([var.default_behavior], var.ordered_behaviors)
  # Behaviours with the same caching share a policy, keyed by what it holds.
  policy_key = [for b in local.behaviors : "${b.min_ttl}-${b.default_ttl}-${b.max_ttl}-${b.query_strings ? "q" : "n"}"]
  cache_policies = {
    for i, b in local.behaviors : local.policy_key[i] => b... if b.max_ttl > 0
  }
  cache_policy_ids = [
    for i, b in local.behaviors : b.max_ttl == 0 ? local.caching_disabled_policy_id : aws_cloudfront_cache_policy.this[local.policy_key[i]].id
  ]

  certificate_names  = toset(var.aliases)
  validation_options = { for o in aws_acm_certificate.this.domain_validation_options : o.domain_name => o }

  logs_bucket_name = "${var.name}-cdn-logs"
  alias_records = merge([for a in var.aliases : {
    "${a}/A"    = { name = a, type = "A" }
    "${a}/AAAA" = { name = a, type = "AAAA" }
  }]...)
}

################################################################################
# Certificate (us-east-1), validated in the hosted zone
################################################################################

resource "aws_acm_certificate" "this" {
  domain_name               = var.aliases[0]
  subject_alternative_names = slice(var.aliases, 1, length(var.aliases))
  validation_method         = "DNS"
  key_algorithm             = "RSA_2048"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }

  tags = merge(var.tags, { Name = var.aliases[0] })

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "CloudFront takes certificates from us-east-1 only: call this module with the us-east-1 provider."
    }
  }
}

resource "aws_route53_record" "validation" {
  for_each = local.certificate_names

  zone_id = var.zone_id
  name    = local.validation_options[each.key].resource_record_name
  type    = local.validation_options[each.key].resource_record_type
  records = [local.validation_options[each.key].resource_record_value]
  ttl     = 300
  # A load balancer's certificate for the same name validates with the same record.
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

################################################################################
# Policies
################################################################################

resource "aws_cloudfront_cache_policy" "this" {
  for_each = local.cache_policies

  name        = "${var.name}-${each.key}"
  comment     = "TTL min ${each.value[0].min_ttl} s, default ${each.value[0].default_ttl} s, max ${each.value[0].max_ttl} s"
  min_ttl     = each.value[0].min_ttl
  default_ttl = each.value[0].default_ttl
  max_ttl     = each.value[0].max_ttl

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = each.value[0].query_strings ? "all" : "none"
    }
  }
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name    = "${var.name}-security-headers"
  comment = "HSTS, nosniff, frame DENY, strict referrer, XSS protection"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
    xss_protection {
      protection = true
      mode_block = true
      override   = true
    }
  }
}

resource "aws_cloudfront_origin_access_control" "this" {
  count = local.has_bucket ? 1 : 0

  name                              = "${var.name}-cdn"
  description                       = "CloudFront reads ${var.name} buckets with SigV4"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

################################################################################
# Standard-log bucket
################################################################################

resource "aws_s3_bucket" "logs" {
  # checkov:skip=CKV_AWS_145:CloudFront standard-log delivery writes with SSE-S3 (AES256); a KMS-encrypted target needs a key policy for the log-delivery account, so the log bucket keeps SSE-S3.
  # checkov:skip=CKV_AWS_18:This bucket is itself a log target (CloudFront's access logs); logging access to it into another log bucket adds logs of logs and nothing an auditor reads.
  # checkov:skip=CKV_AWS_144:The logs hold viewer IP addresses: residency lint judges their delivery to us-east-1 as a copy; replicating them further would be another copy nobody asked for.
  # checkov:skip=CKV2_AWS_62:Only CloudFront log delivery writes here; nothing consumes object-created events from access logs.
  count = var.logging ? 1 : 0

  bucket        = local.logs_bucket_name
  force_destroy = false

  tags = merge(var.tags, { Name = local.logs_bucket_name, Purpose = "cdn-logs" })
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  # checkov:skip=CKV2_AWS_65:CloudFront standard logging writes through the bucket ACL (it grants the awslogsdelivery account), which needs ACLs enabled: BucketOwnerPreferred keeps the objects the bucket owner's.
  count = var.logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  count = var.logging ? 1 : 0

  bucket                  = aws_s3_bucket.logs[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "logs" {
  count = var.logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  count = var.logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  count = var.logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id

  rule {
    id     = "expire-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.log_retention_days
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

resource "aws_s3_bucket_policy" "logs" {
  count = var.logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.logs[0].arn, "${aws_s3_bucket.logs[0].arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

################################################################################
# Distribution
################################################################################

resource "aws_cloudfront_distribution" "this" {
  # checkov:skip=CKV2_AWS_47:The web ACL is the spec's cloudfront_waf, attached through the web_acl_arn input checkov cannot follow; the waf module's default managed groups include AWSManagedRulesKnownBadInputsRuleSet (Log4j), asserted by its terraform test.
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  price_class     = var.price_class
  aliases         = var.aliases
  comment         = "${var.name}: ${join(", ", var.aliases)}"
  web_acl_id      = var.web_acl_arn
  # A bucket behind the default behaviour serves / as its index page.
  default_root_object = var.origins[var.default_behavior.origin].bucket != null ? "index.html" : null

  dynamic "origin" {
    for_each = local.origin_list
    content {
      origin_id                = origin.value.id
      domain_name              = origin.value.domain_name
      origin_path              = origin.value.path
      origin_access_control_id = origin.value.load_balancer ? null : aws_cloudfront_origin_access_control.this[0].id

      dynamic "custom_origin_config" {
        for_each = origin.value.load_balancer ? [1] : []
        content {
          http_port              = 80
          https_port             = 443
          origin_protocol_policy = "https-only"
          origin_ssl_protocols   = ["TLSv1.2"]
        }
      }
    }
  }

  dynamic "origin_group" {
    for_each = local.origin_groups
    content {
      origin_id = origin_group.key

      failover_criteria {
        status_codes = [500, 502, 503, 504]
      }
      member {
        origin_id = origin_group.value
      }
      member {
        origin_id = "${origin_group.value}-failover"
      }
    }
  }

  default_cache_behavior {
    target_origin_id           = local.target[var.default_behavior.origin]
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = var.default_behavior.methods == "all" ? local.all_methods : local.read_methods
    cached_methods             = ["GET", "HEAD"]
    compress                   = var.default_behavior.compress
    cache_policy_id            = local.cache_policy_ids[0]
    origin_request_policy_id   = var.origins[var.default_behavior.origin].load_balancer != null ? local.all_viewer_policy_id : null
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.ordered_behaviors
    content {
      path_pattern               = ordered_cache_behavior.value.path
      target_origin_id           = local.target[ordered_cache_behavior.value.origin]
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ordered_cache_behavior.value.methods == "all" ? local.all_methods : local.read_methods
      cached_methods             = ["GET", "HEAD"]
      compress                   = ordered_cache_behavior.value.compress
      cache_policy_id            = local.cache_policy_ids[ordered_cache_behavior.key + 1]
      origin_request_policy_id   = var.origins[ordered_cache_behavior.value.origin].load_balancer != null ? local.all_viewer_policy_id : null
      response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.this.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  restrictions {
    geo_restriction {
      restriction_type = var.geo_restriction.type
      locations        = var.geo_restriction.countries
    }
  }

  dynamic "logging_config" {
    for_each = var.logging ? [1] : []
    content {
      bucket          = aws_s3_bucket.logs[0].bucket_domain_name
      prefix          = "cloudfront/"
      include_cookies = false
    }
  }

  tags = merge(var.tags, { Name = var.aliases[0] })

  depends_on = [aws_s3_bucket_ownership_controls.logs, aws_s3_bucket_policy.logs]
}

################################################################################
# Alias records: each hostname to the distribution (A and AAAA, IPv6 is on)
################################################################################

resource "aws_route53_record" "alias" {
  for_each = local.alias_records

  zone_id = var.zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}
