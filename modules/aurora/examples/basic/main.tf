# The primary Aurora PostgreSQL cluster of one region: Serverless v2 (2-16 ACUs), a writer
# and two readers across the AZs, 30-day backups at 03:00-04:00 UTC, a master password that
# RDS keeps in Secrets Manager, reachable only from the private subnets, and the source of a
# Global Database that other regions join.

provider "aws" {
  region = "ap-south-1"
}

resource "aws_kms_key" "database" {
  description             = "agentmitra production databases (ap-south-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_key" "secrets" {
  description             = "agentmitra production secrets (ap-south-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

module "aurora" {
  source = "../.."

  identifier            = "agentmitra-production-ap-south-1"
  serverless            = { min_capacity = 2, max_capacity = 16 }
  readers               = 2
  create_global_cluster = true
  kms_key_arn           = aws_kms_key.database.arn

  backup_retention_period      = 30
  preferred_backup_window      = "03:00-04:00"
  preferred_maintenance_window = "sun:04:30-sun:05:30"

  # The master password never leaves AWS: RDS keeps it in Secrets Manager under this key.
  master_user_secret_kms_key_arn = aws_kms_key.secrets.arn

  # The region's network (e.g. the vpc module's azs, vpc_id, database_subnet_group_name and
  # private subnet CIDRs).
  availability_zones   = ["ap-south-1a", "ap-south-1b", "ap-south-1c"]
  vpc_id               = "vpc-0a1b2c3d4e5f60718"
  db_subnet_group_name = "agentmitra-production-ap-south-1-db"
  allowed_cidr_blocks  = ["172.16.16.0/20", "172.16.32.0/20", "172.16.48.0/20"]

  tags = {
    Project     = "agentmitra"
    Environment = "production"
  }
}

output "endpoint" {
  description = "Writer endpoint of the cluster."
  value       = module.aurora.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint of the cluster."
  value       = module.aurora.reader_endpoint
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret holding the master password."
  value       = module.aurora.master_user_secret_arn
}
