# The session and cache store of one region: Redis OSS with a replica in another AZ,
# encryption in transit and at rest, IAM-authenticated app user, slow log kept a year.

provider "aws" {
  region = "ap-south-1"
}

resource "aws_kms_key" "cache" {
  description             = "bizflow production cache (ap-south-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

module "redis" {
  source = "../.."

  replication_group_id    = "bizflow-prod-aps1"
  node_type               = "cache.r6g.large"
  replicas_per_node_group = 1
  kms_key_arn             = aws_kms_key.cache.arn
  log_kms_key_arn         = aws_kms_key.cache.arn

  # The region's network (e.g. the vpc module's vpc_id and private subnets).
  vpc_id              = "vpc-0a1b2c3d4e5f60718"
  subnet_ids          = ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712", "subnet-0a1b2c3d4e5f60713"]
  allowed_cidr_blocks = ["10.1.11.0/24", "10.1.12.0/24", "10.1.13.0/24"]

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "primary_endpoint_address" {
  description = "Address applications write to."
  value       = module.redis.primary_endpoint_address
}
