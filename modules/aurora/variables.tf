################################################################################
# Identity and role
################################################################################

variable "identifier" {
  description = "Aurora cluster identifier. Instances are <identifier>-writer and <identifier>-reader-N; also the name prefix of the security group, parameter group, monitoring role and (create_global_cluster) the Global Database. 1-52 chars so instance identifiers fit 63, starts with a letter, lowercase letters/digits/hyphens, no '--', no trailing hyphen."
  type        = string

  validation {
    condition = (
      can(regex("^[a-z][a-z0-9-]{0,51}$", var.identifier)) &&
      !strcontains(var.identifier, "--") &&
      !endswith(var.identifier, "-")
    )
    error_message = "identifier must be 1-52 characters, start with a lowercase letter, contain only lowercase letters, digits and hyphens, and must not contain '--' or end with a hyphen."
  }
}

variable "create_global_cluster" {
  description = "Make this primary cluster the source of an Aurora Global Database (aws_rds_global_cluster named after identifier), so other regions can join it as secondaries. Adding it later does not replace the cluster."
  type        = bool
  default     = false

  validation {
    condition     = !(var.create_global_cluster && var.global_cluster_identifier != null)
    error_message = "create_global_cluster is for the primary; a secondary (global_cluster_identifier set) cannot create a Global Database."
  }
}

variable "secondary" {
  description = "Whether this cluster is a Global Database secondary. null: whether global_cluster_identifier is set; give it when that identifier is unknown until apply (another module's output)."
  type        = bool
  default     = null
}

variable "global_cluster_identifier" {
  description = "Join this Global Database as a secondary cluster (null, the default: a primary). A secondary has no writer and no master credentials; its readers serve reads in this region, readers = 0 makes it headless. Its storage is encrypted with kms_key_arn, this region's key."
  type        = string
  default     = null

  validation {
    condition     = var.global_cluster_identifier == null ? true : can(regex("^[a-z][a-z0-9-]{0,62}$", var.global_cluster_identifier))
    error_message = "global_cluster_identifier must be 1-63 lowercase letters, digits and hyphens, starting with a letter."
  }
}

################################################################################
# Engine and capacity
################################################################################

variable "engine_version" {
  description = "Aurora PostgreSQL engine version, major.minor (e.g. \"16.4\"). The cluster parameter group family (aurora-postgresqlNN) is derived from the major version. A secondary must run its primary's version."
  type        = string
  default     = "16.4"

  validation {
    condition     = can(regex("^[0-9]{2}(\\.[0-9]{1,2})?$", var.engine_version)) && try(tonumber(split(".", var.engine_version)[0]) >= 13, false)
    error_message = "engine_version must look like \"16\" or \"16.4\" and be Aurora PostgreSQL 13 or newer."
  }
}

variable "serverless" {
  description = "Aurora Serverless v2: every instance is db.serverless and scales between min_capacity and max_capacity ACUs (0-256 in steps of 0.5, min <= max). null: provisioned instances of instance_class."
  type = object({
    min_capacity = number
    max_capacity = number
  })
  default = null

  validation {
    condition = var.serverless == null ? true : (
      var.serverless.min_capacity >= 0 && var.serverless.max_capacity >= 1 &&
      var.serverless.max_capacity <= 256 && var.serverless.min_capacity <= var.serverless.max_capacity &&
      floor(var.serverless.min_capacity * 2) == var.serverless.min_capacity * 2 &&
      floor(var.serverless.max_capacity * 2) == var.serverless.max_capacity * 2
    )
    error_message = "serverless capacities must be 0-256 ACUs in steps of 0.5, max_capacity at least 1 and min_capacity <= max_capacity."
  }
}

variable "instance_class" {
  description = "Instance class of the writer and readers when provisioned (serverless = null), e.g. db.r6g.large."
  type        = string
  default     = null

  validation {
    condition     = var.instance_class == null ? var.serverless != null : (var.serverless == null && can(regex("^db\\.[a-z0-9-]+\\.[a-z0-9]+$", var.instance_class)))
    error_message = "Set exactly one of instance_class (db.<family>.<size>, e.g. db.r6g.large) and serverless."
  }
}

variable "readers" {
  description = "Reader instances besides the writer (0-15), keyed reader-1 … reader-N so adding one replaces none. In a secondary every instance is a reader; 0 makes it headless."
  type        = number
  default     = 1

  validation {
    condition     = var.readers >= 0 && var.readers <= 15 && floor(var.readers) == var.readers
    error_message = "readers must be a whole number between 0 and 15."
  }
}

variable "availability_zones" {
  description = "AZs the instances are spread over, in order: the writer in the first, reader N in the next (wrapping). Empty: RDS picks."
  type        = list(string)
  default     = []
}

################################################################################
# Backups and maintenance
################################################################################

variable "backup_retention_period" {
  description = "Automated backup retention in days (1-35)."
  type        = number
  default     = 35

  validation {
    condition     = var.backup_retention_period >= 1 && var.backup_retention_period <= 35 && floor(var.backup_retention_period) == var.backup_retention_period
    error_message = "backup_retention_period must be a whole number between 1 and 35."
  }
}

variable "preferred_backup_window" {
  description = "Daily backup window in UTC, hh24:mi-hh24:mi (null: AWS picks)."
  type        = string
  default     = null

  validation {
    condition     = var.preferred_backup_window == null ? true : can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_backup_window))
    error_message = "preferred_backup_window must look like 03:00-04:00 (UTC)."
  }
}

variable "preferred_maintenance_window" {
  description = "Weekly maintenance window in UTC, ddd:hh24:mi-ddd:hh24:mi (null: AWS picks)."
  type        = string
  default     = null

  validation {
    condition     = var.preferred_maintenance_window == null ? true : can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_maintenance_window))
    error_message = "preferred_maintenance_window must look like sun:04:30-sun:05:30 (UTC)."
  }
}

variable "deletion_protection" {
  description = "Enable deletion protection on the cluster (and on the Global Database it creates)."
  type        = bool
  default     = true
}

################################################################################
# Encryption
################################################################################

variable "kms_key_arn" {
  description = "ARN of the customer-managed KMS key (in this region) encrypting the cluster's storage (a Global Database secondary: the key of its own region)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "master_user_secret_kms_key_arn" {
  description = "ARN of the customer-managed KMS key (in this region) encrypting the RDS-managed master user secret in Secrets Manager. Required for a primary cluster; not used by a Global Database secondary (users come from the primary)."
  type        = string
  default     = null

  validation {
    condition = (
      var.master_user_secret_kms_key_arn == null
      ? var.global_cluster_identifier != null
      : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.master_user_secret_kms_key_arn))
    )
    error_message = "master_user_secret_kms_key_arn must be a KMS key or alias ARN and is required for a primary cluster (global_cluster_identifier = null)."
  }
}

variable "performance_insights_kms_key_arn" {
  description = "ARN of the KMS key (in this region) encrypting Performance Insights data. Defaults to kms_key_arn."
  type        = string
  default     = null

  validation {
    condition     = var.performance_insights_kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.performance_insights_kms_key_arn))
    error_message = "performance_insights_kms_key_arn must be a KMS key or alias ARN."
  }
}

################################################################################
# Monitoring and logging
################################################################################

variable "performance_insights_retention_period" {
  description = "Performance Insights retention in days: 7 (free tier), 31*N for N = 1..23, or 731."
  type        = number
  default     = 7

  validation {
    condition = (
      var.performance_insights_retention_period == 7 ||
      var.performance_insights_retention_period == 731 ||
      (
        var.performance_insights_retention_period >= 31 &&
        var.performance_insights_retention_period <= 713 &&
        var.performance_insights_retention_period % 31 == 0
      )
    )
    error_message = "performance_insights_retention_period must be 7, a multiple of 31 up to 713, or 731."
  }
}

variable "monitoring_interval" {
  description = "Enhanced Monitoring interval in seconds (0 disables it; the module creates the monitoring role when > 0)."
  type        = number
  default     = 30

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.monitoring_interval)
    error_message = "monitoring_interval must be one of 0, 1, 5, 10, 15, 30, 60."
  }
}

variable "enabled_cloudwatch_logs_exports" {
  description = "Aurora PostgreSQL log types exported to CloudWatch Logs."
  type        = list(string)
  default     = ["postgresql"]

  validation {
    condition     = alltrue([for l in var.enabled_cloudwatch_logs_exports : contains(["postgresql", "iam-db-auth-error", "instance"], l)])
    error_message = "enabled_cloudwatch_logs_exports may only contain \"postgresql\", \"iam-db-auth-error\" and \"instance\"."
  }
}

variable "log_statement" {
  description = "PostgreSQL log_statement parameter: none, ddl, mod or all."
  type        = string
  default     = "ddl"

  validation {
    condition     = contains(["none", "ddl", "mod", "all"], var.log_statement)
    error_message = "log_statement must be one of none, ddl, mod, all."
  }
}

variable "log_min_duration_statement" {
  description = "PostgreSQL log_min_duration_statement in milliseconds (-1 disables, 0 logs every statement)."
  type        = number
  default     = 1000

  validation {
    condition     = var.log_min_duration_statement >= -1 && var.log_min_duration_statement <= 2147483647 && floor(var.log_min_duration_statement) == var.log_min_duration_statement
    error_message = "log_min_duration_statement must be a whole number between -1 and 2147483647."
  }
}

################################################################################
# Network
################################################################################

variable "vpc_id" {
  description = "VPC of the DB subnet group; the security group is created in it."
  type        = string

  validation {
    condition     = can(regex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "db_subnet_group_name" {
  description = "Existing DB subnet group (in this region), e.g. the VPC module's database subnet group."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9 ._-]{1,255}$", var.db_subnet_group_name)) && var.db_subnet_group_name != "default"
    error_message = "db_subnet_group_name must be 1-255 lowercase letters, digits, spaces, '.', '_' or '-', and not \"default\"."
  }
}

variable "allowed_cidr_blocks" {
  description = "IPv4 CIDRs (the region's private subnets) admitted on TCP 5432. Must not be empty."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.allowed_cidr_blocks : can(cidrhost(c, 0)) && !endswith(c, "/0") && !strcontains(c, ":")])
    error_message = "allowed_cidr_blocks must be valid IPv4 CIDRs and must not be a /0."
  }

  validation {
    condition     = length(var.allowed_cidr_blocks) > 0
    error_message = "allowed_cidr_blocks must not be empty."
  }
}

################################################################################
# Access
################################################################################

variable "iam_database_authentication_enabled" {
  description = "Enable IAM database authentication."
  type        = bool
  default     = true
}

variable "ca_cert_identifier" {
  description = "Certificate authority of the server certificate."
  type        = string
  default     = "rds-ca-ecc384-g1"

  validation {
    condition     = contains(["rds-ca-ecc384-g1", "rds-ca-rsa4096-g1", "rds-ca-rsa2048-g1"], var.ca_cert_identifier)
    error_message = "ca_cert_identifier must be one of rds-ca-ecc384-g1, rds-ca-rsa4096-g1, rds-ca-rsa2048-g1."
  }
}

variable "database_name" {
  description = "Initial database created in a primary cluster (ignored by a secondary)."
  type        = string
  default     = "app"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,62}$", var.database_name)) && !contains(["postgres", "template0", "template1", "rdsadmin"], lower(var.database_name))
    error_message = "database_name must be 1-63 letters, digits or underscores, start with a letter, and not be a reserved database (postgres, template0, template1, rdsadmin)."
  }
}

variable "master_username" {
  description = "Master user name of a primary cluster (ignored by a secondary). The password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "app_admin"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,62}$", var.master_username)) && !contains(["rdsadmin", "rdsrepladmin", "rds_superuser"], lower(var.master_username))
    error_message = "master_username must be 1-63 letters, digits or underscores, start with a letter, and not be a reserved RDS name (rdsadmin, rdsrepladmin, rds_superuser)."
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
    CloudWatch alarms on the cluster (each: enabled, threshold, minutes the condition must hold, severity); instance metrics are watched on the worst instance:
    - cpu: CPUUtilization above threshold % (default 80 for 10 min, critical).
    - freeable_memory: FreeableMemory below threshold MiB (default 256 for 10 min, warning).
    - connections: DatabaseConnections above threshold (default 400 for 10 min, warning).
    - replica_lag: AuroraReplicaLag of the readers of a primary above threshold seconds (default 2 for 5 min, warning; only with readers; a reader that stops reporting breaches).
    - global_replication_lag: AuroraGlobalDBReplicationLag of a Global Database secondary above threshold seconds (default 900, a 15-minute RPO, for 5 min, critical; a secondary that stops reporting breaches).
    - serverless_capacity: ACUUtilization (ServerlessDatabaseCapacity as % of max ACU) above threshold % (default 90 for 15 min, warning; Serverless v2 only).
    The instance alarms (cpu, freeable_memory, connections, serverless_capacity) do not exist on a headless secondary.
  EOT
  type = object({
    cpu = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 80)
      minutes   = optional(number, 10)
      severity  = optional(string, "critical")
    }), {})
    freeable_memory = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 256)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    connections = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 400)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    replica_lag = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 2)
      minutes   = optional(number, 5)
      severity  = optional(string, "warning")
    }), {})
    global_replication_lag = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 900)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    serverless_capacity = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 90)
      minutes   = optional(number, 15)
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
    condition     = var.alarms.cpu.threshold <= 100 && var.alarms.serverless_capacity.threshold <= 100
    error_message = "alarms.cpu.threshold and alarms.serverless_capacity.threshold are percentages (0-100)."
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
