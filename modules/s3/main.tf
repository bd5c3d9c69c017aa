data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  dns_suffix = data.aws_partition.current.dns_suffix
  region     = data.aws_region.current.name

  bucket_names    = { for purpose, b in var.buckets : purpose => "${var.name_prefix}-${coalesce(b.name_purpose, purpose)}-${local.region}" }
  bucket_arns     = { for purpose, name in local.bucket_names : purpose => "arn:${local.partition}:s3:::${name}" }
  log_bucket_name = "${var.name_prefix}-access-logs-${local.region}"
  log_bucket_arn  = "arn:${local.partition}:s3:::${local.log_bucket_name}"

  all_bucket_names   = concat(values(local.bucket_names), [local.log_bucket_name])
  longest_name       = max([for n in local.all_bucket_names : length(n)]...)
  too_long_names     = [for n in local.all_bucket_names : n if length(n) > 63]
  object_lock        = { for purpose, b in var.buckets : purpose => b.object_lock if b.object_lock != null }
  replication        = { for purpose, b in var.buckets : purpose => b.replication if b.replication != null }
  replication_region = { for purpose, r in local.replication : purpose => split(":", r.destination_kms_key_arn)[3] }

  # IAM role names are at most 64 characters: shorten long ones deterministically.
  replication_role_base  = { for purpose in keys(local.replication) : purpose => "${local.bucket_names[purpose]}-replication" }
  replication_role_names = { for purpose, n in local.replication_role_base : purpose => length(n) <= 64 ? n : "${substr(n, 0, 55)}-${substr(sha1(n), 0, 8)}" }

  # Statements every bucket policy starts with: TLS only, TLS 1.2 or later.
  tls_statements = {
    for name, arn in merge(local.bucket_arns, { "access-logs" = local.log_bucket_arn }) : name => [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [arn, "${arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "DenyOutdatedTLS"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [arn, "${arn}/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
      },
    ]
  }
}

check "log_bucket_kms_key_arn_unused" {
  assert {
    condition     = var.log_bucket_kms_key_arn == null
    error_message = "log_bucket_kms_key_arn is ignored: S3 server access logging only supports SSE-S3 (AES256) default encryption on the target bucket, so ${local.log_bucket_name} is encrypted with SSE-S3. Set it to null."
  }
}

################################################################################
# Access-log bucket (target of S3 server access logging for every bucket below)
################################################################################

resource "aws_s3_bucket" "access_logs" {
  # checkov:skip=CKV_AWS_145:S3 server access logging only supports SSE-S3 (AES256) default encryption on the target bucket; SSE-KMS is not supported (AWS S3 user guide, enable-server-access-logging).
  # checkov:skip=CKV_AWS_18:This is the server access log target; logging it to itself would loop and AWS advises the target not to have logging enabled.
  # checkov:skip=CKV_AWS_144:Access logs are regional operational records; each region has its own log bucket (cross-region replication is opt-in for data buckets).
  # checkov:skip=CKV2_AWS_62:Only S3 log delivery writes here; nothing consumes object-created events from access logs.
  bucket              = local.log_bucket_name
  force_destroy       = false
  object_lock_enabled = false # Object Lock buckets cannot be server access log targets.

  tags = merge(var.tags, { Name = local.log_bucket_name, Purpose = "access-logs" })

  lifecycle {
    precondition {
      condition     = length(local.log_bucket_name) <= 63
      error_message = "Bucket names must be at most 63 characters; too long in ${local.region}: ${join(", ", local.too_long_names)} (longest ${local.longest_name}). Shorten name_prefix."
    }
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "access-logs"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    dynamic "expiration" {
      for_each = var.access_log_expiration_days == null ? [] : [var.access_log_expiration_days]
      content {
        days = expiration.value
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.access_logs]
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      local.tls_statements["access-logs"],
      [for s in [
        {
          Sid       = "AllowS3ServerAccessLogDelivery"
          Effect    = "Allow"
          Principal = { Service = "logging.s3.amazonaws.com" }
          Action    = "s3:PutObject"
          Resource  = [for purpose in sort(keys(var.buckets)) : "${local.log_bucket_arn}/${purpose}/*"]
          Condition = {
            ArnLike      = { "aws:SourceArn" = [for purpose in sort(keys(var.buckets)) : local.bucket_arns[purpose]] }
            StringEquals = { "aws:SourceAccount" = local.account_id }
          }
        },
      ] : s if length(var.buckets) > 0],
    )
  })

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

################################################################################
# Buckets by purpose
################################################################################

resource "aws_s3_bucket" "this" {
  # checkov:skip=CKV_AWS_144:Cross-region replication is opt-in per purpose (buckets[*].replication); buckets that set it get aws_s3_bucket_replication_configuration.this.
  # checkov:skip=CKV2_AWS_62:Event notifications are an application integration, not a security control; no consumer is defined for these buckets.
  # checkov:skip=CKV_AWS_21:Versioning is Enabled by default; checkov cannot evaluate the status expression derived from buckets[*].versioning, and validation forces it on for object lock and replication.
  for_each = var.buckets

  bucket              = local.bucket_names[each.key]
  force_destroy       = false
  object_lock_enabled = each.value.object_lock != null

  tags = merge(var.tags, { Name = local.bucket_names[each.key], Purpose = each.key })

  lifecycle {
    # Checked before the provider validates the name, so the error says what to shorten.
    precondition {
      condition     = local.longest_name <= 63
      error_message = "Bucket names must be at most 63 characters; too long in ${local.region}: ${join(", ", local.too_long_names)} (longest ${local.longest_name}). Shorten name_prefix or the purpose."
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id

  versioning_configuration {
    status = each.value.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = each.value.kms_key_arn
    }
    bucket_key_enabled = true
  }

  lifecycle {
    precondition {
      condition     = split(":", each.value.kms_key_arn)[3] == local.region
      error_message = "buckets[\"${each.key}\"].kms_key_arn must be a key in ${local.region}, the bucket's region."
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    id     = "default"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = each.value.lifecycle.abort_incomplete_multipart_upload_days
    }

    noncurrent_version_expiration {
      noncurrent_days = each.value.lifecycle.noncurrent_version_expiration_days
    }

    dynamic "transition" {
      for_each = each.value.lifecycle.transition_to_intelligent_tiering_days == null ? [] : [each.value.lifecycle.transition_to_intelligent_tiering_days]
      content {
        days          = transition.value
        storage_class = "INTELLIGENT_TIERING"
      }
    }

    dynamic "transition" {
      for_each = each.value.lifecycle.transition_to_glacier_days == null ? [] : [each.value.lifecycle.transition_to_glacier_days]
      content {
        days          = transition.value
        storage_class = "GLACIER"
      }
    }

    dynamic "expiration" {
      for_each = each.value.lifecycle.expiration_days == null ? [] : [each.value.lifecycle.expiration_days]
      content {
        days = expiration.value
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_policy" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      local.tls_statements[each.key],
      [
        {
          Sid       = "DenyNonKMSEncryptionHeader"
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:PutObject"
          Resource  = "${local.bucket_arns[each.key]}/*"
          Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption" = ["aws:kms", "aws:kms:dsse"] } }
        },
      ],
      # Origin Access Control: this account's distributions read. The distribution lives in
      # another root that reads this one, so its own ARN cannot be named here.
      each.value.cloudfront_read ? [
        {
          Sid       = "AllowCloudFrontRead"
          Effect    = "Allow"
          Principal = { Service = "cloudfront.amazonaws.com" }
          Action    = "s3:GetObject"
          Resource  = "${local.bucket_arns[each.key]}/*"
          Condition = {
            StringEquals = { "AWS:SourceAccount" = local.account_id }
            ArnLike      = { "AWS:SourceArn" = "arn:${local.partition}:cloudfront::${local.account_id}:distribution/*" }
          }
        },
      ] : [],
    )
  })

  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_s3_bucket_logging" "this" {
  for_each = var.buckets

  bucket        = aws_s3_bucket.this[each.key].id
  target_bucket = aws_s3_bucket.access_logs.id
  # The name's purpose, not the key: a renamed key keeps writing under the same prefix.
  target_prefix = "${coalesce(each.value.name_purpose, each.key)}/"

  target_object_key_format {
    partitioned_prefix {
      partition_date_source = "EventTime"
    }
  }

  depends_on = [aws_s3_bucket_policy.access_logs]
}

resource "aws_s3_bucket_object_lock_configuration" "this" {
  for_each = local.object_lock

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    default_retention {
      mode  = each.value.mode
      days  = each.value.days
      years = each.value.years
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

################################################################################
# Replication
################################################################################

resource "aws_iam_role" "replication" {
  for_each = local.replication

  name        = local.replication_role_names[each.key]
  description = "S3 replication of ${local.bucket_names[each.key]} to ${split(":::", each.value.destination_bucket_arn)[1]}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "S3ReplicationAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "s3.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
          ArnLike      = { "aws:SourceArn" = local.bucket_arns[each.key] }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = local.replication_role_names[each.key], Purpose = each.key })
}

resource "aws_iam_role_policy" "replication" {
  for_each = local.replication

  name = "s3-replication"
  role = aws_iam_role.replication[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "SourceBucketConfiguration"
        Effect   = "Allow"
        Action   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
        Resource = local.bucket_arns[each.key]
      },
      {
        Sid    = "SourceObjectVersions"
        Effect = "Allow"
        Action = [
          "s3:GetObjectLegalHold",
          "s3:GetObjectRetention",
          "s3:GetObjectVersionAcl",
          "s3:GetObjectVersionForReplication",
          "s3:GetObjectVersionTagging",
        ]
        Resource = "${local.bucket_arns[each.key]}/*"
      },
      {
        Sid      = "DestinationReplicate"
        Effect   = "Allow"
        Action   = ["s3:ReplicateDelete", "s3:ReplicateObject", "s3:ReplicateTags"]
        Resource = "${each.value.destination_bucket_arn}/*"
      },
      {
        Sid      = "DecryptSourceObjects"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = var.buckets[each.key].kms_key_arn
        Condition = {
          StringEquals = { "kms:ViaService" = "s3.${local.region}.${local.dns_suffix}" }
          # With S3 Bucket Keys the encryption context is the bucket ARN, otherwise the object ARN.
          StringLike = { "kms:EncryptionContext:aws:s3:arn" = [local.bucket_arns[each.key], "${local.bucket_arns[each.key]}/*"] }
        }
      },
      {
        Sid      = "EncryptReplicas"
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource = each.value.destination_kms_key_arn
        Condition = {
          StringEquals = { "kms:ViaService" = "s3.${local.replication_region[each.key]}.${local.dns_suffix}" }
          StringLike   = { "kms:EncryptionContext:aws:s3:arn" = [each.value.destination_bucket_arn, "${each.value.destination_bucket_arn}/*"] }
        }
      },
    ]
  })
}

resource "aws_s3_bucket_replication_configuration" "this" {
  for_each = local.replication

  bucket = aws_s3_bucket.this[each.key].id
  role   = aws_iam_role.replication[each.key].arn

  rule {
    id       = "replicate-all"
    status   = "Enabled"
    priority = 1

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket        = each.value.destination_bucket_arn
      storage_class = each.value.storage_class

      encryption_configuration {
        replica_kms_key_id = each.value.destination_kms_key_arn
      }
    }
  }

  lifecycle {
    precondition {
      condition     = each.value.destination_bucket_arn != local.bucket_arns[each.key]
      error_message = "buckets[\"${each.key}\"].replication.destination_bucket_arn must not be the bucket itself."
    }
  }

  depends_on = [
    aws_s3_bucket_versioning.this,
    aws_iam_role_policy.replication,
  ]
}
