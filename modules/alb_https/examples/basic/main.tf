# HTTPS for one region's load balancer: a certificate for the names routed to it, validated
# in the estate's hosted zone, the TLS 1.3 listener and a rule sending api.* to the api.

provider "aws" {
  region = "ap-south-1"
}

module "alb_https" {
  source = "../.."

  # The region's load balancer and target groups (created by the alb module).
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:loadbalancer/app/bizflow-production-aps1/50dc6c495c0c9188"
  target_group_arns = {
    api = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:targetgroup/bizflow-production-aps1-api/73e2d6bc24d8a067"
  }

  domain_name               = "api.bizflow.app"
  subject_alternative_names = ["app.bizflow.app"]
  # The estate's hosted zone (created by the route53 module).
  zone_id = "Z0123456789ABCDEFGHIJ"

  rules = {
    api = { priority = 100, hosts = ["api.bizflow.app"], paths = ["/*"] }
  }

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "https_listener_arn" {
  description = "ARN of the HTTPS listener."
  value       = module.alb_https.https_listener_arn
}
