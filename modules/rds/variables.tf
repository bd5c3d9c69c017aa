################################################################################
# Identity and mode
################################################################################

variable "identifier" {
  description = "RDS DB instance identifier. Also the name prefix of the security group, parameter group and monitoring role. 1-63 chars, starts with a letter, lowercase letters/digits/hyphens, no '--', no trailing hyphen."
  type        = string

  validation {
    condition = (
      can(regex("^[a-z][a-z0-9-]{0,62}$", var.identifier)) &&
      !strcontains(var.identifier, "--") &&
      !endswith(var.identifier, "-")
    )
    error_message = "identifier must be 1-63 characters, start with a lowercase letter, contain only lowercase letters, digits and hyphens, and must not contain '--' or end with a hyphen."
  }
}

variable "create_instance" {
  description = "Create the DB instance (and its security group, parameter group and monitoring role). Set to false to use the module in a DR region only to create aws_db_instance_automated_backups_replication (see automated_backups_replication)."
  type        = bool
  default     = true

  validation {
    condition     = var.create_instance || var.automated_backups_replication != null
    error_message = "create_instance = false creates nothing unless automated_backups_replication is set."
  }
}

variable "replicate_source_db" {
  description = "ARN of the source DB instance. null (default) = primary mode. When set, the module creates a (cross-region) read replica: no master password management, no db_name, no allocated_storage; storage is encrypted with kms_key_arn (a key in this region)."
  type        = string
  default     = null

  validation {
    condition     = var.replicate_source_db == null ? true : can(regex("^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:db:[a-z][a-z0-9-]{0,62}$", var.replicate_source_db))
    error_message = "replicate_source_db must be an RDS DB instance ARN (arn:<partition>:rds:<region>:<account>:db:<identifier>)."
  }

  validation {
    condition     = var.replicate_source_db == null || var.create_instance
    error_message = "replicate_source_db requires create_instance = true."
  }
}

variable "automated_backups_replication" {
  description = "Optional cross-region replication of automated backups INTO this region: source_db_instance_arn is the primary in another region; backups are encrypted with kms_key_arn (this region's key). retention_period in days (1-35, default 7)."
  type = object({
    source_db_instance_arn = string
    retention_period       = optional(number, 7)
  })
  default = null

  validation {
    condition = var.automated_backups_replication == null ? true : can(regex(
      "^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:db:[a-z][a-z0-9-]{0,62}$",
      var.automated_backups_replication.source_db_instance_arn
    ))
    error_message = "automated_backups_replication.source_db_instance_arn must be an RDS DB instance ARN (arn:<partition>:rds:<region>:<account>:db:<identifier>)."
  }

  validation {
    condition = var.automated_backups_replication == null ? true : (
      var.automated_backups_replication.retention_period >= 1 &&
      var.automated_backups_replication.retention_period <= 35 &&
      floor(var.automated_backups_replication.retention_period) == var.automated_backups_replication.retention_period
    )
    error_message = "automated_backups_replication.retention_period must be a whole number of days between 1 and 35."
  }
}

################################################################################
# Engine and sizing
################################################################################

variable "engine_version" {
  description = "PostgreSQL engine version, major or major.minor (e.g. \"16\" or \"16.4\"). The parameter group family (postgresNN) is derived from the major version. Ignored by the instance in replica mode (inherited from the source) but still used for the parameter group family."
  type        = string
  default     = "16.4"

  validation {
    condition     = can(regex("^[0-9]{2}(\\.[0-9]{1,2})?$", var.engine_version)) && try(tonumber(split(".", var.engine_version)[0]) >= 12, false)
    error_message = "engine_version must look like \"16\" or \"16.4\" and be PostgreSQL 12 or newer."
  }
}

variable "instance_class" {
  description = "DB instance class, e.g. db.r6g.2xlarge. Required when create_instance = true."
  type        = string
  default     = null

  validation {
    condition     = var.instance_class == null ? !var.create_instance : can(regex("^db\\.[a-z0-9-]+\\.[a-z0-9]+$", var.instance_class))
    error_message = "instance_class is required when create_instance = true and must look like db.<family>.<size> (e.g. db.r6g.xlarge)."
  }
}

variable "allocated_storage" {
  description = "Allocated gp3 storage in GB (20-65536). Ignored for replicas (inherited from the source)."
  type        = number
  default     = 100

  validation {
    condition     = var.allocated_storage >= 20 && var.allocated_storage <= 65536 && floor(var.allocated_storage) == var.allocated_storage
    error_message = "allocated_storage must be a whole number of GB between 20 and 65536."
  }
}

variable "max_allocated_storage" {
  description = "Storage autoscaling ceiling in GB; 0 disables storage autoscaling. Must be >= allocated_storage and <= 65536."
  type        = number
  default     = 0

  validation {
    condition = var.max_allocated_storage == 0 || (
      var.max_allocated_storage >= var.allocated_storage &&
      var.max_allocated_storage <= 65536 &&
      floor(var.max_allocated_storage) == var.max_allocated_storage
    )
    error_message = "max_allocated_storage must be 0 (disabled) or a whole number >= allocated_storage and <= 65536."
  }
}

variable "multi_az" {
  description = "Deploy a Multi-AZ standby."
  type        = bool
  default     = true
}

variable "backup_retention_period" {
  description = "Automated backup retention in days (0-35). Replicas may keep automated backups too."
  type        = number
  default     = 35

  validation {
    condition     = var.backup_retention_period >= 0 && var.backup_retention_period <= 35 && floor(var.backup_retention_period) == var.backup_retention_period
    error_message = "backup_retention_period must be a whole number between 0 and 35."
  }
}

variable "deletion_protection" {
  description = "Enable RDS deletion protection."
  type        = bool
  default     = true
}

################################################################################
# Encryption
################################################################################

variable "kms_key_arn" {
  description = "ARN of the customer-managed KMS key (in this region) encrypting storage (and, in automated-backups replication, the replicated backups)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "master_user_secret_kms_key_arn" {
  description = "ARN of the customer-managed KMS key (in this region) encrypting the RDS-managed master user secret in Secrets Manager. Required for a primary instance; not used for replicas."
  type        = string
  default     = null

  validation {
    condition = (
      var.master_user_secret_kms_key_arn == null
      ? !(var.create_instance && var.replicate_source_db == null)
      : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+$", var.master_user_secret_kms_key_arn))
    )
    error_message = "master_user_secret_kms_key_arn must be a KMS key or alias ARN and is required for a primary instance (create_instance = true, replicate_source_db = null)."
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
  description = "PostgreSQL log types exported to CloudWatch Logs."
  type        = list(string)
  default     = ["postgresql", "upgrade"]

  validation {
    condition     = alltrue([for l in var.enabled_cloudwatch_logs_exports : contains(["postgresql", "upgrade", "iam-db-auth-error"], l)])
    error_message = "enabled_cloudwatch_logs_exports may only contain \"postgresql\", \"upgrade\" and \"iam-db-auth-error\"."
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

variable "vpc_id" {
  description = "VPC of the DB subnet group; the security group is created in it. Required when create_instance = true."
  type        = string
  default     = null

  validation {
    condition     = var.vpc_id == null ? !var.create_instance : can(regex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id is required when create_instance = true and must look like vpc-0123456789abcdef0."
  }
}

variable "db_subnet_group_name" {
  description = "Existing DB subnet group (in this region) for the instance. Required when create_instance = true."
  type        = string
  default     = null

  validation {
    condition = var.db_subnet_group_name == null ? !var.create_instance : (
      can(regex("^[a-z0-9 ._-]{1,255}$", var.db_subnet_group_name)) && var.db_subnet_group_name != "default"
    )
    error_message = "db_subnet_group_name is required when create_instance = true; 1-255 lowercase letters, digits, spaces, '.', '_' or '-', and not \"default\"."
  }
}

variable "allowed_cidr_blocks" {
  description = "IPv4 CIDRs (the region's private subnets) admitted on TCP 5432. Required (non-empty) when create_instance = true."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.allowed_cidr_blocks : can(cidrhost(c, 0)) && !endswith(c, "/0") && !strcontains(c, ":")])
    error_message = "allowed_cidr_blocks must be valid IPv4 CIDRs and must not be a /0."
  }

  validation {
    condition     = !var.create_instance || length(var.allowed_cidr_blocks) > 0
    error_message = "allowed_cidr_blocks must not be empty when create_instance = true."
  }
}

variable "database_name" {
  description = "Initial database created on a primary instance (ignored for replicas)."
  type        = string
  default     = "app"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,62}$", var.database_name)) && !contains(["postgres", "template0", "template1", "rdsadmin"], lower(var.database_name))
    error_message = "database_name must be 1-63 letters, digits or underscores, start with a letter, and not be a reserved database (postgres, template0, template1, rdsadmin)."
  }
}

variable "master_username" {
  description = "Master user name of a primary instance (ignored for replicas). The password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "app_admin"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,62}$", var.master_username)) && !contains(["rdsadmin", "rdsrepladmin", "rds_superuser"], lower(var.master_username))
    error_message = "master_username must be 1-63 letters, digits or underscores, start with a letter, and not be a reserved RDS name (rdsadmin, rdsrepladmin, rds_superuser)."
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
    CloudWatch alarms on the instance (each: enabled, threshold, minutes the condition must hold, severity):
    - cpu: CPUUtilization above threshold % (default 80 for 10 min, critical).
    - free_storage: FreeStorageSpace below threshold GiB (default 10 for 5 min, critical).
    - freeable_memory: FreeableMemory below threshold MiB (default 256 for 10 min, warning).
    - replica_lag: ReplicaLag above threshold seconds (default 900 = a 15-minute RPO, for 5 min, critical; on a replica missing data breaches, a primary reports none and stays OK).
    - connections: DatabaseConnections above threshold (default 400 for 10 min, warning).
  EOT
  type = object({
    cpu = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 80)
      minutes   = optional(number, 10)
      severity  = optional(string, "critical")
    }), {})
    free_storage = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 10)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    freeable_memory = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 256)
      minutes   = optional(number, 10)
      severity  = optional(string, "warning")
    }), {})
    replica_lag = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 900)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    connections = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 400)
      minutes   = optional(number, 10)
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
    condition     = var.alarms.cpu.threshold <= 100
    error_message = "alarms.cpu.threshold is a percentage (0-100)."
  }
}
