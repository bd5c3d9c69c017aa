# The public zone of a two-region estate: the API answers by the caller's country (India to
# Mumbai, everyone else to Singapore), the app fails over from Mumbai to Singapore on a
# failed health check, and each tenant gets its own name in its home region. DNSSEC and
# query logging stay on (both live in us-east-1, where Route 53 requires them).

provider "aws" {
  region = "us-east-1"
}

module "route53" {
  source = "../.."

  domain_name = "projectone.example.com"

  # The regions' public load balancers (DNS name and canonical hosted zone of each ALB).
  endpoints = {
    "ap-south-1" = {
      fqdn          = "projectone-aps1-1234567890.ap-south-1.elb.amazonaws.com"
      alias_zone_id = "ZP97RAFLXTNZK"
    }
    "ap-southeast-1" = {
      fqdn          = "projectone-apse1-1234567890.ap-southeast-1.elb.amazonaws.com"
      alias_zone_id = "Z1LMS91P8CMLE5"
    }
  }

  geolocation_records = [
    { name = "api", set_identifier = "IN", country = "IN", endpoint = "ap-south-1" },
    { name = "api", set_identifier = "default", default = true, endpoint = "ap-southeast-1" },
  ]

  failover_records = [
    { name = "app", primary = "ap-south-1", secondary = "ap-southeast-1" },
  ]

  tenant_records = {
    acme = "ap-south-1"
  }

  tags = {
    Project     = "projectone"
    Environment = "production"
  }
}

output "name_servers" {
  description = "Name servers to delegate projectone.example.com to."
  value       = module.route53.name_servers
}
