# The primary PostgreSQL database of one region: Multi-AZ, storage autoscaling, a master
# password that RDS keeps in Secrets Manager, reachable only from the private subnets.

provider "aws" {
  region = "ap-south-1"
}

resource "aws_kms_key" "database" {
  description             = "bizflow production databases (ap-south-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_key" "secrets" {
  description             = "bizflow production secrets (ap-south-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

module "rds" {
  source = "../.."

  identifier            = "bizflow-production-ap-south-1"
  instance_class        = "db.r6g.xlarge"
  allocated_storage     = 200
  max_allocated_storage = 1000
  kms_key_arn           = aws_kms_key.database.arn

  # The master password never leaves AWS: RDS keeps it in Secrets Manager under this key.
  master_user_secret_kms_key_arn = aws_kms_key.secrets.arn

  # The region's network (e.g. the vpc module's vpc_id, database_subnet_group_name and
  # private subnet CIDRs).
  vpc_id               = "vpc-0a1b2c3d4e5f60718"
  db_subnet_group_name = "bizflow-production-ap-south-1-db"
  allowed_cidr_blocks  = ["10.1.11.0/24", "10.1.12.0/24", "10.1.13.0/24"]

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "endpoint" {
  description = "Connection endpoint (host:port) of the database."
  value       = module.rds.endpoint
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret holding the master password."
  value       = module.rds.master_user_secret_arn
}
