# The network of one region: a /16 over three Availability Zones with public, private and
# database tiers, one NAT gateway per AZ and encrypted flow logs kept a year.

provider "aws" {
  region = "ap-south-1"
}

module "vpc" {
  source = "../.."

  name             = "bizflow-production-ap-south-1"
  cidr             = "10.1.0.0/16"
  az_count         = 3
  public_subnets   = ["10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24"]
  private_subnets  = ["10.1.11.0/24", "10.1.12.0/24", "10.1.13.0/24"]
  database_subnets = ["10.1.21.0/24", "10.1.22.0/24", "10.1.23.0/24"]
  nat_strategy     = "per_az"

  # EKS places internal load balancers and Karpenter nodes by these tags.
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = "1"
    "karpenter.sh/discovery"          = "bizflow-aps1"
  }

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.vpc.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnet IDs, one per AZ."
  value       = module.vpc.private_subnet_ids
}
