# One key per data purpose of a region (database, object storage, secrets, logs), the storage
# key multi-Region so that a replica can be made in the disaster-recovery region.

provider "aws" {
  region = "eu-west-2"
}

module "kms" {
  source = "../.."

  alias_prefix = "bizflow"
  keys = {
    database = { service_principals = ["rds.amazonaws.com"] }
    storage  = { service_principals = ["s3.amazonaws.com"], multi_region = true }
    secrets  = { service_principals = ["secretsmanager.amazonaws.com"] }
    logs     = {} # the "logs" purpose grants CloudWatch Logs of this region itself
  }

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "key_arns" {
  description = "Key ARN by purpose."
  value       = module.kms.key_arns
}

output "alias_names" {
  description = "Alias name by purpose."
  value       = module.kms.alias_names
}
