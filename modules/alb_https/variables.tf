variable "load_balancer_arn" {
  description = "ARN of the load balancer (modules/alb's arn output) the HTTPS listener belongs to."
  type        = string
}

variable "domain_name" {
  description = "Domain name of the certificate to create (its first name); null with certificate_arn."
  type        = string
  default     = null

  validation {
    condition     = var.domain_name == null || can(regex("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$", var.domain_name))
    error_message = "domain_name must be a lower-case DNS name such as api.example.com (a leading *. for a wildcard)."
  }
}

variable "subject_alternative_names" {
  description = "Further names the created certificate covers (ACM's default quota: 10 names per certificate in all)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.subject_alternative_names : can(regex("^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$", n))])
    error_message = "subject_alternative_names must be lower-case DNS names (a leading *. for a wildcard)."
  }

  validation {
    condition     = length(var.subject_alternative_names) <= 9
    error_message = "A certificate covers at most 10 names (domain_name and 9 subject_alternative_names) under ACM's default quota."
  }
}

variable "zone_id" {
  description = "Route 53 hosted zone holding the certificate's DNS validation records; null with certificate_arn."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "An existing ACM certificate in the load balancer's region; null: the module creates and validates one for domain_name."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)."
  }

  validation {
    condition     = (var.certificate_arn == null) != (var.domain_name == null)
    error_message = "Give exactly one of certificate_arn (an existing certificate) or domain_name (a certificate to create)."
  }

  validation {
    condition     = var.certificate_arn != null || var.zone_id != null
    error_message = "A created certificate is validated through DNS: give zone_id, the hosted zone of its names."
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener: a TLS 1.3 policy (TLS 1.2 still accepted for older clients)."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = startswith(var.ssl_policy, "ELBSecurityPolicy-TLS13-")
    error_message = "ssl_policy must be a TLS 1.3 policy (ELBSecurityPolicy-TLS13-...), e.g. ELBSecurityPolicy-TLS13-1-2-2021-06."
  }
}

variable "target_group_arns" {
  description = "Target group ARNs by target name (modules/alb's target_group_arns output)."
  type        = map(string)
  default     = {}
}

variable "rules" {
  description = "Listener rules keyed by target name: priority (lower first) and the host headers and path patterns a request must match (at least one of the two) to go to that target group."
  type = map(object({
    priority = number
    hosts    = optional(list(string), [])
    paths    = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for r in values(var.rules) : length(r.hosts) + length(r.paths) > 0 && length(r.hosts) <= 5 && length(r.paths) <= 5])
    error_message = "Each rule needs hosts or paths (at most 5 of each)."
  }

  validation {
    condition     = alltrue([for r in values(var.rules) : r.priority >= 1 && r.priority <= 50000]) && length(distinct([for r in values(var.rules) : r.priority])) == length(var.rules)
    error_message = "Rule priorities must be distinct whole numbers from 1 to 50000."
  }

  validation {
    condition     = alltrue([for r in values(var.rules) : alltrue([for p in r.paths : startswith(p, "/")])])
    error_message = "Path patterns must start with /."
  }
}

variable "alarm_actions" {
  description = "Severity => SNS topic ARNs (in the load balancer's region) told when an alarm changes state (the notifications module's topic_arns). Alarms are always created; {} means nobody is told. An alarm whose severity is not a key goes to the \"critical\" topics."
  type        = map(list(string))
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue(flatten([for arns in values(var.alarm_actions) : [for arn in arns : can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", arn))]]))
    error_message = "alarm_actions values must be SNS topic ARNs (arn:<partition>:sns:<region>:<account>:<topic>)."
  }
}

variable "alarms" {
  description = <<-EOT
    CloudWatch alarms (each: enabled, threshold, severity; minutes does not apply, the metric is daily):
    - certificate_expiry: DaysToExpiry of the certificate the module creates below threshold days (default 30, warning). None for a certificate_arn given.
  EOT
  type = object({
    certificate_expiry = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 30)
      minutes   = optional(number, 1440)
      severity  = optional(string, "warning")
    }), {})
  })
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for a in values(var.alarms) : a.threshold >= 0 && a.threshold <= 395])
    error_message = "alarms.certificate_expiry.threshold is a number of days from 0 to 395 (an ACM certificate lasts 395 days)."
  }

  validation {
    condition     = alltrue([for a in values(var.alarms) : can(regex("^[a-z][a-z0-9-]{0,15}$", a.severity))])
    error_message = "Alarm severities must be 1-16 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])
    error_message = "tags keys must be 1-128 characters and must not start with the reserved aws: prefix; values at most 256 characters."
  }
}
