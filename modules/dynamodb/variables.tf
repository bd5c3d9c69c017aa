variable "name_prefix" {
  description = "Prefix of the table names: each table is named \"<name_prefix>-<key>\" (e.g. \"webdpro-production\"), and each tenant policy \"<name_prefix>-<region>-tenant-<tenant>-dynamodb\"."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,60}$", var.name_prefix))
    error_message = "name_prefix must be 1-60 letters, digits, '_', '-' or '.'."
  }
}

variable "tables" {
  description = <<-EOT
    Tables to create in this region, keyed by name (the AWS name is "<name_prefix>-<key>").
    - hash_key / range_key: the table's partition and sort key, {name, type} with type S, N or B (default S).
    - attributes: name => type of the other attributes the indexes use as keys (only key attributes are declared
      to DynamoDB; an attribute no key uses is left out).
    - global_secondary_indexes: name => {hash_key, range_key, projection_type (ALL, KEYS_ONLY, INCLUDE; default
      ALL), non_key_attributes, read_capacity, write_capacity, max_read_capacity, max_write_capacity}.
    - local_secondary_indexes: name => {range_key, projection_type, non_key_attributes}; needs the table's range_key.
    - billing_mode: PAY_PER_REQUEST (default) or PROVISIONED with read_capacity and write_capacity; a provisioned
      table and its indexes are always under Application Auto Scaling target tracking (target_utilization, default
      70 %) between the capacity and max_read_capacity / max_write_capacity (default: the capacity itself).
    - ttl_attribute: attribute holding each item's expiry time (epoch seconds).
    - stream_view_type: enable DynamoDB Streams with this view (a table with replicas always streams
      NEW_AND_OLD_IMAGES).
    - point_in_time_recovery_days: the recovery window, 1-35 days (default 35).
    - kms_key_arn: customer-managed key (in this region) for server-side encryption.
    - replicas: region => {kms_key_arn (a key in that region)}: a global table (version 2019.11.21); every
      replica has point-in-time recovery and propagates tags.
    - deletion_protection: default true.
    - tenant_partitioned: the hash key holds the tenant id; the tenant policies cover the table.
  EOT
  type = map(object({
    hash_key = object({
      name = string
      type = optional(string, "S")
    })
    range_key = optional(object({
      name = string
      type = optional(string, "S")
    }))
    attributes = optional(map(string), {})
    global_secondary_indexes = optional(map(object({
      hash_key           = string
      range_key          = optional(string)
      projection_type    = optional(string, "ALL")
      non_key_attributes = optional(list(string))
      read_capacity      = optional(number)
      write_capacity     = optional(number)
      max_read_capacity  = optional(number)
      max_write_capacity = optional(number)
    })), {})
    local_secondary_indexes = optional(map(object({
      range_key          = string
      projection_type    = optional(string, "ALL")
      non_key_attributes = optional(list(string))
    })), {})
    billing_mode                = optional(string, "PAY_PER_REQUEST")
    read_capacity               = optional(number)
    write_capacity              = optional(number)
    max_read_capacity           = optional(number)
    max_write_capacity          = optional(number)
    target_utilization          = optional(number, 70)
    ttl_attribute               = optional(string)
    stream_view_type            = optional(string)
    point_in_time_recovery_days = optional(number, 35)
    kms_key_arn                 = string
    replicas = optional(map(object({
      kms_key_arn = string
    })), {})
    deletion_protection = optional(bool, true)
    tenant_partitioned  = optional(bool, false)
  }))
  nullable = false

  validation {
    condition     = alltrue([for name in keys(var.tables) : can(regex("^[A-Za-z0-9_.-]{1,190}$", name))])
    error_message = "Each table key must be 1-190 letters, digits, '_', '-' or '.' (the AWS name, with the prefix, fits 255)."
  }

  validation {
    condition = alltrue(flatten([
      for t in values(var.tables) : [
        for type in concat([t.hash_key.type], t.range_key == null ? [] : [t.range_key.type], values(t.attributes)) :
        contains(["S", "N", "B"], type)
      ]
    ]))
    error_message = "Attribute types must be S, N or B."
  }

  validation {
    condition     = alltrue([for t in values(var.tables) : contains(["PAY_PER_REQUEST", "PROVISIONED"], t.billing_mode)])
    error_message = "billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }

  validation {
    condition = alltrue([
      for t in values(var.tables) : t.billing_mode == "PROVISIONED" ? (
        coalesce(t.read_capacity, 0) >= 1 && coalesce(t.write_capacity, 0) >= 1
        ) : (
        t.read_capacity == null && t.write_capacity == null && t.max_read_capacity == null && t.max_write_capacity == null &&
        alltrue([for g in values(t.global_secondary_indexes) : g.read_capacity == null && g.write_capacity == null])
      )
    ])
    error_message = "A PROVISIONED table needs read_capacity and write_capacity >= 1; a PAY_PER_REQUEST table (and its indexes) takes no capacity."
  }

  validation {
    condition = alltrue([
      for t in values(var.tables) : (
        coalesce(t.max_read_capacity, t.read_capacity, 0) >= coalesce(t.read_capacity, 0) &&
        coalesce(t.max_write_capacity, t.write_capacity, 0) >= coalesce(t.write_capacity, 0) &&
        t.target_utilization >= 20 && t.target_utilization <= 90
      )
    ])
    error_message = "max_read_capacity / max_write_capacity must be at least the capacity, and target_utilization 20-90."
  }

  validation {
    condition = alltrue(flatten([
      for t in values(var.tables) : [
        for g in values(t.global_secondary_indexes) : alltrue([
          for k in concat([g.hash_key], g.range_key == null ? [] : [g.range_key]) :
          k == t.hash_key.name || (t.range_key != null && k == try(t.range_key.name, "")) || contains(keys(t.attributes), k)
        ])
      ]
    ]))
    error_message = "Every global_secondary_indexes key must be the table's hash_key, range_key or one of its attributes."
  }

  validation {
    condition = alltrue([
      for t in values(var.tables) : length(t.local_secondary_indexes) == 0 || (
        t.range_key != null && alltrue([
          for l in values(t.local_secondary_indexes) : l.range_key == try(t.range_key.name, "") || contains(keys(t.attributes), l.range_key)
        ])
      )
    ])
    error_message = "local_secondary_indexes need a table with a range_key, and each index range_key must be the table's range_key or one of its attributes."
  }

  validation {
    condition     = alltrue([for t in values(var.tables) : length(t.global_secondary_indexes) <= 20 && length(t.local_secondary_indexes) <= 5])
    error_message = "A table has at most 20 global and 5 local secondary indexes."
  }

  validation {
    condition = alltrue(flatten([
      for t in values(var.tables) : [
        for i in concat(values(t.global_secondary_indexes), values(t.local_secondary_indexes)) :
        contains(["ALL", "KEYS_ONLY", "INCLUDE"], i.projection_type) && (i.projection_type == "INCLUDE") == (i.non_key_attributes != null)
      ]
    ]))
    error_message = "projection_type must be ALL, KEYS_ONLY or INCLUDE, and non_key_attributes are given exactly with INCLUDE."
  }

  validation {
    condition = alltrue([
      for t in values(var.tables) : t.stream_view_type == null ? true : (
        contains(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"], t.stream_view_type) &&
        (length(t.replicas) == 0 || t.stream_view_type == "NEW_AND_OLD_IMAGES")
      )
    ])
    error_message = "stream_view_type must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES; a table with replicas streams NEW_AND_OLD_IMAGES."
  }

  validation {
    condition     = alltrue([for t in values(var.tables) : t.point_in_time_recovery_days >= 1 && t.point_in_time_recovery_days <= 35 && floor(t.point_in_time_recovery_days) == t.point_in_time_recovery_days])
    error_message = "point_in_time_recovery_days must be a whole number of days from 1 to 35."
  }

  validation {
    condition = alltrue(flatten([
      for t in values(var.tables) : [
        for k in concat([t.kms_key_arn], [for r in values(t.replicas) : r.kms_key_arn]) :
        can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-)?[0-9a-f-]+$", k))
      ]
    ]))
    error_message = "kms_key_arn (of a table or a replica) must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>), not a key ID or alias."
  }

  validation {
    condition = alltrue(flatten([
      for t in values(var.tables) : [
        for region, r in t.replicas : split(":", r.kms_key_arn)[3] == region
      ]
    ]))
    error_message = "Each replica's kms_key_arn must be a key in the replica's region (the map key)."
  }
}

variable "tenant_policies" {
  description = "Tenant id => the region the tenant uses the tables in (this region, or a region holding replicas). Each tenant gets an IAM policy allowing item reads and writes on the tenant_partitioned tables there (and on their local indexes and the global indexes partitioned by the same key) only where dynamodb:LeadingKeys is the tenant id. The policies are attached by whoever runs the tenant's workload."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for id in keys(var.tenant_policies) : can(regex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", id))])
    error_message = "Tenant ids must be 1-40 lowercase letters, digits or '-'."
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
    CloudWatch alarms on every table (each: enabled, threshold, minutes the condition must hold, severity):
    - throttles: ReadThrottleEvents and WriteThrottleEvents (one alarm each) above threshold a minute (default 10 for 5 min, warning).
    - system_errors: SystemErrors of the item and query operations above threshold a minute (default 0 for 5 min, critical).
    - replication_latency: ReplicationLatency to each replica region of a global table above threshold seconds (default 60 for 10 min, critical).
  EOT
  type = object({
    throttles = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 10)
      minutes   = optional(number, 5)
      severity  = optional(string, "warning")
    }), {})
    system_errors = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 0)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    replication_latency = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 60)
      minutes   = optional(number, 10)
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
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
  nullable    = false
}
