locals {
  # Route 53 health checkers run from these regions only.
  health_checker_regions = [
    "us-east-1", "us-west-1", "us-west-2", "eu-west-1",
    "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1",
  ]

  dns_label_regex = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
  # A relative record name: "" (zone apex) or dot-separated DNS labels.
  record_name_regex = "^(|${local.dns_label_regex}(\\.${local.dns_label_regex})*)$"
}

variable "domain_name" {
  description = "Domain of the public hosted zone (e.g. bizflow.app), lower case, without a trailing dot."
  type        = string

  validation {
    condition = (
      length(var.domain_name) <= 253 &&
      can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$", var.domain_name))
    )
    error_message = "domain_name must be a lower-case fully qualified domain name without a trailing dot (e.g. bizflow.app)."
  }
}

variable "create_zone" {
  description = "Create the public hosted zone. When false, records go into zone_id."
  type        = bool
  default     = true
}

variable "zone_id" {
  description = "ID of an existing public hosted zone for domain_name; required when create_zone is false."
  type        = string
  default     = null

  validation {
    condition     = var.zone_id == null ? true : can(regex("^Z[A-Z0-9]{1,31}$", var.zone_id))
    error_message = "zone_id must be a Route 53 hosted zone ID (Z followed by upper-case letters and digits)."
  }

  validation {
    condition     = var.create_zone ? var.zone_id == null : var.zone_id != null
    error_message = "Set zone_id exactly when create_zone is false."
  }
}

variable "endpoints" {
  description = "Regional endpoints keyed by AWS region name, each exactly one of: alias_target, the DNS name and hosted zone of a load balancer or distribution this estate creates (pass the module outputs, e.g. module.alb.dns_name and module.alb.zone_id); or fqdn, a typed DNS name of one that lives elsewhere, with alias_zone_id when it is an AWS alias target. Alias endpoints give alias A records (evaluate_target_health), others CNAMEs. Each endpoint gets a Route 53 health check."
  type = map(object({
    alias_target = optional(object({
      dns_name = string
      zone_id  = string
    }))
    fqdn          = optional(string)
    alias_zone_id = optional(string)
    health_check = optional(object({
      path              = optional(string, "/health")
      port              = optional(number, 443)
      protocol          = optional(string, "HTTPS")
      interval          = optional(number, 10)
      failure_threshold = optional(number, 3)
      regions           = optional(list(string))
    }), {})
  }))

  validation {
    condition     = length(var.endpoints) > 0
    error_message = "endpoints must not be empty."
  }

  validation {
    condition     = alltrue([for k in keys(var.endpoints) : can(regex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", k))])
    error_message = "endpoints keys must be AWS region names (e.g. ap-south-1)."
  }

  validation {
    condition     = alltrue([for e in values(var.endpoints) : (e.alias_target == null) != (e.fqdn == null)])
    error_message = "Each endpoint needs exactly one of alias_target (a load balancer or distribution of this estate) or fqdn (a typed name)."
  }

  validation {
    condition     = alltrue([for e in values(var.endpoints) : e.alias_target == null || e.alias_zone_id == null])
    error_message = "alias_zone_id goes with a typed fqdn; an alias_target carries its own zone_id."
  }

  validation {
    condition = alltrue([
      for e in values(var.endpoints) : e.fqdn == null ? true : length(e.fqdn) <= 253 && can(regex("^([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}\\.?$", e.fqdn))
    ])
    error_message = "endpoints fqdn must be a DNS name (e.g. bizflow-123456.ap-south-1.elb.amazonaws.com)."
  }

  validation {
    condition = alltrue([
      for e in values(var.endpoints) : e.alias_zone_id == null ? true : can(regex("^Z[A-Z0-9]{1,31}$", e.alias_zone_id))
    ])
    error_message = "endpoints alias_zone_id must be a hosted zone ID (e.g. ZP97RAFLXTNZK for ALBs in ap-south-1)."
  }

  validation {
    condition     = alltrue([for e in values(var.endpoints) : contains(["HTTP", "HTTPS", "TCP"], e.health_check.protocol)])
    error_message = "endpoints health_check.protocol must be HTTP, HTTPS or TCP."
  }

  validation {
    condition     = alltrue([for e in values(var.endpoints) : can(regex("^/[^\\s]{0,254}$", e.health_check.path))])
    error_message = "endpoints health_check.path must start with / and be at most 255 characters without whitespace."
  }

  validation {
    condition = alltrue([
      for e in values(var.endpoints) : e.health_check.port >= 1 && e.health_check.port <= 65535 && floor(e.health_check.port) == e.health_check.port
    ])
    error_message = "endpoints health_check.port must be an integer between 1 and 65535."
  }

  validation {
    condition     = alltrue([for e in values(var.endpoints) : contains([10, 30], e.health_check.interval)])
    error_message = "endpoints health_check.interval must be 10 or 30 seconds."
  }

  validation {
    condition = alltrue([
      for e in values(var.endpoints) : e.health_check.failure_threshold >= 1 && e.health_check.failure_threshold <= 10 && floor(e.health_check.failure_threshold) == e.health_check.failure_threshold
    ])
    error_message = "endpoints health_check.failure_threshold must be an integer between 1 and 10."
  }

  validation {
    condition = alltrue([
      for e in values(var.endpoints) : e.health_check.regions == null ? true : (
        length(distinct(e.health_check.regions)) == length(e.health_check.regions) &&
        length(e.health_check.regions) >= 3 &&
        length(setsubtract(e.health_check.regions, local.health_checker_regions)) == 0
      )
    ])
    error_message = "endpoints health_check.regions must list at least 3 distinct Route 53 health checker regions (us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, sa-east-1)."
  }
}

variable "geolocation_records" {
  description = "Geolocation-routed records. Exactly one of country (ISO alpha-2), continent (AF, AN, AS, EU, NA, OC, SA) or default = true (the \"*\" location). endpoint is a key of endpoints."
  type = list(object({
    name           = string
    set_identifier = string
    country        = optional(string)
    continent      = optional(string)
    default        = optional(bool, false)
    endpoint       = string
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.geolocation_records : can(regex(local.record_name_regex, r.name))])
    error_message = "geolocation_records name must be \"\" (apex) or lower-case DNS labels relative to domain_name (e.g. api)."
  }

  validation {
    condition     = alltrue([for r in var.geolocation_records : can(regex("^[A-Za-z0-9_-]{1,128}$", r.set_identifier))])
    error_message = "geolocation_records set_identifier must be 1-128 letters, digits, hyphens or underscores."
  }

  validation {
    condition     = length(distinct([for r in var.geolocation_records : "${r.name}/${r.set_identifier}"])) == length(var.geolocation_records)
    error_message = "geolocation_records name + set_identifier must be unique."
  }

  validation {
    condition = alltrue([
      for r in var.geolocation_records : length(compact([r.country, r.continent, r.default ? "*" : null])) == 1
    ])
    error_message = "Each geolocation record needs exactly one of country, continent or default = true."
  }

  validation {
    condition = alltrue([
      for r in var.geolocation_records : r.country == null ? true : can(regex("^[A-Z]{2}$", r.country))
    ])
    error_message = "geolocation_records country must be an upper-case ISO 3166-1 alpha-2 code (use default = true for \"*\")."
  }

  validation {
    condition = alltrue([
      for r in var.geolocation_records : r.continent == null ? true : contains(["AF", "AN", "AS", "EU", "NA", "OC", "SA"], r.continent)
    ])
    error_message = "geolocation_records continent must be one of AF, AN, AS, EU, NA, OC, SA."
  }

  validation {
    condition = alltrue([
      for n in distinct([for r in var.geolocation_records : r.name]) : (
        length([for r in var.geolocation_records : r if r.name == n]) ==
        # Tagged by kind: the country SA (Saudi Arabia) is not the continent SA (South America).
        length(distinct([
          for r in var.geolocation_records :
          r.default ? "default" : r.country != null ? "country:${r.country}" : "continent:${r.continent}" if r.name == n
        ]))
      )
    ])
    error_message = "A geolocation location (country, continent or default) may appear only once per record name."
  }

  validation {
    condition     = alltrue([for r in var.geolocation_records : contains(keys(var.endpoints), r.endpoint)])
    error_message = "geolocation_records endpoint must be a key of endpoints."
  }

  validation {
    condition = alltrue([
      for r in var.geolocation_records : r.name != "" || var.endpoints[r.endpoint].alias_target != null || var.endpoints[r.endpoint].alias_zone_id != null if contains(keys(var.endpoints), r.endpoint)
    ])
    error_message = "Records at the zone apex (name \"\") need an alias endpoint (alias_target or alias_zone_id): a CNAME cannot live at the apex."
  }
}

variable "latency_records" {
  description = "Latency-routed records: one record per entry, set_identifier and latency region = the endpoint key."
  type = list(object({
    name     = string
    endpoint = string
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.latency_records : can(regex(local.record_name_regex, r.name))])
    error_message = "latency_records name must be \"\" (apex) or lower-case DNS labels relative to domain_name (e.g. cdn)."
  }

  validation {
    condition     = length(distinct([for r in var.latency_records : "${r.name}/${r.endpoint}"])) == length(var.latency_records)
    error_message = "latency_records name + endpoint must be unique."
  }

  validation {
    condition     = alltrue([for r in var.latency_records : contains(keys(var.endpoints), r.endpoint)])
    error_message = "latency_records endpoint must be a key of endpoints."
  }

  validation {
    condition = alltrue([
      for r in var.latency_records : r.name != "" || var.endpoints[r.endpoint].alias_target != null || var.endpoints[r.endpoint].alias_zone_id != null if contains(keys(var.endpoints), r.endpoint)
    ])
    error_message = "Records at the zone apex (name \"\") need an alias endpoint (alias_target or alias_zone_id): a CNAME cannot live at the apex."
  }

  validation {
    condition     = length(setintersection([for r in var.latency_records : r.name], [for r in var.geolocation_records : r.name])) == 0
    error_message = "A record name can have only one routing policy: latency_records names must not be used by geolocation_records."
  }
}

variable "failover_records" {
  description = "Active-passive failover records: PRIMARY to primary endpoint, SECONDARY (DR) to secondary endpoint, both health-checked."
  type = list(object({
    name      = string
    primary   = string
    secondary = string
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.failover_records : can(regex(local.record_name_regex, r.name))])
    error_message = "failover_records name must be \"\" (apex) or lower-case DNS labels relative to domain_name."
  }

  validation {
    condition     = length(distinct([for r in var.failover_records : r.name])) == length(var.failover_records)
    error_message = "failover_records names must be unique."
  }

  validation {
    condition = alltrue([
      for r in var.failover_records : contains(keys(var.endpoints), r.primary) && contains(keys(var.endpoints), r.secondary)
    ])
    error_message = "failover_records primary and secondary must be keys of endpoints."
  }

  validation {
    condition     = alltrue([for r in var.failover_records : r.primary != r.secondary])
    error_message = "failover_records primary and secondary must be different endpoints."
  }

  validation {
    condition = alltrue([
      for r in var.failover_records : r.name != "" || var.endpoints[r.primary].alias_target != null || var.endpoints[r.primary].alias_zone_id != null if contains(keys(var.endpoints), r.primary)
    ])
    error_message = "Records at the zone apex (name \"\") need an alias endpoint (alias_target or alias_zone_id): a CNAME cannot live at the apex."
  }

  validation {
    condition = alltrue([
      for r in var.failover_records : r.name != "" || var.endpoints[r.secondary].alias_target != null || var.endpoints[r.secondary].alias_zone_id != null if contains(keys(var.endpoints), r.secondary)
    ])
    error_message = "Records at the zone apex (name \"\") need an alias endpoint (alias_target or alias_zone_id): a CNAME cannot live at the apex."
  }

  validation {
    condition = length(setintersection(
      [for r in var.failover_records : r.name],
      concat([for r in var.geolocation_records : r.name], [for r in var.latency_records : r.name])
    )) == 0
    error_message = "A record name can have only one routing policy: failover_records names must not be used by geolocation_records or latency_records."
  }
}

variable "tenant_records" {
  description = "Tenant id => endpoint key; rendered as <tenant>.<domain_name> pointing at the endpoint, with the endpoint's health check attached."
  type        = map(string)
  default     = {}

  validation {
    condition = alltrue([
      for t in keys(var.tenant_records) : can(regex("^${local.dns_label_regex}$", t)) && !strcontains(t, "--")
    ])
    error_message = "tenant_records keys must be DNS labels (lower-case letters, digits, single hyphens, 1-63 characters)."
  }

  validation {
    condition     = alltrue([for e in values(var.tenant_records) : contains(keys(var.endpoints), e)])
    error_message = "tenant_records values must be keys of endpoints."
  }

  validation {
    condition = length(setintersection(keys(var.tenant_records), concat(
      [for r in var.geolocation_records : r.name],
      [for r in var.latency_records : r.name],
      [for r in var.failover_records : r.name],
    ))) == 0
    error_message = "tenant_records ids must not be record names used by geolocation_records, latency_records or failover_records."
  }
}

variable "ttl" {
  description = "TTL in seconds of non-alias (CNAME) records."
  type        = number
  default     = 60

  validation {
    condition     = var.ttl >= 0 && var.ttl <= 172800 && floor(var.ttl) == var.ttl
    error_message = "ttl must be an integer between 0 and 172800."
  }
}

variable "dnssec" {
  description = "Sign the zone with DNSSEC: an ECC_NIST_P256 KMS key in us-east-1, a key-signing key and zone signing. Add the ds_record output to the parent zone / registrar."
  type        = bool
  default     = true
}

variable "query_logging" {
  description = "Log DNS queries to a KMS-encrypted CloudWatch log group /aws/route53/<domain_name> in us-east-1."
  type        = bool
  default     = true
}

variable "query_log_retention_days" {
  description = "Retention of the query log group in days (a CloudWatch Logs allowed value)."
  type        = number
  default     = 365

  validation {
    condition = contains([
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ], var.query_log_retention_days)
    error_message = "query_log_retention_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "query_log_kms_key_arn" {
  description = "Existing symmetric KMS key (us-east-1) for the query log group; its policy must allow logs.us-east-1.amazonaws.com. null creates a dedicated key."
  type        = string
  default     = null

  validation {
    condition     = var.query_log_kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:us-east-1:[0-9]{12}:key/[A-Za-z0-9-]+$", var.query_log_kms_key_arn))
    error_message = "query_log_kms_key_arn must be a KMS key ARN in us-east-1."
  }
}

variable "kms_deletion_window_in_days" {
  description = "Waiting period before a deleted KMS key of this module is destroyed."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30 && floor(var.kms_deletion_window_in_days) == var.kms_deletion_window_in_days
    error_message = "kms_deletion_window_in_days must be an integer between 7 and 30."
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
  description = "Severity => SNS topic ARNs in us-east-1 told when an alarm changes state (the us-east-1 notifications module's topic_arns). Alarms are always created; {} means nobody is told. An alarm whose severity is not a key goes to the \"critical\" topics."
  type        = map(list(string))
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue(flatten([for arns in values(var.alarm_actions) : [for arn in arns : can(regex("^arn:aws[a-z-]*:sns:us-east-1:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", arn))]]))
    error_message = "alarm_actions values must be SNS topic ARNs in us-east-1 (CloudWatch alarms only notify topics of their own region)."
  }
}

variable "alarms" {
  description = <<-EOT
    CloudWatch alarms (each: enabled, threshold, minutes the condition must hold, severity):
    - health_check: an endpoint's HealthCheckStatus below threshold (default 1: failing) for 1 min, critical; missing data breaches.
  EOT
  type = object({
    health_check = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 1)
      minutes   = optional(number, 1)
      severity  = optional(string, "critical")
    }), {})
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.alarms.health_check.minutes >= 1 && var.alarms.health_check.minutes <= 1440 && floor(var.alarms.health_check.minutes) == var.alarms.health_check.minutes
    error_message = "alarms.health_check.minutes must be a whole number from 1 to 1440."
  }

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,15}$", var.alarms.health_check.severity))
    error_message = "Alarm severities must be 1-16 lowercase letters, digits or '-', starting with a letter."
  }
}
