# The orders table of one region, shared by every tenant and partitioned by tenant_id:
# on-demand, encrypted with the region's own key, 35 days of point-in-time recovery, a
# global index by store, and one IAM policy per tenant limited to its own partition.

provider "aws" {
  region = "ap-south-1"
}

resource "aws_kms_key" "database" {
  description             = "webdpro production databases (ap-south-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

module "dynamodb" {
  source = "../.."

  name_prefix = "webdpro-production"

  tables = {
    orders = {
      hash_key   = { name = "tenant_id" }
      range_key  = { name = "order_id" }
      attributes = { store_id = "S", created_at = "S" }
      global_secondary_indexes = {
        store-index = { hash_key = "store_id", range_key = "created_at" }
      }
      kms_key_arn        = aws_kms_key.database.arn
      tenant_partitioned = true
    }
  }

  # Attach each policy to the role that runs the tenant's requests.
  tenant_policies = {
    sharma-kirana = "ap-south-1"
  }

  tags = {
    Project     = "webdpro"
    Environment = "production"
  }
}

output "table_arns" {
  description = "ARN of each table."
  value       = module.dynamodb.table_arns
}

output "tenant_policy_arns" {
  description = "The IAM policy of each tenant."
  value       = module.dynamodb.tenant_policy_arns
}
