# One region's internet-facing load balancer: public subnets in two zones, access logs in
# the region, an ip target group for the api with its health check, and the region's web ACL.

provider "aws" {
  region = "ap-south-1"
}

module "alb" {
  source = "../.."

  name                    = "bizflow-production-aps1"
  security_group_name     = "bizflow-production-alb-ap-south-1"
  access_logs_bucket_name = "bizflow-production-alb-logs-ap-south-1"

  # The region's network (created by the vpc module).
  vpc_id            = "vpc-0a1b2c3d4e5f60718"
  vpc_cidr_block    = "10.0.0.0/16"
  public_subnet_ids = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]

  targets = {
    api = {
      name         = "bizflow-production-aps1-api"
      port         = 8080
      priority     = 1100
      health_check = { path = "/health", interval = 10 }
    }
  }

  # The region's web ACL (created by the waf module).
  associate_web_acl = true
  web_acl_arn       = "arn:aws:wafv2:ap-south-1:123456789012:regional/webacl/bizflow-ap-south-1/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "dns_name" {
  description = "DNS name of the load balancer."
  value       = module.alb.dns_name
}
