################################################################################
# Cluster
################################################################################

variable "cluster_name" {
  description = "Name of the ECS cluster (letters, digits, hyphens and underscores; at most 255). Also prefixes the exec log group."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$", var.cluster_name))
    error_message = "cluster_name must be 1-255 letters, digits, hyphens or underscores, starting with a letter or digit."
  }
}

variable "container_insights" {
  description = "Container Insights level of the cluster: enabled or enhanced (never disabled)."
  type        = string
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced"], var.container_insights)
    error_message = "container_insights must be enabled or enhanced."
  }
}

################################################################################
# Network
################################################################################

variable "vpc_id" {
  description = "VPC the services' security groups live in."
  type        = string
}

variable "vpc_cidr_block" {
  description = "CIDR of the VPC: tasks may reach TCP anywhere inside it (databases, caches), and HTTPS anywhere (AWS APIs through the NAT or endpoints)."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr_block, 0))
    error_message = "vpc_cidr_block must be an IPv4 CIDR such as 10.0.0.0/16."
  }
}

variable "subnet_ids" {
  description = "Private subnets the tasks run in (no public IPs)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) > 0
    error_message = "subnet_ids must name at least one private subnet."
  }
}

variable "load_balancer_security_group_id" {
  description = "Security group of the load balancer: the only source allowed to reach a service's port. Required when a service has a port."
  type        = string
  default     = null
}

################################################################################
# Encryption and logs
################################################################################

variable "log_kms_key_arn" {
  description = "Customer-managed KMS key (in this region) encrypting the services' and ECS Exec's log groups."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "log_retention_days" {
  description = "Retention of the log groups, in days (a CloudWatch Logs retention value)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value such as 30, 90, 365 or 731."
  }
}

variable "queue_kms_key_arn" {
  description = "Customer-managed KMS key encrypting the services' SQS queues (its policy must allow use via SQS). Required when a service has a queue."
  type        = string
  default     = null
}

variable "storage_kms_key_arn" {
  description = "KMS key of the buckets services use: task roles may use it through S3 only. Required when a service names buckets."
  type        = string
  default     = null
}

variable "secrets_kms_key_arn" {
  description = "KMS key of the region's secrets: execution and task roles may decrypt with it through Secrets Manager and SSM only. null: secrets use AWS managed keys."
  type        = string
  default     = null
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
    CloudWatch alarms on every service (each: enabled, threshold, minutes the condition must hold, severity):
    - cpu: average CPUUtilization above threshold % (default 90 for 15 min, critical).
    - memory: average MemoryUtilization above threshold % (default 90 for 15 min, critical).
    - running_tasks: Container Insights' RunningTaskCount below threshold tasks (default: each service's min), for services with min > 0 (default 10 min, critical); a service that stops reporting breaches.
  EOT
  type = object({
    cpu = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 90)
      minutes   = optional(number, 15)
      severity  = optional(string, "critical")
    }), {})
    memory = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 90)
      minutes   = optional(number, 15)
      severity  = optional(string, "critical")
    }), {})
    running_tasks = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number)
      minutes   = optional(number, 10)
      severity  = optional(string, "critical")
    }), {})
  })
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for a in values(var.alarms) : a.minutes >= 1 && a.minutes <= 1440 && floor(a.minutes) == a.minutes && coalesce(a.threshold, 0) >= 0])
    error_message = "Alarm minutes must be a whole number from 1 to 1440 and thresholds must not be negative."
  }

  validation {
    condition     = alltrue([for a in [var.alarms.cpu, var.alarms.memory] : a.threshold <= 100])
    error_message = "alarms.cpu and alarms.memory thresholds are percentages (0-100)."
  }

  validation {
    condition     = alltrue([for a in values(var.alarms) : can(regex("^[a-z][a-z0-9-]{0,15}$", a.severity))])
    error_message = "Alarm severities must be 1-16 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}

################################################################################
# Services
################################################################################

variable "services" {
  description = <<-EOT
    Fargate services keyed by service name. name: the stem of the service's AWS names
    (task family, <name>-task and <name>-exec roles, <name> and <name>-dlq queues). cpu and
    memory: a Fargate pair. port: the container port (null: a worker without inbound traffic).
    target_group_arn: an ip target group the service registers in (needs port). secrets: env
    name => Secrets Manager secret or SSM parameter ARN. buckets: purpose => the bucket's ARN and
    access (read, write or read_write). queue: an SQS queue (and dead-letter queue) the service consumes. scaling: target
    tracking on cpu / memory (%) and step scaling on the queue's visible messages.
    spot_percent: share of tasks beyond the first on FARGATE_SPOT.
  EOT
  type = map(object({
    name             = string
    image            = string
    cpu              = number
    memory           = number
    port             = optional(number)
    target_group_arn = optional(string)
    command          = optional(list(string))
    environment      = optional(map(string), {})
    secrets          = optional(map(string), {})
    buckets          = optional(map(object({ arn = string, access = string })), {})
    desired          = number
    min              = number
    max              = number
    queue = optional(object({
      visibility_timeout = optional(number, 300)
      retention_days     = optional(number, 4)
      max_receive_count  = optional(number, 5)
    }))
    scaling = optional(object({
      cpu    = optional(number)
      memory = optional(number)
      queue_depth = optional(object({
        scale_out_above = number
        scale_in_below  = optional(number, 1)
        step            = optional(number, 2)
        cooldown        = optional(number, 120)
      }))
    }), {})
    spot_percent              = optional(number, 0)
    exec                      = optional(bool, false)
    readonly_root_filesystem  = optional(bool, true)
    user                      = optional(string, "1000:1000")
    health_check_grace_period = optional(number, 60)
  }))
  default = {}

  validation {
    condition     = alltrue([for k, s in var.services : can(regex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", k))])
    error_message = "services keys must be 2-24 lowercase letters, digits or hyphens, starting with a letter."
  }

  validation {
    condition = alltrue([for s in var.services : contains(
      lookup({
        "256"   = [512, 1024, 2048]
        "512"   = [for m in range(1, 5) : m * 1024]
        "1024"  = [for m in range(2, 9) : m * 1024]
        "2048"  = [for m in range(4, 17) : m * 1024]
        "4096"  = [for m in range(8, 31) : m * 1024]
        "8192"  = [for m in range(4, 16) : m * 4096]
        "16384" = [for m in range(4, 16) : m * 8192]
      }, tostring(s.cpu), []),
    s.memory)])
    error_message = "Each service's cpu and memory must be a Fargate pair (e.g. 256 with 512, 1024 or 2048; 1024 with 2048-8192 in 1024 steps)."
  }

  validation {
    condition     = alltrue([for s in var.services : s.min <= s.desired && s.desired <= s.max && s.max >= 1])
    error_message = "Each service needs min <= desired <= max and max >= 1."
  }

  validation {
    condition     = alltrue([for s in var.services : s.target_group_arn == null || s.port != null])
    error_message = "A service with a target_group_arn needs a port."
  }

  validation {
    condition     = alltrue([for s in var.services : s.spot_percent >= 0 && s.spot_percent <= 100])
    error_message = "spot_percent must be between 0 and 100."
  }

  validation {
    condition     = alltrue([for s in var.services : can(regex("^[0-9]+(:[0-9]+)?$", s.user)) && !can(regex("^0(:|$)", s.user))])
    error_message = "user must be a numeric non-root uid[:gid] such as 1000:1000."
  }

  validation {
    condition = alltrue(flatten([for s in var.services : [
      for v in values(s.secrets) : can(regex("^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:|ssm:[a-z0-9-]+:[0-9]{12}:parameter/)", v))
    ]]))
    error_message = "Each secret must be the ARN of a Secrets Manager secret or an SSM parameter, never a value."
  }

  validation {
    condition     = alltrue(flatten([for s in var.services : [for b in values(s.buckets) : contains(["read", "write", "read_write"], b.access)]]))
    error_message = "Each bucket access must be read, write or read_write."
  }

  validation {
    condition     = alltrue([for s in var.services : try(s.scaling.queue_depth, null) == null || s.queue != null])
    error_message = "queue_depth scaling needs the service's queue."
  }

  validation {
    condition     = alltrue([for s in var.services : try(s.scaling.queue_depth.scale_in_below < s.scaling.queue_depth.scale_out_above, true)])
    error_message = "queue_depth.scale_in_below must be less than scale_out_above."
  }
}
