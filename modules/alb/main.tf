################################################################################
# Application Load Balancer: one region's front door
#
# The ALB, its security group, its access-log bucket, ip target groups, the HTTP listener
# (redirect to HTTPS only) and the WAF association. The HTTPS listener, its certificate and
# its rules live in modules/alb_https: the certificate is validated in the estate's hosted
# zone, which the per-region layout keeps in the global root.
################################################################################

data "aws_region" "current" {}
data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  subnet_ids = var.internal ? var.private_subnet_ids : var.public_subnet_ids

  # Regions opened before August 2022 deliver access logs from a regional ELB account;
  # newer ones (and, by now, these too) from the log delivery service principal.
  legacy_log_regions = [
    "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ca-central-1",
    "cn-north-1", "cn-northwest-1", "eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1",
    "eu-west-2", "eu-west-3", "me-south-1", "sa-east-1", "us-east-1", "us-east-2",
    "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2",
  ]
  legacy_log_delivery = contains(local.legacy_log_regions, local.region)

  log_prefix     = "alb"
  log_bucket_arn = "arn:${local.partition}:s3:::${var.access_logs_bucket_name}"
  log_objects    = "${local.log_bucket_arn}/${local.log_prefix}/AWSLogs/${local.account_id}/*"

  # Ingress: the CloudFront origin-facing prefix list, or each allowed CIDR, on 443 and 80.
  ports = { https = 443, http = 80 }
  cidr_ingress = var.cloudfront_only ? {} : {
    for pair in setproduct(keys(local.ports), var.allowed_cidrs) :
    "${pair[0]}/${pair[1]}" => { port = local.ports[pair[0]], cidr = pair[1] }
  }
  prefix_list_ingress = var.cloudfront_only ? local.ports : {}
}

data "aws_elb_service_account" "this" {
  count = local.legacy_log_delivery ? 1 : 0
}

data "aws_ec2_managed_prefix_list" "cloudfront" {
  count = var.cloudfront_only ? 1 : 0
  name  = "com.amazonaws.global.cloudfront.origin-facing"
}

################################################################################
# Access-log bucket (same region as the load balancer, SSE-S3: all ALB log delivery supports)
################################################################################

resource "aws_s3_bucket" "logs" {
  # checkov:skip=CKV_AWS_145:ALB access-log delivery only supports SSE-S3 (AES256) on the target bucket; SSE-KMS is not supported (Elastic Load Balancing user guide, enable-access-logging).
  # checkov:skip=CKV_AWS_18:This bucket is itself a log target (the ALB's access logs); logging access to it into another log bucket adds logs of logs and nothing an auditor reads.
  # checkov:skip=CKV_AWS_144:Access logs are regional operational records kept in the load balancer's own region, so residency never has to judge a copy of them.
  # checkov:skip=CKV2_AWS_62:Only ELB log delivery writes here; nothing consumes object-created events from access logs.
  bucket        = var.access_logs_bucket_name
  force_destroy = false

  tags = merge(var.tags, { Name = var.access_logs_bucket_name, Purpose = "alb-access-logs" })
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "access-logs"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }

    expiration {
      days = var.log_retention_days
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid       = "DenyInsecureTransport"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:*"
          Resource  = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]
          Condition = { Bool = { "aws:SecureTransport" = "false" } }
        },
        {
          Sid       = "AllowElbLogDelivery"
          Effect    = "Allow"
          Principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
          Action    = "s3:PutObject"
          Resource  = local.log_objects
        },
      ],
      [for account in data.aws_elb_service_account.this : {
        Sid       = "AllowRegionalElbAccount"
        Effect    = "Allow"
        Principal = { AWS = account.arn }
        Action    = "s3:PutObject"
        Resource  = local.log_objects
      }],
    )
  })

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

################################################################################
# Security group: 443 and 80 from the allowed networks (or CloudFront), out to the VPC
################################################################################

resource "aws_security_group" "this" {
  name        = var.security_group_name
  description = "Load balancer ${var.name}: HTTPS and the HTTP redirect in, targets in the VPC out"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = var.security_group_name })
}

resource "aws_vpc_security_group_ingress_rule" "cidr" {
  # checkov:skip=CKV_AWS_260:Port 80 only answers with a redirect to HTTPS (the HTTP listener has no other action); an internet-facing site must accept it from anywhere the spec allows.
  for_each = local.cidr_ingress

  security_group_id = aws_security_group.this.id
  description       = "${upper(split("/", each.key)[0])} from ${each.value.cidr}"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "cloudfront" {
  for_each = local.prefix_list_ingress

  security_group_id = aws_security_group.this.id
  description       = "${upper(each.key)} from CloudFront origin-facing servers"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront[0].id

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "targets" {
  for_each = var.targets

  security_group_id = aws_security_group.this.id
  description       = "To ${each.key} targets in the VPC"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = var.vpc_cidr_block

  tags = var.tags
}

################################################################################
# Load balancer
################################################################################

resource "aws_lb" "this" {
  # checkov:skip=CKV2_AWS_76:The web ACL is the spec's choice (regions.<r>.waf) and is associated through module inputs checkov cannot follow; the waf module's default managed groups include AWSManagedRulesKnownBadInputsRuleSet (Log4j), asserted by its terraform test.
  name               = var.name
  load_balancer_type = "application"
  internal           = var.internal
  subnets            = local.subnet_ids
  security_groups    = [aws_security_group.this.id]

  drop_invalid_header_fields = true
  enable_deletion_protection = true
  desync_mitigation_mode     = "defensive"
  idle_timeout               = var.idle_timeout
  enable_http2               = true

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = local.log_prefix
    enabled = true
  }

  tags = merge(var.tags, { Name = var.name })

  depends_on = [aws_s3_bucket_policy.logs]
}

resource "aws_lb_target_group" "this" {
  # checkov:skip=CKV_AWS_378:TLS ends at the load balancer and targets sit in the VPC's private subnets, reached only from the load balancer's security group; a target that must be reached over TLS sets protocol: HTTPS in the spec.
  for_each = var.targets

  name                 = each.value.name
  target_type          = "ip"
  vpc_id               = var.vpc_id
  port                 = each.value.port
  protocol             = each.value.protocol
  protocol_version     = "HTTP1"
  deregistration_delay = each.value.deregistration_delay

  health_check {
    enabled             = true
    path                = each.value.health_check.path
    port                = "traffic-port"
    protocol            = each.value.protocol
    interval            = each.value.health_check.interval
    timeout             = each.value.health_check.timeout
    healthy_threshold   = each.value.health_check.healthy_threshold
    unhealthy_threshold = each.value.health_check.unhealthy_threshold
    matcher             = each.value.health_check.matcher
  }

  tags = merge(var.tags, { Name = each.value.name, Target = each.key })
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  tags = var.tags
}

resource "aws_wafv2_web_acl_association" "this" {
  count = var.associate_web_acl ? 1 : 0

  resource_arn = aws_lb.this.arn
  web_acl_arn  = var.web_acl_arn
}
