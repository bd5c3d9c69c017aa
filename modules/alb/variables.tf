variable "name" {
  description = "Name of the load balancer (at most 32 characters: letters, digits, hyphens; not starting with internal-)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?$", var.name)) && !startswith(var.name, "internal-")
    error_message = "name must be 1-32 letters, digits or hyphens, not start or end with a hyphen, and not start with internal-."
  }
}

variable "vpc_id" {
  description = "VPC the load balancer, its security group and its target groups live in."
  type        = string
}

variable "vpc_cidr_block" {
  description = "CIDR of the VPC: the security group lets the load balancer reach targets only there."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr_block, 0))
    error_message = "vpc_cidr_block must be an IPv4 CIDR such as 10.0.0.0/16."
  }
}

variable "public_subnet_ids" {
  description = "Public subnets, one per availability zone, for an internet-facing load balancer."
  type        = list(string)
  default     = []
}

variable "private_subnet_ids" {
  description = "Private subnets, one per availability zone, for an internal load balancer."
  type        = list(string)
  default     = []
}

variable "internal" {
  description = "true: an internal load balancer in the private subnets; false: internet-facing in the public subnets."
  type        = bool
  default     = false
}

variable "allowed_cidrs" {
  description = "IPv4 networks allowed to reach ports 443 and 80 (80 only redirects to HTTPS). Ignored when cloudfront_only is true."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for c in var.allowed_cidrs : can(cidrhost(c, 0))])
    error_message = "allowed_cidrs must be IPv4 CIDRs such as 203.0.113.0/24."
  }

  validation {
    condition     = length(distinct(var.allowed_cidrs)) == length(var.allowed_cidrs) && length(var.allowed_cidrs) <= 50
    error_message = "allowed_cidrs must hold at most 50 distinct networks (two security group rules each)."
  }
}

variable "cloudfront_only" {
  description = "true: only CloudFront's origin-facing servers (managed prefix list com.amazonaws.global.cloudfront.origin-facing) may connect."
  type        = bool
  default     = false
}

variable "idle_timeout" {
  description = "Seconds a connection may stay idle before the load balancer closes it."
  type        = number
  default     = 60

  validation {
    condition     = var.idle_timeout >= 1 && var.idle_timeout <= 4000 && floor(var.idle_timeout) == var.idle_timeout
    error_message = "idle_timeout must be a whole number of seconds from 1 to 4000."
  }
}

variable "access_logs_bucket_name" {
  description = "Name of the access-log bucket the module creates in the load balancer's region (SSE-S3, versioned, public access blocked, TLS only)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.access_logs_bucket_name))
    error_message = "access_logs_bucket_name must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)."
  }
}

variable "log_retention_days" {
  description = "Days access logs are kept before the bucket's lifecycle expires them."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days >= 1 && var.log_retention_days <= 3653 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number from 1 to 3653."
  }
}

variable "security_group_name" {
  description = "Name of the load balancer's security group."
  type        = string

  validation {
    condition     = length(var.security_group_name) >= 1 && length(var.security_group_name) <= 255 && !startswith(var.security_group_name, "sg-")
    error_message = "security_group_name must be 1-255 characters and not start with sg-."
  }
}

variable "targets" {
  description = "Target groups (ip targets) keyed by app: AWS name (at most 32 characters), port, listener rule priority (unique; the same as the HTTPS rule's), protocol to the targets, deregistration delay and health check."
  type = map(object({
    name                 = string
    port                 = number
    priority             = number
    protocol             = optional(string, "HTTP")
    deregistration_delay = optional(number, 30)
    health_check = optional(object({
      path                = optional(string, "/health")
      interval            = optional(number, 30)
      timeout             = optional(number, 5)
      healthy_threshold   = optional(number, 3)
      unhealthy_threshold = optional(number, 3)
      matcher             = optional(string, "200-399")
    }), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for t in values(var.targets) : can(regex("^[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?$", t.name))])
    error_message = "Each target's name must be 1-32 letters, digits or hyphens, not starting or ending with a hyphen."
  }

  validation {
    condition     = alltrue([for t in values(var.targets) : t.priority >= 1 && t.priority <= 50000]) && length(distinct([for t in values(var.targets) : t.priority])) == length(var.targets)
    error_message = "Each target needs its own listener rule priority from 1 to 50000."
  }

  validation {
    condition     = length(distinct([for t in values(var.targets) : t.name])) == length(var.targets)
    error_message = "Target group names must be unique."
  }

  validation {
    condition     = alltrue([for t in values(var.targets) : t.port >= 1 && t.port <= 65535 && contains(["HTTP", "HTTPS"], t.protocol)])
    error_message = "Each target needs a port from 1 to 65535 and protocol HTTP or HTTPS."
  }

  validation {
    condition     = alltrue([for t in values(var.targets) : startswith(t.health_check.path, "/")])
    error_message = "Each target's health_check.path must start with /."
  }

  validation {
    condition = alltrue([for t in values(var.targets) :
      t.health_check.interval >= 5 && t.health_check.interval <= 300 &&
      t.health_check.timeout >= 2 && t.health_check.timeout < t.health_check.interval &&
      t.health_check.healthy_threshold >= 2 && t.health_check.healthy_threshold <= 10 &&
      t.health_check.unhealthy_threshold >= 2 && t.health_check.unhealthy_threshold <= 10
    ])
    error_message = "Health checks need interval 5-300 s, timeout from 2 s and below the interval, thresholds 2-10."
  }

  validation {
    condition     = alltrue([for t in values(var.targets) : t.deregistration_delay >= 0 && t.deregistration_delay <= 3600])
    error_message = "deregistration_delay must be 0-3600 seconds."
  }
}

variable "associate_web_acl" {
  description = "Whether to associate web_acl_arn with the load balancer (a flag, because the ARN is usually unknown until the web ACL exists)."
  type        = bool
  default     = false
}

variable "web_acl_arn" {
  description = "ARN of the REGIONAL WAF web ACL protecting the load balancer (e.g. module.waf.web_acl_arn); used when associate_web_acl is true."
  type        = string
  default     = null

  validation {
    condition     = var.web_acl_arn == null || can(regex("^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:[0-9]{12}:regional/webacl/", var.web_acl_arn))
    error_message = "web_acl_arn must be the ARN of a REGIONAL web ACL (arn:aws:wafv2:<region>:<account>:regional/webacl/...)."
  }
}

variable "alarm_actions" {
  description = "Severity => SNS topic ARNs told when an alarm changes state (the notifications module's topic_arns). Alarms are always created; {} means nobody is told. An alarm whose severity is not a key goes to the \"critical\" topics."
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
    CloudWatch alarms on the load balancer (each: enabled, threshold, minutes the condition must hold, severity):
    - elb_5xx: HTTPCode_ELB_5XX_Count above threshold % of RequestCount (default 5 for 5 min, critical).
    - target_5xx: HTTPCode_Target_5XX_Count above threshold % of RequestCount (default 5 for 5 min, critical).
    - error_rate: all 5xx (load balancer's and targets') above threshold % of RequestCount (default off; 2 for 10 min, warning, when enabled).
    - latency_p99: p99 TargetResponseTime above threshold seconds (default 3 for 5 min, critical).
    - latency_p95: p95 TargetResponseTime above threshold seconds (default off; 1 for 10 min, warning, when enabled).
    - unhealthy_hosts: UnHealthyHostCount of each target group above threshold (default 0 for 5 min, critical; a target group that stops reporting breaches).
  EOT
  type = object({
    elb_5xx = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 5)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    target_5xx = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 5)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    error_rate = optional(object({
      enabled   = optional(bool, false)
      threshold = optional(number, 2)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    latency_p99 = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 3)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    latency_p95 = optional(object({
      enabled   = optional(bool, false)
      threshold = optional(number, 1)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    unhealthy_hosts = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 0)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
  })
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for a in values(var.alarms) : a.minutes >= 1 && a.minutes <= 1440 && floor(a.minutes) == a.minutes && a.threshold >= 0])
    error_message = "Alarm minutes must be a whole number from 1 to 1440 and thresholds must not be negative."
  }

  validation {
    condition     = alltrue([for a in values(var.alarms) : can(regex("^[a-z][a-z0-9-]{0,15}$", a.severity))])
    error_message = "Alarm severities must be 1-16 lowercase letters, digits or '-', starting with a letter."
  }

  validation {
    condition     = var.alarms.elb_5xx.threshold <= 100 && var.alarms.target_5xx.threshold <= 100 && var.alarms.error_rate.threshold <= 100
    error_message = "alarms.elb_5xx.threshold, alarms.target_5xx.threshold and alarms.error_rate.threshold are percentages (0-100)."
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
