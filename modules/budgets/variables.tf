variable "name_prefix" {
  description = "Stem of the budget names: each budget is \"<name_prefix>-<key>\" (e.g. \"projectone-production-environment\")."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,80}$", var.name_prefix))
    error_message = "name_prefix must be 1-80 letters, digits, '_', '.' or '-'."
  }
}

variable "budgets" {
  description = <<-EOT
    Monthly cost budgets keyed by name (e.g. environment, ap-south-1):
    - amount: the monthly limit in var.currency.
    - regions: AWS regions whose costs count (cost filter on Region); [] counts the whole account.
  EOT
  type = map(object({
    amount  = number
    regions = optional(list(string), [])
  }))
  nullable = false

  validation {
    condition     = alltrue([for k in keys(var.budgets) : can(regex("^[a-z0-9][a-z0-9-]{0,40}$", k))])
    error_message = "Budget keys must be 1-41 lowercase letters, digits or '-'."
  }

  validation {
    condition     = alltrue([for b in values(var.budgets) : b.amount > 0])
    error_message = "Budget amounts must be positive."
  }

  validation {
    condition     = alltrue(flatten([for b in values(var.budgets) : [for r in b.regions : can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]{1,2}$", r))]]))
    error_message = "Budget regions must be AWS region names, e.g. ap-south-1."
  }
}

variable "currency" {
  description = "Unit of every amount. AWS Budgets accepts USD in almost every account (an account billed in another currency still budgets in USD), so amounts in another currency must be converted by the caller."
  type        = string
  default     = "USD"
  nullable    = false

  validation {
    condition     = var.currency == "USD"
    error_message = "currency must be USD: AWS Budgets rejects other units in most accounts."
  }
}

variable "actual_thresholds" {
  description = "Percentages of the limit at which actual spend tells the topics."
  type        = list(number)
  default     = [80, 100]
  nullable    = false

  validation {
    condition     = alltrue([for t in var.actual_thresholds : t > 0 && t <= 1000])
    error_message = "Thresholds are percentages above 0 and at most 1000."
  }
}

variable "forecast_thresholds" {
  description = "Percentages of the limit at which forecast spend tells the topics."
  type        = list(number)
  default     = [100]
  nullable    = false

  validation {
    condition     = alltrue([for t in var.forecast_thresholds : t > 0 && t <= 1000])
    error_message = "Thresholds are percentages above 0 and at most 1000."
  }

  validation {
    condition     = length(var.actual_thresholds) + length(var.forecast_thresholds) >= 1 && length(var.actual_thresholds) + length(var.forecast_thresholds) <= 10
    error_message = "A budget needs 1-10 notifications (actual plus forecast thresholds): a budget nobody hears about controls nothing."
  }
}

variable "topic_arns" {
  description = "SNS topics told at every threshold and about cost anomalies (the notifications module's topic for budgets). At least one: a budget without a notification controls nothing."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.topic_arns) >= 1 && alltrue([for arn in var.topic_arns : can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", arn))])
    error_message = "topic_arns must hold at least one SNS topic ARN."
  }
}

variable "anomaly_monitor" {
  description = "Cost Anomaly Detection over every AWS service; impact_usd: the total impact (USD) from which an anomaly tells the topics. null: no monitor."
  type = object({
    impact_usd = optional(number, 100)
  })
  default = null

  validation {
    condition     = var.anomaly_monitor == null || try(var.anomaly_monitor.impact_usd > 0, false)
    error_message = "anomaly_monitor.impact_usd must be positive."
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
