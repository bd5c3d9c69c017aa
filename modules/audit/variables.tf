variable "name_prefix" {
  description = "Stem of the audit resources' names (e.g. \"bizflow-production\" gives the bucket \"bizflow-production-audit-<region>\" and the trail \"bizflow-production-trail\")."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{0,61}$", var.name_prefix))
    error_message = "name_prefix must be 1-62 lowercase letters, digits, '.' or '-' (it starts S3 bucket names)."
  }
}

variable "cloudtrail" {
  description = "Create the multi-region trail and its log group. false where an organisation trail records the account; the bucket then only receives AWS Config deliveries."
  type        = bool
  default     = true
  nullable    = false
}

variable "log_retention_days" {
  description = "Retention of the trail's CloudWatch Logs group, in days (a CloudWatch Logs retention value)."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value (e.g. 90, 365, 731, 1827)."
  }
}

variable "object_lock_mode" {
  description = "Object Lock mode of the audit bucket's default retention: GOVERNANCE (principals with s3:BypassGovernanceRetention may delete early) or COMPLIANCE (nobody may, not even root)."
  type        = string
  default     = "GOVERNANCE"
  nullable    = false

  validation {
    condition     = contains(["GOVERNANCE", "COMPLIANCE"], var.object_lock_mode)
    error_message = "object_lock_mode must be GOVERNANCE or COMPLIANCE."
  }
}

variable "object_lock_days" {
  description = "Default Object Lock retention of every record written to the audit bucket, in days."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = var.object_lock_days >= 1 && var.object_lock_days <= 3650 && floor(var.object_lock_days) == var.object_lock_days
    error_message = "object_lock_days must be a whole number of days from 1 to 3650."
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
