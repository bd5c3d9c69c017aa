variable "name_prefix" {
  description = "Prefix of the bucket names: each bucket is named \"<name_prefix>-<purpose>-<region>\" and the access-log bucket \"<name_prefix>-access-logs-<region>\" (e.g. \"bizflow-production\"). Lowercase letters, digits and '-'; the longest resulting name must fit 63 characters (checked at plan time)."
  type        = string

  validation {
    condition     = length(var.name_prefix) >= 1 && length(var.name_prefix) <= 40 && can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", var.name_prefix))
    error_message = "name_prefix must be 1-40 lowercase letters, digits or '-', starting and ending with a letter or digit (no dots: they break TLS for virtual-hosted-style requests)."
  }

  validation {
    condition     = !startswith(var.name_prefix, "xn--") && !startswith(var.name_prefix, "sthree-") && !startswith(var.name_prefix, "amzn-s3-demo-")
    error_message = "name_prefix must not start with a prefix S3 reserves for bucket names (xn--, sthree-, amzn-s3-demo-)."
  }
}

variable "buckets" {
  description = <<-EOT
    Buckets to create in this region, keyed by purpose (e.g. audio, logs, backups, audit).
    - kms_key_arn: ARN of the customer-managed KMS key (in this region) for SSE-KMS default encryption.
    - name_purpose: the purpose in the bucket's name (default: the map key). After renaming a key, set it to the
      old key (and add moved blocks) so the existing bucket keeps its name instead of being replaced.
    - versioning: keep versioning Enabled (default true; required for object_lock and replication; false suspends it).
    - lifecycle: transition_to_intelligent_tiering_days, transition_to_glacier_days, expiration_days (current versions),
      noncurrent_version_expiration_days (default 90), abort_incomplete_multipart_upload_days (default 7).
    - object_lock: default retention, mode COMPLIANCE or GOVERNANCE with exactly one of days or years.
    - replication: replicate every object (and delete markers) to destination_bucket_arn, re-encrypted with
      destination_kms_key_arn (a key in the destination bucket's region), stored as storage_class (default STANDARD).
    - cloudfront_read: let CloudFront distributions of this account read objects (s3:GetObject) through Origin
      Access Control (default false); the bucket's KMS key must allow cloudfront.amazonaws.com to decrypt too.
  EOT
  type = map(object({
    kms_key_arn  = string
    name_purpose = optional(string)
    versioning   = optional(bool, true)
    lifecycle = optional(object({
      transition_to_intelligent_tiering_days = optional(number)
      transition_to_glacier_days             = optional(number)
      expiration_days                        = optional(number)
      noncurrent_version_expiration_days     = optional(number, 90)
      abort_incomplete_multipart_upload_days = optional(number, 7)
    }), {})
    object_lock = optional(object({
      mode  = string
      days  = optional(number)
      years = optional(number)
    }))
    replication = optional(object({
      destination_bucket_arn  = string
      destination_kms_key_arn = string
      storage_class           = optional(string, "STANDARD")
    }))
    cloudfront_read = optional(bool, false)
  }))
  nullable = false

  validation {
    condition     = alltrue([for purpose in keys(var.buckets) : can(regex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$", purpose))])
    error_message = "Each bucket purpose (map key) must be 1-32 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }

  validation {
    condition     = alltrue([for b in values(var.buckets) : b.name_purpose == null || can(regex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$", b.name_purpose))])
    error_message = "name_purpose must be 1-32 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }

  validation {
    condition     = !contains(keys(var.buckets), "access-logs")
    error_message = "The purpose \"access-logs\" is reserved for the module's access-log bucket."
  }

  validation {
    condition     = alltrue([for b in values(var.buckets) : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-)?[0-9a-f-]+$", b.kms_key_arn))])
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>), not a key ID or alias."
  }

  validation {
    condition = alltrue([
      for b in values(var.buckets) : alltrue([
        for d in [b.lifecycle.transition_to_intelligent_tiering_days, b.lifecycle.transition_to_glacier_days] :
        d == null ? true : (d >= 0 && floor(d) == d)
      ])
    ])
    error_message = "lifecycle transition days must be whole numbers >= 0."
  }

  validation {
    condition = alltrue([
      for b in values(var.buckets) : alltrue([
        for d in [b.lifecycle.expiration_days, b.lifecycle.noncurrent_version_expiration_days, b.lifecycle.abort_incomplete_multipart_upload_days] :
        d == null ? true : (d >= 1 && floor(d) == d)
      ])
    ])
    error_message = "lifecycle expiration_days, noncurrent_version_expiration_days and abort_incomplete_multipart_upload_days must be whole numbers >= 1."
  }

  validation {
    condition = alltrue([
      for b in values(var.buckets) :
      b.lifecycle.transition_to_intelligent_tiering_days == null || b.lifecycle.transition_to_glacier_days == null ? true :
      b.lifecycle.transition_to_glacier_days > b.lifecycle.transition_to_intelligent_tiering_days
    ])
    error_message = "lifecycle transition_to_glacier_days must be greater than transition_to_intelligent_tiering_days."
  }

  validation {
    condition = alltrue([
      for b in values(var.buckets) :
      b.lifecycle.expiration_days == null ? true :
      b.lifecycle.expiration_days > max(-1, coalesce(b.lifecycle.transition_to_intelligent_tiering_days, -1), coalesce(b.lifecycle.transition_to_glacier_days, -1))
    ])
    error_message = "lifecycle expiration_days must be greater than every transition day."
  }

  validation {
    condition     = alltrue([for b in values(var.buckets) : b.object_lock == null ? true : contains(["COMPLIANCE", "GOVERNANCE"], b.object_lock.mode)])
    error_message = "object_lock.mode must be COMPLIANCE or GOVERNANCE."
  }

  validation {
    condition = alltrue([
      for b in values(var.buckets) : b.object_lock == null ? true : (
        (b.object_lock.days == null) != (b.object_lock.years == null) &&
        (b.object_lock.days == null ? true : b.object_lock.days >= 1 && b.object_lock.days <= 36500 && floor(b.object_lock.days) == b.object_lock.days) &&
        (b.object_lock.years == null ? true : b.object_lock.years >= 1 && b.object_lock.years <= 100 && floor(b.object_lock.years) == b.object_lock.years)
      )
    ])
    error_message = "object_lock needs exactly one of days (1-36500) or years (1-100), as a whole number."
  }

  validation {
    condition     = alltrue([for b in values(var.buckets) : (b.object_lock == null && b.replication == null) || b.versioning])
    error_message = "versioning must stay true for buckets with object_lock or replication."
  }

  validation {
    condition     = alltrue([for b in values(var.buckets) : b.replication == null ? true : can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", b.replication.destination_bucket_arn))])
    error_message = "replication.destination_bucket_arn must be an S3 bucket ARN (arn:<partition>:s3:::<bucket>)."
  }

  validation {
    condition     = alltrue([for b in values(var.buckets) : b.replication == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-)?[0-9a-f-]+$", b.replication.destination_kms_key_arn))])
    error_message = "replication.destination_kms_key_arn must be a KMS key ARN in the destination bucket's region (arn:<partition>:kms:<region>:<account>:key/<key-id>)."
  }

  validation {
    condition = alltrue([
      for b in values(var.buckets) : b.replication == null ? true : contains(
        ["STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"],
        b.replication.storage_class
      )
    ])
    error_message = "replication.storage_class must be one of STANDARD, REDUCED_REDUNDANCY, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER, DEEP_ARCHIVE, GLACIER_IR."
  }
}

variable "log_bucket_kms_key_arn" {
  description = "Accepted for interface compatibility but NOT used for encryption: S3 server access logging only supports SSE-S3 (AES256) default encryption on the target bucket, so the access-log bucket uses SSE-S3. Leave null; a non-null value only raises a plan-time warning."
  type        = string
  default     = null

  validation {
    condition     = var.log_bucket_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-)?[0-9a-f-]+$", coalesce(var.log_bucket_kms_key_arn, "-")))
    error_message = "log_bucket_kms_key_arn must be null or a KMS key ARN."
  }
}

variable "access_log_expiration_days" {
  description = "Days after which access-log objects are expired from the access-log bucket (null keeps them until deleted by hand)."
  type        = number
  default     = null

  validation {
    condition     = var.access_log_expiration_days == null || try(var.access_log_expiration_days >= 1 && floor(var.access_log_expiration_days) == var.access_log_expiration_days, false)
    error_message = "access_log_expiration_days must be null or a whole number >= 1."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256])
    error_message = "Tag keys must be 1-128 characters and tag values at most 256 characters."
  }
}
