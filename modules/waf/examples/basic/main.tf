# The regional web ACL in front of one region's load balancer: AWS managed rule groups, a
# per-IP rate limit on the login path, and logs encrypted with a key of this region.

provider "aws" {
  region = "ap-south-1"
}

module "waf" {
  source = "../.."

  name = "bizflow-ap-south-1"
  rate_limits = {
    login = { limit = 100, path_prefix = "/login" }
  }
  # The region's public ALB (created by the load-balancer stack).
  association_resource_arns = [
    "arn:aws:elasticloadbalancing:ap-south-1:123456789012:loadbalancer/app/bizflow-ap-south-1/50dc6c495c0c9188",
  ]

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "web_acl_arn" {
  description = "ARN of the web ACL."
  value       = module.waf.web_acl_arn
}
