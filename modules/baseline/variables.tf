variable "name_prefix" {
  description = "Stem of the names of the baseline's resources (e.g. \"bizflow-production\" gives the EventBridge rule \"bizflow-production-guardduty-findings\")."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,40}$", var.name_prefix))
    error_message = "name_prefix must be 1-40 letters, digits, '_', '.' or '-'."
  }
}

variable "guardduty" {
  description = "Create a GuardDuty detector in this region, its findings going to findings_topic_arns. false only where an organisation's delegated administrator runs GuardDuty centrally."
  type        = bool
  default     = true
  nullable    = false
}

variable "securityhub" {
  description = "Enable Security Hub in this region with the AWS Foundational Security Best Practices standard. false only where an organisation runs it centrally."
  type        = bool
  default     = true
  nullable    = false
}

variable "config" {
  description = "Record this region's resources with AWS Config, delivering to config_bucket_name. false only where an organisation runs AWS Config centrally."
  type        = bool
  default     = true
  nullable    = false
}

variable "config_bucket_name" {
  description = "The audit bucket AWS Config delivers to (prefix config/): the audit module's bucket_name, in the audit region. Required when config is true."
  type        = string
  default     = null

  validation {
    condition     = !var.config || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.config_bucket_name))
    error_message = "config_bucket_name must name an S3 bucket when config is true."
  }
}

variable "config_bucket_region" {
  description = "Region of config_bucket_name (its key is there); null: this region."
  type        = string
  default     = null

  validation {
    condition     = var.config_bucket_region == null || can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$", var.config_bucket_region))
    error_message = "config_bucket_region must be an AWS region name."
  }
}

variable "config_include_global_resources" {
  description = "Record global resource types (IAM) too: true in exactly one region, the audit region, so they are recorded once."
  type        = bool
  default     = false
  nullable    = false
}

variable "findings_topic_arns" {
  description = "SNS topics (this region's critical topic) that GuardDuty findings reach through EventBridge."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.findings_topic_arns : can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", arn))])
    error_message = "findings_topic_arns must be SNS topic ARNs."
  }
}

variable "finding_min_severity" {
  description = "Lowest GuardDuty severity sent to the topics (1-8.9; 4 = medium, 7 = high)."
  type        = number
  default     = 4
  nullable    = false

  validation {
    condition     = var.finding_min_severity >= 1 && var.finding_min_severity < 9
    error_message = "finding_min_severity must be between 1 and 8.9."
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
