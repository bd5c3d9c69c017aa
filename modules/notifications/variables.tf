variable "name_prefix" {
  description = "Stem of the topic names: each severity's topic is \"<name_prefix>-<severity>\" (e.g. \"bizflow-production\" gives \"bizflow-production-critical\"); the key alias is \"alias/<name_prefix>-notifications\"."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,200}$", var.name_prefix))
    error_message = "name_prefix must be 1-200 letters, digits, '_' or '-'."
  }
}

variable "topics" {
  description = <<-EOT
    One KMS-encrypted SNS topic per severity (map key, e.g. critical, warning), with its subscriptions:
    - email: addresses (each must confirm the subscription AWS mails it).
    - https: HTTPS endpoints (PagerDuty, Opsgenie, ...; AWS Chatbot/Slack: https://global.sns-api.chatbot.amazonaws.com
      once a Chatbot channel is configured with the topic).
  EOT
  type = map(object({
    email = optional(list(string), [])
    https = optional(list(string), [])
  }))
  nullable = false

  validation {
    condition     = length(var.topics) >= 1
    error_message = "topics must declare at least one severity."
  }

  validation {
    condition     = alltrue([for severity in keys(var.topics) : can(regex("^[a-z][a-z0-9-]{0,15}$", severity))])
    error_message = "Each severity (map key) must be 1-16 lowercase letters, digits or '-', starting with a letter."
  }

  validation {
    condition     = alltrue(flatten([for t in values(var.topics) : [for a in t.email : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", a))]]))
    error_message = "email entries must be e-mail addresses."
  }

  validation {
    condition     = alltrue(flatten([for t in values(var.topics) : [for u in t.https : can(regex("^https://[^\\s]+$", u))]]))
    error_message = "https entries must be https:// URLs (plain http would carry alerts unencrypted)."
  }
}

variable "extra_publishers" {
  description = "Further AWS service principals (\"<service>.amazonaws.com\") of this account allowed to publish and to use the topics' key, besides CloudWatch, Budgets, Cost Anomaly Detection and EventBridge."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for sp in var.extra_publishers : can(regex("^[a-z0-9][a-z0-9-]*\\.amazonaws\\.com$", sp))])
    error_message = "extra_publishers entries must be AWS service principals of the form \"<service>.amazonaws.com\"."
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
