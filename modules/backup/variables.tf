variable "vault_name" {
  description = "Name of the backup vault (the same in every region, so a copy rule names its destination by region; e.g. \"projectone-production\")."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{2,50}$", var.vault_name))
    error_message = "vault_name must be 2-50 letters, digits, '-' or '_'."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key (this region's database key) encrypting the vault's recovery points."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "vault_lock" {
  description = "Vault Lock in governance mode: no recovery point is deleted before 7 days. Compliance mode is never set here (irreversible)."
  type        = bool
  default     = true
  nullable    = false
}

variable "plan_name" {
  description = "Name of the backup plan; null: a vault that only receives other regions' copies."
  type        = string
  default     = null

  validation {
    condition     = var.plan_name == null || can(regex("^[A-Za-z0-9_.-]{1,50}$", var.plan_name))
    error_message = "plan_name must be 1-50 letters, digits, '-', '_' or '.'."
  }
}

variable "role_name" {
  description = "Name of the IAM role AWS Backup assumes (IAM is global: name it per region). Needed with plan_name."
  type        = string
  default     = null

  validation {
    condition     = var.role_name == null || can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.role_name))
    error_message = "role_name must be 1-64 characters valid in an IAM role name."
  }
}

variable "schedule" {
  description = "When the rule backs up: an AWS cron expression in UTC (default daily at 03:00)."
  type        = string
  default     = "cron(0 3 * * ? *)"
  nullable    = false

  validation {
    condition     = can(regex("^cron\\([^()]+\\)$", var.schedule))
    error_message = "schedule must be an AWS cron expression, e.g. cron(0 3 * * ? *)."
  }
}

variable "retention_days" {
  description = "Days each recovery point is kept in this vault (at least 7, the vault lock's minimum)."
  type        = number
  default     = 35
  nullable    = false

  validation {
    condition     = var.retention_days >= 7 && var.retention_days <= 36500
    error_message = "retention_days must be between 7 and 36500."
  }
}

variable "cold_storage_after_days" {
  description = "Days after which recovery points move to cold storage (AWS keeps them there 90 days at least); null: never."
  type        = number
  default     = null

  validation {
    condition     = var.cold_storage_after_days == null || try(var.cold_storage_after_days + 90 <= var.retention_days, false)
    error_message = "cold_storage_after_days must leave 90 days in cold storage: retention_days >= cold_storage_after_days + 90."
  }
}

variable "resource_arns" {
  description = "ARNs of the resources the plan backs up (RDS instances, Aurora clusters, DynamoDB tables of this region)."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "copy_to_region" {
  description = "Region whose vault (same account) receives a copy of every recovery point; null: no copy."
  type        = string
  default     = null

  validation {
    condition     = var.copy_to_region == null || can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$", var.copy_to_region))
    error_message = "copy_to_region must be an AWS region name, e.g. ap-southeast-1."
  }
}

variable "copy_to_vault_name" {
  description = "Name of the destination vault; null: vault_name (every region's vault has the same name)."
  type        = string
  default     = null

  validation {
    condition     = var.copy_to_vault_name == null || can(regex("^[A-Za-z0-9_-]{2,50}$", var.copy_to_vault_name))
    error_message = "copy_to_vault_name must be 2-50 letters, digits, '-' or '_'."
  }
}

variable "copy_retention_days" {
  description = "Days the copies are kept in copy_to_region's vault; null: retention_days."
  type        = number
  default     = null

  validation {
    condition     = var.copy_retention_days == null || try(var.copy_retention_days >= 7, false)
    error_message = "copy_retention_days must be at least 7 (the vault lock's minimum)."
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
