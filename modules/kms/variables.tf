variable "alias_prefix" {
  description = "Prefix of the key aliases: each key gets the alias \"alias/<alias_prefix>/<purpose>\" (e.g. \"bizflow\" gives \"alias/bizflow/storage\"). Letters, digits, '_' and '-', optionally in '/'-separated segments; must not start with the reserved \"aws\" segment."
  type        = string

  validation {
    condition     = length(var.alias_prefix) >= 1 && length(var.alias_prefix) <= 200 && can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.alias_prefix))
    error_message = "alias_prefix must be 1-200 characters of letters, digits, '_' and '-', optionally in '/'-separated segments (no leading, trailing or double '/')."
  }

  validation {
    condition     = lower(split("/", var.alias_prefix)[0]) != "aws"
    error_message = "alias_prefix must not start with \"aws\": alias/aws/ is reserved for AWS managed keys."
  }
}

variable "keys" {
  description = <<-EOT
    Customer-managed symmetric keys to create in this region, keyed by purpose (e.g. database, storage, secrets, logs).
    - description: key description (default "<alias_prefix> <purpose> key (<region>)").
    - rotation_period_in_days: automatic rotation period, 90-2560 (rotation is always enabled).
    - multi_region: create a multi-Region primary key (replicate it elsewhere with replica_keys).
    - deletion_window_in_days: waiting period before deletion, 7-30.
    - service_principals: AWS service principals that use the key, e.g. ["rds.amazonaws.com", "logs.amazonaws.com"].
      "logs.amazonaws.com" (or the purpose "logs") grants the regional CloudWatch Logs principal; any other
      service is allowed through kms:ViaService "<service>.<region>.amazonaws.com" for callers of this account;
      "cloudfront.amazonaws.com" lets this account's CloudFront distributions decrypt (an OAC bucket origin).
  EOT
  type = map(object({
    description             = optional(string)
    rotation_period_in_days = optional(number, 365)
    multi_region            = optional(bool, false)
    deletion_window_in_days = optional(number, 30)
    service_principals      = optional(list(string), [])
  }))
  nullable = false

  validation {
    condition     = alltrue([for purpose in keys(var.keys) : can(regex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$", purpose))])
    error_message = "Each key purpose (map key) must be 1-32 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }

  validation {
    condition     = alltrue([for k in values(var.keys) : k.rotation_period_in_days != null && k.rotation_period_in_days >= 90 && k.rotation_period_in_days <= 2560 && floor(k.rotation_period_in_days) == k.rotation_period_in_days])
    error_message = "rotation_period_in_days must be a whole number of days between 90 and 2560."
  }

  validation {
    condition     = alltrue([for k in values(var.keys) : k.deletion_window_in_days != null && k.deletion_window_in_days >= 7 && k.deletion_window_in_days <= 30 && floor(k.deletion_window_in_days) == k.deletion_window_in_days])
    error_message = "deletion_window_in_days must be a whole number of days between 7 and 30."
  }

  validation {
    condition     = alltrue(flatten([for k in values(var.keys) : [for sp in k.service_principals : can(regex("^[a-z0-9][a-z0-9-]*\\.amazonaws\\.com$", sp))]]))
    error_message = "service_principals entries must be AWS service principals of the form \"<service>.amazonaws.com\" (e.g. \"rds.amazonaws.com\")."
  }

  validation {
    condition     = alltrue([for k in values(var.keys) : k.description == null ? true : length(k.description) <= 8192])
    error_message = "A key description must be at most 8192 characters."
  }
}

variable "replica_keys" {
  description = <<-EOT
    Replicas, created in this region, of multi-Region primary keys created in another region, keyed by purpose
    (aliased "alias/<alias_prefix>/<purpose>" like primary keys). Rotation is inherited from the primary key.
    - primary_key_arn: ARN of the multi-Region primary key (key ID starting with "mrk-") in another region.
    - description: replica description (default "<alias_prefix> <purpose> replica key (<region>)").
    - deletion_window_in_days: waiting period before deletion, 7-30.
    - service_principals: as for keys (optional, default []).
  EOT
  type = map(object({
    primary_key_arn         = string
    description             = optional(string)
    deletion_window_in_days = optional(number, 30)
    service_principals      = optional(list(string), [])
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for purpose in keys(var.replica_keys) : can(regex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$", purpose))])
    error_message = "Each replica key purpose (map key) must be 1-32 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }

  validation {
    condition     = length(setintersection(toset(keys(var.replica_keys)), toset(keys(var.keys)))) == 0
    error_message = "A purpose cannot be both in keys and in replica_keys: the alias alias/<alias_prefix>/<purpose> would collide."
  }

  validation {
    condition     = alltrue([for k in values(var.replica_keys) : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/mrk-[0-9a-f]{32}$", k.primary_key_arn))])
    error_message = "primary_key_arn must be the ARN of a multi-Region KMS key (arn:<partition>:kms:<region>:<account>:key/mrk-<32 hex>)."
  }

  validation {
    condition     = alltrue([for k in values(var.replica_keys) : k.deletion_window_in_days != null && k.deletion_window_in_days >= 7 && k.deletion_window_in_days <= 30 && floor(k.deletion_window_in_days) == k.deletion_window_in_days])
    error_message = "deletion_window_in_days must be a whole number of days between 7 and 30."
  }

  validation {
    condition     = alltrue(flatten([for k in values(var.replica_keys) : [for sp in k.service_principals : can(regex("^[a-z0-9][a-z0-9-]*\\.amazonaws\\.com$", sp))]]))
    error_message = "service_principals entries must be AWS service principals of the form \"<service>.amazonaws.com\" (e.g. \"rds.amazonaws.com\")."
  }

  validation {
    condition     = alltrue([for k in values(var.replica_keys) : k.description == null ? true : length(k.description) <= 8192])
    error_message = "A replica key description must be at most 8192 characters."
  }
}

variable "administrator_arns" {
  description = "IAM role or user ARNs allowed to administer (not use) the keys, in addition to the account root. Never \"*\"."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.administrator_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|(role|user)/[\\w+=,.@/-]+)$", arn))])
    error_message = "administrator_arns must be IAM role, user or account-root ARNs (arn:<partition>:iam::<account>:role/<name>); wildcards are not allowed."
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
