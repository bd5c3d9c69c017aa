# The data buckets of one region: call audio kept seven years in Intelligent-Tiering, and
# backups moved to Glacier after a month, each encrypted with the region's own KMS key. The
# module adds the access-log bucket they log to.

provider "aws" {
  region = "eu-west-1"
}

resource "aws_kms_key" "storage" {
  description             = "teddybear production object storage (eu-west-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

module "s3" {
  source = "../.."

  name_prefix = "teddybear-production"
  buckets = {
    audio = {
      kms_key_arn = aws_kms_key.storage.arn
      lifecycle = {
        transition_to_intelligent_tiering_days = 30
        expiration_days                        = 2557
      }
    }
    backups = {
      kms_key_arn = aws_kms_key.storage.arn
      lifecycle = {
        transition_to_glacier_days = 30
        expiration_days            = 2557
      }
    }
  }
  access_log_expiration_days = 365

  tags = {
    Project     = "teddybear"
    Environment = "production"
  }
}

output "bucket_names" {
  description = "Bucket name by purpose."
  value       = module.s3.bucket_names
}

output "access_log_bucket_name" {
  description = "The bucket the data buckets' access logs go to."
  value       = module.s3.access_log_bucket_name
}
