locals {
  name_regex = "^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$"
  host_regex = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$"
  key_regex  = "^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$"
}

variable "name" {
  description = "Stem of every name this module creates (<project>-<environment>, e.g. bizflow-production): cache and response headers policies, the origin access control and the <name>-cdn-logs bucket."
  type        = string

  validation {
    condition     = can(regex(local.name_regex, var.name))
    error_message = "name must be 1-48 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }
}

variable "aliases" {
  description = "Hostnames viewers use (e.g. cdn.bizflow.app): the distribution's aliases, the names of its us-east-1 ACM certificate (the first is the certificate's domain name) and alias A/AAAA records in zone_id."
  type        = list(string)

  validation {
    condition     = length(var.aliases) >= 1 && length(var.aliases) <= 10 && length(distinct(var.aliases)) == length(var.aliases)
    error_message = "aliases must list 1 to 10 distinct hostnames."
  }

  validation {
    condition     = alltrue([for a in var.aliases : length(a) <= 253 && can(regex(local.host_regex, a))])
    error_message = "Each alias must be a lower-case fully qualified domain name without a trailing dot (e.g. cdn.bizflow.app)."
  }
}

variable "zone_id" {
  description = "Public hosted zone (created by the route53 module) holding the certificate's validation records and the aliases' alias records."
  type        = string

  validation {
    # AWS's zone IDs start with Z today, but that is not documented: only the alphabet is checked.
    condition     = can(regex("^[A-Z0-9]{1,32}$", var.zone_id))
    error_message = "zone_id must be a Route 53 hosted zone ID (upper-case letters and digits, e.g. Z0123456789ABCDEFGHIJ)."
  }
}

variable "origins" {
  description = <<-EOT
    Origins keyed by the name behaviours use.
    - load_balancer: a regional ALB's DNS name (module.alb.dns_name), reached over HTTPS (TLSv1.2) with the viewer's
      Host header, so the ALB's certificate must cover the aliases. failover_domain_name adds a second ALB and an
      origin group that fails over on 500, 502, 503, 504 or no answer.
    - bucket: an S3 bucket's regional domain name (<bucket>.s3.<region>.amazonaws.com), read through Origin Access
      Control (SigV4); its bucket policy and KMS key must let cloudfront.amazonaws.com read.
    - path: origin_path, a prefix added in front of every request (e.g. /site).
  EOT
  type = map(object({
    load_balancer        = optional(string)
    failover_domain_name = optional(string)
    bucket               = optional(string)
    path                 = optional(string)
  }))

  validation {
    condition     = length(var.origins) >= 1 && length(var.origins) <= 25
    error_message = "origins must have 1 to 25 entries."
  }

  validation {
    condition     = alltrue([for k in keys(var.origins) : can(regex(local.key_regex, k))])
    error_message = "Each origin key must be 1-32 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }

  validation {
    condition     = alltrue([for o in values(var.origins) : (o.load_balancer == null) != (o.bucket == null)])
    error_message = "Each origin needs exactly one of load_balancer or bucket."
  }

  validation {
    condition     = alltrue([for o in values(var.origins) : o.failover_domain_name == null || o.load_balancer != null])
    error_message = "failover_domain_name goes with a load_balancer origin."
  }

  validation {
    condition     = alltrue([for o in values(var.origins) : o.bucket == null ? true : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\\.s3\\.[a-z0-9-]+\\.amazonaws\\.com$", o.bucket))])
    error_message = "A bucket origin must be the bucket's regional domain name, e.g. webdpro-production-site-ap-south-1.s3.ap-south-1.amazonaws.com."
  }

  validation {
    condition     = alltrue([for o in values(var.origins) : o.path == null ? true : can(regex("^(/[^\\s/]+)+$", o.path))])
    error_message = "An origin path must start with / and not end with / (e.g. /site)."
  }
}

variable "default_behavior" {
  description = "The default cache behaviour: origin (a key of origins), TTLs in seconds (min_ttl <= default_ttl <= max_ttl; max_ttl 0 turns caching off), methods read (GET, HEAD, OPTIONS) or all, query_strings in the cache key, compress."
  type = object({
    origin        = string
    min_ttl       = optional(number, 0)
    default_ttl   = optional(number, 0)
    max_ttl       = optional(number, 31536000)
    methods       = optional(string, "read")
    query_strings = optional(bool, true)
    compress      = optional(bool, true)
  })

  validation {
    condition     = var.default_behavior.min_ttl >= 0 && var.default_behavior.min_ttl <= var.default_behavior.default_ttl && var.default_behavior.default_ttl <= var.default_behavior.max_ttl && var.default_behavior.max_ttl <= 31536000
    error_message = "default_behavior TTLs must satisfy 0 <= min_ttl <= default_ttl <= max_ttl <= 31536000."
  }

  validation {
    condition     = contains(["read", "all"], var.default_behavior.methods)
    error_message = "default_behavior methods must be read or all."
  }

  validation {
    condition     = contains(keys(var.origins), var.default_behavior.origin)
    error_message = "default_behavior origin must be a key of origins."
  }

  validation {
    condition     = var.default_behavior.methods == "read" || try(var.origins[var.default_behavior.origin].failover_domain_name, null) == null
    error_message = "CloudFront sends only GET, HEAD and OPTIONS to an origin group: a behaviour with methods all cannot use an origin with failover_domain_name."
  }
}

variable "ordered_behaviors" {
  description = "Cache behaviours by path pattern, first match wins; each like default_behavior plus path (e.g. /images/*)."
  type = list(object({
    path          = string
    origin        = string
    min_ttl       = optional(number, 0)
    default_ttl   = optional(number, 0)
    max_ttl       = optional(number, 31536000)
    methods       = optional(string, "read")
    query_strings = optional(bool, true)
    compress      = optional(bool, true)
  }))
  default = []

  validation {
    condition     = alltrue([for b in var.ordered_behaviors : b.min_ttl >= 0 && b.min_ttl <= b.default_ttl && b.default_ttl <= b.max_ttl && b.max_ttl <= 31536000])
    error_message = "ordered_behaviors TTLs must satisfy 0 <= min_ttl <= default_ttl <= max_ttl <= 31536000."
  }

  validation {
    condition     = alltrue([for b in var.ordered_behaviors : contains(["read", "all"], b.methods)])
    error_message = "ordered_behaviors methods must be read or all."
  }

  validation {
    condition     = alltrue([for b in var.ordered_behaviors : contains(keys(var.origins), b.origin)])
    error_message = "Each ordered_behaviors origin must be a key of origins."
  }

  validation {
    condition     = alltrue([for b in var.ordered_behaviors : b.methods == "read" || try(var.origins[b.origin].failover_domain_name, null) == null])
    error_message = "CloudFront sends only GET, HEAD and OPTIONS to an origin group: a behaviour with methods all cannot use an origin with failover_domain_name."
  }

  validation {
    condition     = alltrue([for b in var.ordered_behaviors : can(regex("^/?[^\\s]{1,254}$", b.path))]) && length(distinct([for b in var.ordered_behaviors : b.path])) == length(var.ordered_behaviors)
    error_message = "ordered_behaviors paths must be distinct path patterns without whitespace (e.g. /images/*)."
  }
}

variable "price_class" {
  description = "PriceClass_All, PriceClass_200 or PriceClass_100 (which edge locations serve)."
  type        = string
  default     = "PriceClass_All"

  validation {
    condition     = contains(["PriceClass_All", "PriceClass_200", "PriceClass_100"], var.price_class)
    error_message = "price_class must be PriceClass_All, PriceClass_200 or PriceClass_100."
  }
}

variable "geo_restriction" {
  description = "Countries served (whitelist) or refused (blacklist), ISO 3166-1 alpha-2; type none serves every country."
  type = object({
    type      = optional(string, "none")
    countries = optional(list(string), [])
  })
  default = {}

  validation {
    condition     = contains(["none", "whitelist", "blacklist"], var.geo_restriction.type)
    error_message = "geo_restriction type must be none, whitelist or blacklist."
  }

  validation {
    condition     = (var.geo_restriction.type == "none") == (length(var.geo_restriction.countries) == 0) && alltrue([for c in var.geo_restriction.countries : can(regex("^[A-Z]{2}$", c))])
    error_message = "geo_restriction countries must be ISO 3166-1 alpha-2 codes, given exactly when type is whitelist or blacklist."
  }
}

variable "web_acl_arn" {
  description = "ARN of a CLOUDFRONT-scope WAFv2 web ACL (module.waf_cloudfront.web_acl_arn) to attach; null attaches none."
  type        = string
  default     = null

  validation {
    condition     = var.web_acl_arn == null ? true : can(regex("^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global/webacl/", var.web_acl_arn))
    error_message = "web_acl_arn must be the ARN of a global (CLOUDFRONT-scope) WAFv2 web ACL in us-east-1."
  }
}

variable "logging" {
  description = "Standard access logs to the <name>-cdn-logs bucket this module creates (in the provider's region, us-east-1). The logs hold viewer IP addresses."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Days access logs are kept in the log bucket."
  type        = number
  default     = 365

  validation {
    condition     = var.log_retention_days >= 1 && var.log_retention_days <= 3650 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number of days between 1 and 3650."
  }
}

variable "tags" {
  description = "Tags for every resource that takes them."
  type        = map(string)
  default     = {}
}
