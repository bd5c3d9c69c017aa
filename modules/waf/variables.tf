variable "name" {
  description = "Name of the web ACL; also the prefix of rule metric names and of the log group (aws-waf-logs-<name>)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,128}$", var.name))
    error_message = "name must be 1-128 characters of letters, digits, hyphens and underscores."
  }
}

variable "scope" {
  description = "REGIONAL (ALB / API Gateway, one web ACL per region) or CLOUDFRONT (only through a us-east-1 provider)."
  type        = string
  default     = "REGIONAL"

  validation {
    condition     = contains(["REGIONAL", "CLOUDFRONT"], var.scope)
    error_message = "scope must be REGIONAL or CLOUDFRONT."
  }
}

variable "managed_rule_groups" {
  description = "AWS managed rule groups (vendor AWS) evaluated in list order after the geo and rate rules. Bot Control is configured through bot_control, not here."
  type        = list(string)
  default = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
  ]

  validation {
    condition     = alltrue([for g in var.managed_rule_groups : can(regex("^AWSManagedRules[A-Za-z0-9]{1,100}$", g))])
    error_message = "managed_rule_groups entries must be AWS managed rule group names (AWSManagedRules...)."
  }

  validation {
    condition     = length(distinct(var.managed_rule_groups)) == length(var.managed_rule_groups)
    error_message = "managed_rule_groups must not contain duplicates."
  }

  validation {
    condition     = length(var.managed_rule_groups) <= 50
    error_message = "managed_rule_groups supports at most 50 groups."
  }

  validation {
    condition = length(setintersection(var.managed_rule_groups, [
      "AWSManagedRulesBotControlRuleSet", "AWSManagedRulesATPRuleSet", "AWSManagedRulesACFPRuleSet",
    ])) == 0
    error_message = "Bot Control is enabled through bot_control; ATP/ACFP need configuration this module does not provide."
  }
}

variable "managed_rule_count_overrides" {
  description = "Per managed rule group, names of rules inside it whose action is overridden to COUNT (e.g. { AWSManagedRulesCommonRuleSet = [\"SizeRestrictions_BODY\"] } for large API payloads)."
  type        = map(list(string))
  default     = {}

  validation {
    condition     = alltrue([for g in keys(var.managed_rule_count_overrides) : contains(var.managed_rule_groups, g)])
    error_message = "managed_rule_count_overrides keys must be listed in managed_rule_groups."
  }

  validation {
    condition = alltrue(flatten([
      for g, rules in var.managed_rule_count_overrides : [for r in rules : can(regex("^[A-Za-z0-9_-]{1,128}$", r))]
    ]))
    error_message = "managed_rule_count_overrides rule names must be 1-128 letters, digits, hyphens or underscores."
  }
}

variable "bot_control" {
  description = "AWS WAF Bot Control (AWSManagedRulesBotControlRuleSet), evaluated last. captcha_rules are Bot Control rule names whose action becomes CAPTCHA; count_rules become COUNT (e.g. SignalNonBrowserUserAgent for machine API clients)."
  type = object({
    enabled                  = bool
    inspection_level         = optional(string, "COMMON")
    captcha_rules            = optional(list(string), ["SignalAutomatedBrowser"])
    count_rules              = optional(list(string), [])
    captcha_immunity_seconds = optional(number, 300)
  })
  default = {
    enabled = false
  }

  validation {
    condition     = var.bot_control != null
    error_message = "bot_control must not be null; use { enabled = false }."
  }

  validation {
    condition     = contains(["COMMON", "TARGETED"], var.bot_control.inspection_level)
    error_message = "bot_control.inspection_level must be COMMON or TARGETED."
  }

  validation {
    condition = alltrue([
      for r in concat(var.bot_control.captcha_rules, var.bot_control.count_rules) : can(regex("^[A-Za-z0-9_-]{1,128}$", r))
    ])
    error_message = "bot_control rule names must be 1-128 letters, digits, hyphens or underscores."
  }

  validation {
    condition     = length(setintersection(var.bot_control.captcha_rules, var.bot_control.count_rules)) == 0
    error_message = "A Bot Control rule cannot be both in captcha_rules and count_rules."
  }

  validation {
    condition     = var.bot_control.captcha_immunity_seconds >= 60 && var.bot_control.captcha_immunity_seconds <= 259200
    error_message = "bot_control.captcha_immunity_seconds must be between 60 and 259200."
  }
}

variable "rate_limits" {
  description = "Rate-based rules keyed by rule name (e.g. api, login, webhook), aggregated per client IP. limit is requests per evaluation_window_sec; path_prefix scopes the rule down to URI paths starting with it (case-insensitive, after URL-decoding and path normalisation)."
  type = map(object({
    limit                 = number
    evaluation_window_sec = optional(number, 300)
    path_prefix           = optional(string)
    action                = optional(string, "block")
  }))
  default = {}

  validation {
    condition     = alltrue([for k in keys(var.rate_limits) : can(regex("^[A-Za-z0-9_-]{1,100}$", k))])
    error_message = "rate_limits keys must be 1-100 letters, digits, hyphens or underscores."
  }

  validation {
    condition     = length(var.rate_limits) <= 100
    error_message = "rate_limits supports at most 100 rules."
  }

  validation {
    condition     = alltrue([for r in values(var.rate_limits) : r.limit >= 10 && r.limit <= 2000000000 && floor(r.limit) == r.limit])
    error_message = "rate_limits limit must be an integer between 10 and 2000000000."
  }

  validation {
    condition     = alltrue([for r in values(var.rate_limits) : contains([60, 120, 300, 600], r.evaluation_window_sec)])
    error_message = "rate_limits evaluation_window_sec must be one of 60, 120, 300, 600."
  }

  validation {
    condition     = alltrue([for r in values(var.rate_limits) : contains(["block", "captcha", "count"], r.action)])
    error_message = "rate_limits action must be block, captcha or count."
  }

  validation {
    condition = alltrue([
      for r in values(var.rate_limits) : r.path_prefix == null ? true : can(regex("^/[^\\s]{0,199}$", r.path_prefix))
    ])
    error_message = "rate_limits path_prefix must start with / and be at most 200 characters without whitespace."
  }
}

variable "blocked_countries" {
  description = "ISO 3166-1 alpha-2 country codes whose requests are blocked outright (first rule)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.blocked_countries : can(regex("^[A-Z]{2}$", c))])
    error_message = "blocked_countries must be upper-case ISO 3166-1 alpha-2 codes (e.g. KP)."
  }

  validation {
    condition     = length(distinct(var.blocked_countries)) == length(var.blocked_countries)
    error_message = "blocked_countries must not contain duplicates."
  }
}

variable "admin_allowed_countries" {
  description = "When set, requests whose URI path starts with path_prefix (case-insensitive) from outside countries are blocked."
  type = object({
    path_prefix = string
    countries   = list(string)
  })
  default = null

  validation {
    condition     = var.admin_allowed_countries == null ? true : can(regex("^/[^\\s]{0,199}$", var.admin_allowed_countries.path_prefix))
    error_message = "admin_allowed_countries.path_prefix must start with / and be at most 200 characters without whitespace."
  }

  validation {
    condition = var.admin_allowed_countries == null ? true : (
      length(var.admin_allowed_countries.countries) > 0 &&
      alltrue([for c in var.admin_allowed_countries.countries : can(regex("^[A-Z]{2}$", c))])
    )
    error_message = "admin_allowed_countries.countries must be a non-empty list of upper-case ISO 3166-1 alpha-2 codes."
  }
}

variable "custom_block_response" {
  description = "Optional custom response body for the module's own block rules: geo/admin blocks answer 403 with content, rate-limit blocks answer 429 with rate_limit_content (or content). null keeps WAF's default 403."
  type = object({
    content            = string
    content_type       = optional(string, "APPLICATION_JSON")
    rate_limit_content = optional(string)
  })
  default = null

  validation {
    condition = var.custom_block_response == null ? true : contains(
      ["TEXT_PLAIN", "TEXT_HTML", "APPLICATION_JSON"], var.custom_block_response.content_type
    )
    error_message = "custom_block_response.content_type must be TEXT_PLAIN, TEXT_HTML or APPLICATION_JSON."
  }

  validation {
    condition = var.custom_block_response == null ? true : (
      length(var.custom_block_response.content) > 0 && length(var.custom_block_response.content) <= 10240 &&
      (var.custom_block_response.rate_limit_content == null ? true : (
        length(var.custom_block_response.rate_limit_content) > 0 && length(var.custom_block_response.rate_limit_content) <= 10240
      ))
    )
    error_message = "custom_block_response contents must be 1-10240 characters."
  }
}

variable "log_retention_days" {
  description = "Retention of the WAF log group in days (a CloudWatch Logs allowed value)."
  type        = number
  default     = 365

  validation {
    condition = contains([
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "log_kms_key_arn" {
  description = "ARN of a customer-managed KMS key (same region as the web ACL) encrypting the WAF log group; its policy must allow logs.<region>.amazonaws.com. null: the module creates a rotating key usable by CloudWatch Logs only for this log group."
  type        = string
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or null."
  }
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period (7-30 days) before the module-created log key is deleted after it is scheduled for deletion."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30 && floor(var.kms_key_deletion_window_in_days) == var.kms_key_deletion_window_in_days
    error_message = "kms_key_deletion_window_in_days must be a whole number between 7 and 30."
  }
}

variable "redacted_headers" {
  description = "Request headers redacted from WAF logs."
  type        = list(string)
  default     = ["authorization", "cookie"]

  validation {
    condition     = alltrue([for h in var.redacted_headers : can(regex("^[A-Za-z0-9_.-]{1,64}$", h))])
    error_message = "redacted_headers must be HTTP header names (1-64 letters, digits, hyphens, underscores or dots)."
  }

  validation {
    condition     = length(var.redacted_headers) <= 100
    error_message = "At most 100 redacted fields are supported."
  }
}

variable "association_resource_arns" {
  description = "ARNs of regional resources (ALBs, API Gateway REST API stages) to protect; REGIONAL scope only (CloudFront distributions reference web_acl_arn themselves). Append to the list: entries are addressed by position."
  type        = list(string)
  default     = []

  validation {
    condition = alltrue([
      for a in var.association_resource_arns : can(regex(
        "^arn:aws[a-z-]*:(elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:loadbalancer/app/[A-Za-z0-9-]+/[a-f0-9]+|apigateway:[a-z0-9-]+::/restapis/[A-Za-z0-9]+/stages/[A-Za-z0-9_-]+)$",
        a
      ))
    ])
    error_message = "association_resource_arns must be ALB (loadbalancer/app/...) or API Gateway REST stage (/restapis/<id>/stages/<stage>) ARNs."
  }

  validation {
    condition     = length(distinct(var.association_resource_arns)) == length(var.association_resource_arns)
    error_message = "association_resource_arns must not contain duplicates."
  }

  validation {
    condition     = var.scope == "REGIONAL" || length(var.association_resource_arns) == 0
    error_message = "association_resource_arns can only be used with REGIONAL scope; attach a CLOUDFRONT web ACL through the distribution's web_acl_id."
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
