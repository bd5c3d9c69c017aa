################################################################################
# Identity
################################################################################

variable "replication_group_id" {
  description = "Replication group ID (ElastiCache limit: 1-40 chars, starts with a letter, lowercase letters/digits/hyphens, no '--', no trailing hyphen). Also prefixes the subnet group, parameter group, security group, log group, users and user group."
  type        = string

  validation {
    condition = (
      can(regex("^[a-z][a-z0-9-]{0,39}$", var.replication_group_id)) &&
      !strcontains(var.replication_group_id, "--") &&
      !endswith(var.replication_group_id, "-")
    )
    error_message = "replication_group_id must be 1-40 characters, start with a lowercase letter, contain only lowercase letters, digits and hyphens, and must not contain '--' or end with a hyphen."
  }
}

variable "description" {
  description = "Description of the replication group (defaults to \"Redis <replication_group_id>\")."
  type        = string
  default     = null

  validation {
    condition     = var.description == null ? true : (length(trimspace(var.description)) > 0 && length(var.description) <= 255)
    error_message = "description must be non-empty and at most 255 characters."
  }
}

################################################################################
# Engine and topology
################################################################################

variable "engine_version" {
  description = "Redis OSS engine version (major.minor). IAM authentication needs 7.x. Ignored in Global Datastore secondary mode (inherited from the global group)."
  type        = string
  default     = "7.1"

  validation {
    condition     = can(regex("^7\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must be a Redis OSS 7.x version such as \"7.1\" (IAM authentication requires 7.0 or newer)."
  }
}

variable "node_type" {
  description = "Cache node type, e.g. cache.r6g.large. Required unless global_datastore.role = \"secondary\" (then inherited from the global group)."
  type        = string
  default     = null

  validation {
    condition = (
      var.node_type == null
      ? try(var.global_datastore.role == "secondary", false)
      : can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.node_type))
    )
    error_message = "node_type must look like cache.<family>.<size> and is required unless this is a Global Datastore secondary."
  }

  validation {
    condition     = var.node_type == null || var.global_datastore == null ? true : !startswith(var.node_type, "cache.t")
    error_message = "Global Datastore does not support burstable (cache.t*) node types."
  }
}

variable "cluster_mode" {
  description = "Enable Redis cluster mode (sharding). Must match the primary's mode in Global Datastore secondary mode."
  type        = bool
  default     = false
}

variable "num_node_groups" {
  description = "Number of shards (1-500). Only used with cluster_mode = true; must be 1 otherwise. Inherited in Global Datastore secondary mode."
  type        = number
  default     = 1

  validation {
    condition     = var.num_node_groups >= 1 && var.num_node_groups <= 500 && floor(var.num_node_groups) == var.num_node_groups
    error_message = "num_node_groups must be a whole number between 1 and 500."
  }

  validation {
    condition     = var.cluster_mode || var.num_node_groups == 1
    error_message = "num_node_groups > 1 requires cluster_mode = true."
  }
}

variable "replicas_per_node_group" {
  description = "Read replicas per shard (0-5)."
  type        = number
  default     = 1

  validation {
    condition     = var.replicas_per_node_group >= 0 && var.replicas_per_node_group <= 5 && floor(var.replicas_per_node_group) == var.replicas_per_node_group
    error_message = "replicas_per_node_group must be a whole number between 0 and 5."
  }
}

variable "multi_az_enabled" {
  description = "Multi-AZ with automatic failover. Always on when there is at least one replica; Multi-AZ needs >= 1 replica, so set false (explicitly acknowledging no HA) only together with replicas_per_node_group = 0."
  type        = bool
  default     = true

  validation {
    condition     = !var.multi_az_enabled || var.replicas_per_node_group >= 1
    error_message = "multi_az_enabled = true needs replicas_per_node_group >= 1."
  }

  validation {
    condition     = var.multi_az_enabled || var.replicas_per_node_group == 0
    error_message = "With at least one replica, Multi-AZ and automatic failover are always on: multi_az_enabled cannot be false."
  }
}

################################################################################
# Encryption, backups, maintenance
################################################################################

variable "kms_key_arn" {
  description = "ARN of the customer-managed KMS key (in this region) for encryption at rest. In-transit encryption (TLS, required mode) is always on."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "snapshot_retention_limit" {
  description = "Days automatic snapshots are kept (0-35; 0 disables backups)."
  type        = number
  default     = 7

  validation {
    condition     = var.snapshot_retention_limit >= 0 && var.snapshot_retention_limit <= 35 && floor(var.snapshot_retention_limit) == var.snapshot_retention_limit
    error_message = "snapshot_retention_limit must be a whole number between 0 and 35."
  }
}

variable "snapshot_window" {
  description = "Daily UTC snapshot window, hh24:mi-hh24:mi (at least 60 minutes, must not overlap maintenance_window)."
  type        = string
  default     = "03:00-04:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.snapshot_window))
    error_message = "snapshot_window must look like 03:00-04:00."
  }
}

variable "maintenance_window" {
  description = "Weekly UTC maintenance window, ddd:hh24:mi-ddd:hh24:mi (at least 60 minutes)."
  type        = string
  default     = "sun:05:00-sun:06:00"

  validation {
    condition     = can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", lower(var.maintenance_window)))
    error_message = "maintenance_window must look like sun:05:00-sun:06:00."
  }
}

################################################################################
# Network
################################################################################

variable "vpc_id" {
  description = "VPC of the subnets; the security group is created in it."
  type        = string

  validation {
    condition     = can(regex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "subnet_ids" {
  description = "Database (or private) subnet IDs for the cache subnet group the module creates; at least two (different AZs) for Multi-AZ."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) > 0 && alltrue([for s in var.subnet_ids : can(regex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$", s))])
    error_message = "subnet_ids must be a non-empty list of subnet IDs (subnet-0123456789abcdef0)."
  }

  validation {
    condition     = !var.multi_az_enabled || length(distinct(var.subnet_ids)) >= 2
    error_message = "Multi-AZ needs at least two subnets (in different AZs)."
  }
}

variable "allowed_cidr_blocks" {
  description = "IPv4 CIDRs (the region's private subnets) admitted on TCP 6379."
  type        = list(string)

  validation {
    condition     = length(var.allowed_cidr_blocks) > 0 && alltrue([for c in var.allowed_cidr_blocks : can(cidrhost(c, 0)) && !endswith(c, "/0") && !strcontains(c, ":")])
    error_message = "allowed_cidr_blocks must be a non-empty list of valid IPv4 CIDRs and must not contain a /0."
  }
}

################################################################################
# Logging
################################################################################

variable "log_kms_key_arn" {
  description = "ARN of the customer-managed KMS key (in this region) encrypting the slow-log CloudWatch log group. Its key policy must allow the logs.<region>.amazonaws.com service principal."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key or alias ARN."
  }
}

variable "log_retention_in_days" {
  description = "Retention of the slow-log log group in days (a CloudWatch Logs retention value)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

################################################################################
# Authentication (RBAC, IAM only)
################################################################################

variable "app_user_access_string" {
  description = "Redis ACL access string of the IAM-authenticated application user (no passwords allowed in it)."
  type        = string
  default     = "on ~* +@all -@dangerous"

  validation {
    condition = (
      can(regex("^(on|off)( .+)?$", var.app_user_access_string)) &&
      !can(regex("(^|\\s)[<>#!]", var.app_user_access_string)) &&
      !can(regex("(^|\\s)(nopass|resetpass)(\\s|$)", var.app_user_access_string))
    )
    error_message = "app_user_access_string must start with \"on\" or \"off\" and must not contain password directives (>, <, #, !, nopass, resetpass)."
  }
}

################################################################################
# Global Datastore
################################################################################

variable "global_datastore" {
  description = <<-EOT
    Optional Global Datastore membership.
    role = "primary": creates aws_elasticache_global_replication_group from this group; suffix (default: replication_group_id) names it.
    role = "secondary": joins the existing global_replication_group_id; engine, engine version, node type, shard count,
    parameter group and at-rest/in-transit encryption flags are then inherited from the global group (and omitted, as the provider requires).
  EOT
  type = object({
    role                        = string
    suffix                      = optional(string)
    global_replication_group_id = optional(string)
    description                 = optional(string)
  })
  default = null

  validation {
    condition     = var.global_datastore == null ? true : contains(["primary", "secondary"], var.global_datastore.role)
    error_message = "global_datastore.role must be \"primary\" or \"secondary\"."
  }

  validation {
    condition = var.global_datastore == null ? true : (
      var.global_datastore.role != "secondary" ? true : (
        var.global_datastore.global_replication_group_id != null &&
        can(regex("^[a-z]+-[a-z0-9-]+$", coalesce(var.global_datastore.global_replication_group_id, "x")))
      )
    )
    error_message = "global_datastore.global_replication_group_id is required for role = \"secondary\" and must look like <aws-prefix>-<suffix> (e.g. ldgnf-bizflow-cache)."
  }

  validation {
    condition = var.global_datastore == null ? true : (
      var.global_datastore.role != "primary" ? true : (
        var.global_datastore.global_replication_group_id == null &&
        (var.global_datastore.suffix == null || can(regex("^[a-z][a-z0-9-]{0,39}$", coalesce(var.global_datastore.suffix, "x"))))
      )
    )
    error_message = "For role = \"primary\", global_replication_group_id must not be set and suffix (optional) must be 1-40 lowercase letters, digits or hyphens starting with a letter."
  }

  validation {
    condition     = var.global_datastore == null ? true : (var.global_datastore.role != "secondary" || var.global_datastore.suffix == null)
    error_message = "suffix only applies to role = \"primary\"."
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
    CloudWatch alarms on every node (each: enabled, threshold, minutes the condition must hold, severity):
    - cpu: host CPUUtilization above threshold % (default 90 for 10 min, warning).
    - engine_cpu: EngineCPUUtilization above threshold % (default 80 for 10 min, critical).
    - memory: DatabaseMemoryUsagePercentage above threshold % (default 80 for 5 min, critical).
    - evictions: Evictions per minute above threshold (default 100 for 10 min, warning).
    - replication_lag: ReplicationLag above threshold seconds, with replicas only (default 30 for 5 min, warning).
  EOT
  type = object({
    cpu = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 90)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    engine_cpu = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 80)
      minutes   = optional(number, 10)
      severity  = optional(string, "critical")
    }), {})
    memory = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 80)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    evictions = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 100)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    replication_lag = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 30)
      minutes   = optional(number, 5)
      severity  = optional(string, "warning")
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
    condition     = var.alarms.cpu.threshold <= 100 && var.alarms.engine_cpu.threshold <= 100 && var.alarms.memory.threshold <= 100
    error_message = "alarms.cpu, alarms.engine_cpu and alarms.memory thresholds are percentages (0-100)."
  }
}
