# A distribution for cdn.bizflow.app in front of two regional load balancers (Mumbai, failing
# over to Singapore for cached GETs) and a site bucket, with the CLOUDFRONT web ACL attached.

provider "aws" {
  region = "us-east-1"
}

module "cdn" {
  source = "../.."

  name    = "bizflow-production"
  aliases = ["cdn.bizflow.app"]
  # The estate's hosted zone (created by the route53 module).
  zone_id = "Z0123456789ABCDEFGHIJ"

  origins = {
    # The regional ALBs (module.alb_<region>.dns_name).
    app = {
      load_balancer = "bizflow-production-aps1-1234567890.ap-south-1.elb.amazonaws.com"
    }
    static = {
      load_balancer        = "bizflow-production-aps1-1234567890.ap-south-1.elb.amazonaws.com"
      failover_domain_name = "bizflow-production-apse1-0987654321.ap-southeast-1.elb.amazonaws.com"
    }
    site = {
      bucket = "bizflow-production-site-ap-south-1.s3.ap-south-1.amazonaws.com"
    }
  }

  # The API: every method, nothing cached.
  default_behavior = { origin = "app", methods = "all", max_ttl = 0 }
  ordered_behaviors = [
    { path = "/images/*", origin = "static", default_ttl = 172800, max_ttl = 172800 },
    { path = "/site/*", origin = "site", default_ttl = 86400, max_ttl = 86400 },
  ]

  web_acl_arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/bizflow-production-cloudfront/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "domain_name" {
  description = "The distribution's DNS name."
  value       = module.cdn.domain_name
}
