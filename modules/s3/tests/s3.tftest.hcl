mock_provider "aws" {
  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "111122223333"
      arn        = "arn:aws:iam::111122223333:user/terraform"
      user_id    = "AIDAEXAMPLE"
    }
  }

  override_data {
    target = data.aws_partition.current
    values = {
      partition          = "aws"
      dns_suffix         = "amazonaws.com"
      reverse_dns_prefix = "com.amazonaws"
    }
  }

  override_data {
    target = data.aws_region.current
    values = {
      name     = "eu-west-1"
      endpoint = "ec2.eu-west-1.amazonaws.com"
    }
  }

  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::mock-bucket"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/mock-replication"
    }
  }
}

variables {
  name_prefix = "teddybear-production"
  buckets = {
    audio = {
      kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
      lifecycle = {
        transition_to_intelligent_tiering_days = 30
        expiration_days                        = 2557
      }
      replication = {
        destination_bucket_arn  = "arn:aws:s3:::teddybear-production-audio-us-east-1"
        destination_kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
      }
    }
    backups = {
      kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
      lifecycle = {
        transition_to_glacier_days = 30
        expiration_days            = 2557
      }
    }
    audit = {
      kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/66666666-7777-8888-9999-000000000000"
      object_lock = { mode = "COMPLIANCE", years = 5 }
    }
  }
  tags = { Project = "teddybear" }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_s3_bucket.this["audio"].bucket == "teddybear-production-audio-eu-west-1" && aws_s3_bucket.access_logs.bucket == "teddybear-production-access-logs-eu-west-1"
    error_message = "Buckets must be named <name_prefix>-<purpose>-<region>."
  }

  assert {
    condition     = alltrue([for b in aws_s3_bucket.this : b.force_destroy == false]) && aws_s3_bucket.access_logs.force_destroy == false
    error_message = "No bucket may be force-destroyed."
  }

  assert {
    condition = alltrue([
      for p in concat(values(aws_s3_bucket_public_access_block.this), [aws_s3_bucket_public_access_block.access_logs]) :
      p.block_public_acls && p.block_public_policy && p.ignore_public_acls && p.restrict_public_buckets
    ]) && length(aws_s3_bucket_public_access_block.this) == 3
    error_message = "Every bucket must block all public access."
  }

  assert {
    condition = alltrue([
      for o in concat(values(aws_s3_bucket_ownership_controls.this), [aws_s3_bucket_ownership_controls.access_logs]) :
      o.rule[0].object_ownership == "BucketOwnerEnforced"
    ])
    error_message = "ACLs must be disabled (BucketOwnerEnforced) on every bucket."
  }

  assert {
    condition = alltrue([
      for v in concat(values(aws_s3_bucket_versioning.this), [aws_s3_bucket_versioning.access_logs]) :
      v.versioning_configuration[0].status == "Enabled"
    ])
    error_message = "Versioning must be Enabled by default."
  }

  assert {
    condition = alltrue([
      for purpose, e in aws_s3_bucket_server_side_encryption_configuration.this : alltrue([
        for r in e.rule :
        r.bucket_key_enabled == true &&
        r.apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms" &&
        r.apply_server_side_encryption_by_default[0].kms_master_key_id == var.buckets[purpose].kms_key_arn
      ])
    ])
    error_message = "Every purpose bucket must use SSE-KMS with its customer-managed key and S3 Bucket Keys."
  }

  assert {
    condition     = alltrue([for r in aws_s3_bucket_server_side_encryption_configuration.access_logs.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"])
    error_message = "The access-log bucket must use SSE-S3, the only default encryption S3 server access logging supports."
  }

  assert {
    condition = alltrue([
      for p in concat(values(aws_s3_bucket_policy.this), [aws_s3_bucket_policy.access_logs]) :
      strcontains(p.policy, "aws:SecureTransport") && anytrue([
        for s in jsondecode(p.policy).Statement :
        try(s.Effect == "Deny" && s.Action == "s3:*" && s.Condition.Bool["aws:SecureTransport"] == "false", false)
      ])
    ])
    error_message = "Every bucket policy must deny requests without TLS (aws:SecureTransport = false)."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.this["audio"].policy).Statement :
      try(s.Sid == "DenyNonKMSEncryptionHeader" && s.Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption"] == ["aws:kms", "aws:kms:dsse"], false)
    ])
    error_message = "Purpose buckets must deny uploads that ask for a non-KMS encryption."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.access_logs.policy).Statement : try(
        s.Effect == "Allow" &&
        s.Principal.Service == "logging.s3.amazonaws.com" &&
        s.Action == "s3:PutObject" &&
        s.Condition.StringEquals["aws:SourceAccount"] == "111122223333" &&
        s.Condition.ArnLike["aws:SourceArn"] == [
          "arn:aws:s3:::teddybear-production-audio-eu-west-1",
          "arn:aws:s3:::teddybear-production-audit-eu-west-1",
          "arn:aws:s3:::teddybear-production-backups-eu-west-1",
        ],
      false)
    ])
    error_message = "The access-log bucket must let only S3 log delivery for this account's buckets write to it."
  }

  assert {
    condition = alltrue([
      for l in aws_s3_bucket_lifecycle_configuration.this :
      l.rule[0].status == "Enabled" &&
      l.rule[0].abort_incomplete_multipart_upload[0].days_after_initiation == 7 &&
      l.rule[0].noncurrent_version_expiration[0].noncurrent_days == 90
    ])
    error_message = "Every lifecycle must abort incomplete uploads after 7 days and expire noncurrent versions after 90 days by default."
  }

  assert {
    condition = (
      aws_s3_bucket_lifecycle_configuration.this["audio"].rule[0].expiration[0].days == 2557 &&
      [for t in aws_s3_bucket_lifecycle_configuration.this["audio"].rule[0].transition : t.storage_class] == ["INTELLIGENT_TIERING"] &&
      [for t in aws_s3_bucket_lifecycle_configuration.this["backups"].rule[0].transition : "${t.storage_class}:${t.days}"] == ["GLACIER:30"] &&
      length(aws_s3_bucket_lifecycle_configuration.this["audit"].rule[0].expiration) == 0
    )
    error_message = "Lifecycle transitions and expiration must come from the input."
  }

  assert {
    condition     = aws_s3_bucket_logging.this["audio"].target_prefix == "audio/" && length(aws_s3_bucket_logging.this) == 3
    error_message = "Every bucket must log to the access-log bucket under <purpose>/."
  }

  assert {
    condition     = aws_s3_bucket.this["audit"].object_lock_enabled == true && aws_s3_bucket.this["audio"].object_lock_enabled == false && aws_s3_bucket.access_logs.object_lock_enabled == false
    error_message = "Object Lock must be enabled only on buckets that ask for it."
  }

  assert {
    condition = (
      length(aws_s3_bucket_object_lock_configuration.this) == 1 &&
      aws_s3_bucket_object_lock_configuration.this["audit"].rule[0].default_retention[0].mode == "COMPLIANCE" &&
      aws_s3_bucket_object_lock_configuration.this["audit"].rule[0].default_retention[0].years == 5 &&
      aws_s3_bucket_object_lock_configuration.this["audit"].rule[0].default_retention[0].days == null
    )
    error_message = "The audit bucket must get a COMPLIANCE default retention of 5 years."
  }

  assert {
    condition     = keys(aws_s3_bucket_replication_configuration.this) == ["audio"]
    error_message = "Only buckets that ask for replication get a replication configuration."
  }

  assert {
    condition = (
      aws_s3_bucket_replication_configuration.this["audio"].rule[0].status == "Enabled" &&
      aws_s3_bucket_replication_configuration.this["audio"].rule[0].delete_marker_replication[0].status == "Enabled" &&
      aws_s3_bucket_replication_configuration.this["audio"].rule[0].source_selection_criteria[0].sse_kms_encrypted_objects[0].status == "Enabled" &&
      aws_s3_bucket_replication_configuration.this["audio"].rule[0].destination[0].bucket == "arn:aws:s3:::teddybear-production-audio-us-east-1" &&
      aws_s3_bucket_replication_configuration.this["audio"].rule[0].destination[0].storage_class == "STANDARD" &&
      aws_s3_bucket_replication_configuration.this["audio"].rule[0].destination[0].encryption_configuration[0].replica_kms_key_id == "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
    )
    error_message = "Replication must cover KMS-encrypted objects and delete markers, re-encrypting with the destination key."
  }

  assert {
    condition     = aws_iam_role.replication["audio"].name == "teddybear-production-audio-eu-west-1-replication" && length(aws_iam_role.replication) == 1
    error_message = "Each replicated bucket gets its own replication role."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role.replication["audio"].assume_role_policy).Statement : try(
        s.Principal.Service == "s3.amazonaws.com" &&
        s.Condition.StringEquals["aws:SourceAccount"] == "111122223333" &&
        s.Condition.ArnLike["aws:SourceArn"] == "arn:aws:s3:::teddybear-production-audio-eu-west-1",
      false)
    ])
    error_message = "Only S3, on behalf of the source bucket, may assume the replication role."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.replication["audio"].policy).Statement :
      !contains(flatten([s.Action]), "*") && !contains(flatten([s.Resource]), "*")
    ])
    error_message = "The replication policy must not use wildcard actions or resources."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.replication["audio"].policy).Statement : try(
        s.Action == "kms:Decrypt" &&
        s.Resource == "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555" &&
        s.Condition.StringEquals["kms:ViaService"] == "s3.eu-west-1.amazonaws.com",
      false)
    ])
    error_message = "The replication role may decrypt only with the source key, through S3 in the source region."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.replication["audio"].policy).Statement : try(
        contains(s.Action, "kms:Encrypt") &&
        s.Resource == "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef" &&
        s.Condition.StringEquals["kms:ViaService"] == "s3.us-east-1.amazonaws.com",
      false)
    ])
    error_message = "The replication role may encrypt only with the destination key, through S3 in the destination region."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.replication["audio"].policy).Statement : try(
        s.Resource == "arn:aws:s3:::teddybear-production-audio-us-east-1/*" && contains(s.Action, "s3:ReplicateObject"),
      false)
    ])
    error_message = "The replication role may replicate only into the destination bucket."
  }

  assert {
    condition     = aws_s3_bucket.this["audio"].tags["Name"] == "teddybear-production-audio-eu-west-1" && aws_s3_bucket.this["audio"].tags["Project"] == "teddybear"
    error_message = "Buckets must carry the module tags and a Name."
  }
}

run "outputs" {
  command = apply

  assert {
    condition     = output.bucket_names == { audio = "teddybear-production-audio-eu-west-1", audit = "teddybear-production-audit-eu-west-1", backups = "teddybear-production-backups-eu-west-1" }
    error_message = "bucket_names must map purpose to bucket name."
  }

  assert {
    condition     = toset(keys(output.bucket_arns)) == toset(["audio", "audit", "backups"])
    error_message = "bucket_arns must map purpose to bucket ARN."
  }

  assert {
    condition     = output.access_log_bucket_name == "teddybear-production-access-logs-eu-west-1"
    error_message = "access_log_bucket_name must be <name_prefix>-access-logs-<region>."
  }

  assert {
    condition     = output.replication_role_arns == { audio = "arn:aws:iam::111122223333:role/mock-replication" }
    error_message = "replication_role_arns must list the roles of replicated buckets only."
  }
}

run "governance_days_and_no_replication" {
  command = plan

  variables {
    buckets = {
      records = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        object_lock = { mode = "GOVERNANCE", days = 30 }
        lifecycle = {
          noncurrent_version_expiration_days     = 365
          abort_incomplete_multipart_upload_days = 1
        }
      }
    }
    access_log_expiration_days = 400
  }

  assert {
    condition = (
      aws_s3_bucket_object_lock_configuration.this["records"].rule[0].default_retention[0].mode == "GOVERNANCE" &&
      aws_s3_bucket_object_lock_configuration.this["records"].rule[0].default_retention[0].days == 30 &&
      aws_s3_bucket_object_lock_configuration.this["records"].rule[0].default_retention[0].years == null
    )
    error_message = "GOVERNANCE retention in days must come from the input."
  }

  assert {
    condition     = length(aws_s3_bucket_replication_configuration.this) == 0 && length(aws_iam_role.replication) == 0
    error_message = "No replication resources without replication input."
  }

  assert {
    condition = (
      aws_s3_bucket_lifecycle_configuration.this["records"].rule[0].noncurrent_version_expiration[0].noncurrent_days == 365 &&
      aws_s3_bucket_lifecycle_configuration.this["records"].rule[0].abort_incomplete_multipart_upload[0].days_after_initiation == 1 &&
      length(aws_s3_bucket_lifecycle_configuration.this["records"].rule[0].transition) == 0
    )
    error_message = "Lifecycle settings must come from the input."
  }

  assert {
    condition     = aws_s3_bucket_lifecycle_configuration.access_logs.rule[0].expiration[0].days == 400
    error_message = "access_log_expiration_days must expire access logs."
  }
}

run "versioning_can_be_suspended" {
  command = plan

  variables {
    buckets = {
      scratch = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        versioning  = false
      }
    }
  }

  assert {
    condition     = aws_s3_bucket_versioning.this["scratch"].versioning_configuration[0].status == "Suspended"
    error_message = "versioning = false must suspend versioning."
  }
}

run "no_buckets_only_log_bucket" {
  command = plan

  variables {
    buckets = {}
  }

  assert {
    condition     = length(aws_s3_bucket.this) == 0 && length(jsondecode(aws_s3_bucket_policy.access_logs.policy).Statement) == 2
    error_message = "Without buckets only the hardened access-log bucket is created, with TLS-only statements."
  }
}

# ---------------------------------------------------------------------------
# Plan-time preconditions and checks
# ---------------------------------------------------------------------------

run "bucket_name_too_long_rejected" {
  command = plan

  variables {
    name_prefix = "teddybear-production-platform-records"
    buckets = {
      "voice-recordings-archive" = { kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555" }
    }
  }

  expect_failures = [aws_s3_bucket.this]
}

run "access_log_bucket_name_too_long_rejected" {
  command = plan

  override_data {
    target = data.aws_region.current
    values = { name = "ap-southeast-1" }
  }

  variables {
    name_prefix = "teddybear-production-platform-recording"
    buckets     = {}
  }

  expect_failures = [aws_s3_bucket.access_logs]
}

run "kms_key_in_other_region_rejected" {
  command = plan

  variables {
    buckets = {
      audio = { kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555" }
    }
  }

  expect_failures = [aws_s3_bucket_server_side_encryption_configuration.this]
}

run "replication_to_itself_rejected" {
  command = plan

  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        replication = {
          destination_bucket_arn  = "arn:aws:s3:::teddybear-production-audio-eu-west-1"
          destination_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        }
      }
    }
  }

  expect_failures = [aws_s3_bucket_replication_configuration.this]
}

run "log_bucket_kms_key_is_flagged" {
  command = plan

  variables {
    log_bucket_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
  }

  expect_failures = [check.log_bucket_kms_key_arn_unused]
}

# ---------------------------------------------------------------------------
# Input validation
# ---------------------------------------------------------------------------

run "name_prefix_uppercase_rejected" {
  command = plan
  variables { name_prefix = "TeddyBear" }
  expect_failures = [var.name_prefix]
}

run "name_prefix_dot_rejected" {
  command = plan
  variables { name_prefix = "teddy.bear" }
  expect_failures = [var.name_prefix]
}

run "name_prefix_trailing_hyphen_rejected" {
  command = plan
  variables { name_prefix = "teddybear-" }
  expect_failures = [var.name_prefix]
}

run "name_prefix_too_long_rejected" {
  command = plan
  variables { name_prefix = "teddybear-production-platform-recordings1" }
  expect_failures = [var.name_prefix]
}

run "name_prefix_reserved_rejected" {
  command = plan
  variables { name_prefix = "xn--teddybear" }
  expect_failures = [var.name_prefix]
}

run "bucket_purpose_format_rejected" {
  command = plan
  variables {
    buckets = { Audio_Files = { kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555" } }
  }
  expect_failures = [var.buckets]
}

run "bucket_purpose_reserved_rejected" {
  command = plan
  variables {
    buckets = { "access-logs" = { kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555" } }
  }
  expect_failures = [var.buckets]
}

run "kms_key_alias_rejected" {
  command = plan
  variables {
    buckets = { audio = { kms_key_arn = "alias/teddybear/storage" } }
  }
  expect_failures = [var.buckets]
}

run "negative_transition_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        lifecycle   = { transition_to_intelligent_tiering_days = -1 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "zero_expiration_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        lifecycle   = { expiration_days = 0 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "zero_noncurrent_expiration_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        lifecycle   = { noncurrent_version_expiration_days = 0 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "zero_abort_multipart_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        lifecycle   = { abort_incomplete_multipart_upload_days = 0 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "glacier_before_intelligent_tiering_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        lifecycle   = { transition_to_intelligent_tiering_days = 90, transition_to_glacier_days = 30 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "expiration_before_transition_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        lifecycle   = { transition_to_glacier_days = 365, expiration_days = 180 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "object_lock_mode_rejected" {
  command = plan
  variables {
    buckets = {
      audit = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        object_lock = { mode = "compliance", years = 5 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "object_lock_days_and_years_rejected" {
  command = plan
  variables {
    buckets = {
      audit = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        object_lock = { mode = "COMPLIANCE", days = 30, years = 5 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "object_lock_without_period_rejected" {
  command = plan
  variables {
    buckets = {
      audit = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        object_lock = { mode = "COMPLIANCE" }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "object_lock_years_out_of_range_rejected" {
  command = plan
  variables {
    buckets = {
      audit = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        object_lock = { mode = "COMPLIANCE", years = 101 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "object_lock_without_versioning_rejected" {
  command = plan
  variables {
    buckets = {
      audit = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        versioning  = false
        object_lock = { mode = "GOVERNANCE", days = 30 }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "replication_without_versioning_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        versioning  = false
        replication = {
          destination_bucket_arn  = "arn:aws:s3:::teddybear-production-audio-us-east-1"
          destination_kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
        }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "replication_destination_bucket_arn_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        replication = {
          destination_bucket_arn  = "teddybear-production-audio-us-east-1"
          destination_kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
        }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "replication_destination_kms_key_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        replication = {
          destination_bucket_arn  = "arn:aws:s3:::teddybear-production-audio-us-east-1"
          destination_kms_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/teddybear/storage"
        }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "replication_storage_class_rejected" {
  command = plan
  variables {
    buckets = {
      audio = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        replication = {
          destination_bucket_arn  = "arn:aws:s3:::teddybear-production-audio-us-east-1"
          destination_kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef"
          storage_class           = "COLD"
        }
      }
    }
  }
  expect_failures = [var.buckets]
}

run "log_bucket_kms_key_arn_format_rejected" {
  command = plan
  variables { log_bucket_kms_key_arn = "alias/teddybear/logs" }
  expect_failures = [var.log_bucket_kms_key_arn]
}

run "access_log_expiration_rejected" {
  command = plan
  variables { access_log_expiration_days = 0 }
  expect_failures = [var.access_log_expiration_days]
}

run "tag_key_too_long_rejected" {
  command = plan
  variables {
    tags = { (format("%129s", "k")) = "v" }
  }
  expect_failures = [var.tags]
}

run "renamed_key_keeps_the_bucket_name" {
  command = plan

  variables {
    buckets = {
      recordings = {
        kms_key_arn  = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        name_purpose = "audio"
      }
    }
  }

  assert {
    condition     = aws_s3_bucket.this["recordings"].bucket == "teddybear-production-audio-eu-west-1" && aws_s3_bucket.this["recordings"].force_destroy == false
    error_message = "name_purpose must keep the bucket's name (and force_destroy stays off) when its key is renamed."
  }
}

run "invalid_name_purpose" {
  command = plan

  variables {
    buckets = {
      recordings = {
        kms_key_arn  = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        name_purpose = "Audio_Files"
      }
    }
  }

  expect_failures = [var.buckets]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.s3.data.aws_region.current
    values = { name = "eu-west-1" }
  }

  assert {
    condition     = module.s3.bucket_names["audio"] == "teddybear-production-audio-eu-west-1" && module.s3.access_log_bucket_name == "teddybear-production-access-logs-eu-west-1"
    error_message = "The basic example must plan its two data buckets and the access-log bucket."
  }
}

run "cloudfront_read" {
  command = plan

  variables {
    buckets = {
      site = {
        kms_key_arn     = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
        cloudfront_read = true
      }
      backups = {
        kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555"
      }
    }
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_s3_bucket_policy.this["site"].policy).Statement :
      try(s.Sid == "AllowCloudFrontRead" && s.Principal.Service == "cloudfront.amazonaws.com" && s.Action == "s3:GetObject" && endswith(s.Condition.ArnLike["AWS:SourceArn"], ":distribution/*") && s.Condition.StringEquals["AWS:SourceAccount"] != null, false)
    ])
    error_message = "cloudfront_read lets only this account's distributions get objects."
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_s3_bucket_policy.this["backups"].policy).Statement : s.Sid == "AllowCloudFrontRead"])
    error_message = "Buckets without cloudfront_read give CloudFront nothing."
  }
}
