variable "name" {
  description = "Prefix for resource names, e.g. \"bizflow-production-ap-south-1\". Lowercase letters, digits and hyphens, 1-48 characters, starting and ending with a letter or digit. IAM is global, so include the region to keep the flow-log role name unique per region."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$", var.name))
    error_message = "name must be 1-48 characters of lowercase letters, digits and hyphens, and must start and end with a letter or digit."
  }

  validation {
    condition     = var.name != "aws"
    error_message = "name must not be \"aws\": the KMS alias \"alias/aws/...\" is reserved for AWS managed keys."
  }
}

variable "cidr" {
  description = "IPv4 CIDR block of the VPC, in canonical form (network address), with a prefix length between /16 and /24 (the sizes AWS accepts for a VPC)."
  type        = string

  validation {
    condition = (
      can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", var.cidr)) &&
      try(cidrsubnet(var.cidr, 0, 0) == var.cidr, false) &&
      try(tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 24, false)
    )
    error_message = "cidr must be a canonical IPv4 CIDR block (e.g. \"10.1.0.0/16\") with a prefix length between /16 and /24."
  }
}

variable "az_count" {
  description = "Number of Availability Zones to use (1-6). The first az_count zones (sorted by name) of the region that are available and need no opt-in are used."
  type        = number

  validation {
    condition     = var.az_count >= 1 && var.az_count <= 6 && floor(var.az_count) == var.az_count
    error_message = "az_count must be a whole number between 1 and 6."
  }
}

variable "public_subnets" {
  description = "IPv4 CIDR blocks of the public subnets, one per AZ in AZ order (length must equal az_count). Each must be a canonical /16-/28 block inside the VPC CIDR."
  type        = list(string)

  validation {
    condition     = length(var.public_subnets) == var.az_count
    error_message = "public_subnets must contain exactly one CIDR block per AZ (length must equal az_count)."
  }

  validation {
    condition = alltrue([
      for c in var.public_subnets : (
        can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", c)) &&
        try(cidrsubnet(c, 0, 0) == c, false) &&
        try(tonumber(split("/", c)[1]) >= 16 && tonumber(split("/", c)[1]) <= 28, false)
      )
    ])
    error_message = "Each public_subnets entry must be a canonical IPv4 CIDR block (e.g. \"10.1.1.0/24\") with a prefix length between /16 and /28."
  }

  validation {
    # Skipped when var.cidr itself is malformed: its own validation reports that.
    condition = !can(cidrhost(var.cidr, 0)) || alltrue([
      for c in var.public_subnets : try(
        tonumber(split("/", c)[1]) >= tonumber(split("/", var.cidr)[1]) &&
        cidrhost("${split("/", c)[0]}/${split("/", var.cidr)[1]}", 0) == cidrhost(var.cidr, 0),
      false)
    ])
    error_message = "Every public_subnets entry must lie inside the VPC cidr."
  }
}

variable "private_subnets" {
  description = "IPv4 CIDR blocks of the private subnets, one per AZ in AZ order (length must equal az_count). Each must be a canonical /16-/28 block inside the VPC CIDR."
  type        = list(string)

  validation {
    condition     = length(var.private_subnets) == var.az_count
    error_message = "private_subnets must contain exactly one CIDR block per AZ (length must equal az_count)."
  }

  validation {
    condition = alltrue([
      for c in var.private_subnets : (
        can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", c)) &&
        try(cidrsubnet(c, 0, 0) == c, false) &&
        try(tonumber(split("/", c)[1]) >= 16 && tonumber(split("/", c)[1]) <= 28, false)
      )
    ])
    error_message = "Each private_subnets entry must be a canonical IPv4 CIDR block (e.g. \"10.1.11.0/24\") with a prefix length between /16 and /28."
  }

  validation {
    condition = !can(cidrhost(var.cidr, 0)) || alltrue([
      for c in var.private_subnets : try(
        tonumber(split("/", c)[1]) >= tonumber(split("/", var.cidr)[1]) &&
        cidrhost("${split("/", c)[0]}/${split("/", var.cidr)[1]}", 0) == cidrhost(var.cidr, 0),
      false)
    ])
    error_message = "Every private_subnets entry must lie inside the VPC cidr."
  }
}

variable "database_subnets" {
  description = "IPv4 CIDR blocks of the database subnets, one per AZ in AZ order (length must equal az_count). Each must be a canonical /16-/28 block inside the VPC CIDR."
  type        = list(string)

  validation {
    condition     = length(var.database_subnets) == var.az_count
    error_message = "database_subnets must contain exactly one CIDR block per AZ (length must equal az_count)."
  }

  validation {
    condition = alltrue([
      for c in var.database_subnets : (
        can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", c)) &&
        try(cidrsubnet(c, 0, 0) == c, false) &&
        try(tonumber(split("/", c)[1]) >= 16 && tonumber(split("/", c)[1]) <= 28, false)
      )
    ])
    error_message = "Each database_subnets entry must be a canonical IPv4 CIDR block (e.g. \"10.1.21.0/24\") with a prefix length between /16 and /28."
  }

  validation {
    condition = !can(cidrhost(var.cidr, 0)) || alltrue([
      for c in var.database_subnets : try(
        tonumber(split("/", c)[1]) >= tonumber(split("/", var.cidr)[1]) &&
        cidrhost("${split("/", c)[0]}/${split("/", var.cidr)[1]}", 0) == cidrhost(var.cidr, 0),
      false)
    ])
    error_message = "Every database_subnets entry must lie inside the VPC cidr."
  }
}

variable "nat_strategy" {
  description = "NAT gateway layout: \"per_az\" (one NAT gateway + EIP per AZ, private route tables use the NAT of their AZ), \"single\" (one NAT gateway in the first AZ shared by all private route tables) or \"none\" (no NAT; private subnets have no default route)."
  type        = string
  default     = "per_az"

  validation {
    condition     = contains(["per_az", "single", "none"], var.nat_strategy)
    error_message = "nat_strategy must be one of \"per_az\", \"single\" or \"none\"."
  }
}

variable "flow_log_retention_days" {
  description = "Retention in days of the VPC flow log CloudWatch log group. Must be a value CloudWatch Logs accepts."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "flow_log_traffic_type" {
  description = "Traffic captured by the VPC flow log: \"ACCEPT\", \"REJECT\" or \"ALL\"."
  type        = string
  default     = "ALL"

  validation {
    condition     = contains(["ACCEPT", "REJECT", "ALL"], var.flow_log_traffic_type)
    error_message = "flow_log_traffic_type must be one of \"ACCEPT\", \"REJECT\" or \"ALL\"."
  }
}

variable "flow_log_kms_key_arn" {
  description = "ARN of an existing customer-managed KMS key (in the same region) used to encrypt the flow log group. Its key policy must allow the CloudWatch Logs service principal. When null, the module creates a dedicated key with rotation enabled and alias \"alias/<name>/flow-logs\"."
  type        = string
  default     = null

  validation {
    condition     = var.flow_log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.flow_log_kms_key_arn))
    error_message = "flow_log_kms_key_arn must be null or a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>); aliases are not accepted by CloudWatch Logs."
  }
}

variable "public_subnet_tags" {
  description = "Extra tags for the public subnets (e.g. { \"kubernetes.io/role/elb\" = \"1\" })."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.public_subnet_tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])
    error_message = "public_subnet_tags keys must be 1-128 characters and not start with \"aws:\"; values at most 256 characters."
  }
}

variable "private_subnet_tags" {
  description = "Extra tags for the private subnets (e.g. { \"kubernetes.io/role/internal-elb\" = \"1\", \"karpenter.sh/discovery\" = \"<cluster>\" })."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.private_subnet_tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])
    error_message = "private_subnet_tags keys must be 1-128 characters and not start with \"aws:\"; values at most 256 characters."
  }
}

variable "database_subnet_tags" {
  description = "Extra tags for the database subnets."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.database_subnet_tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])
    error_message = "database_subnet_tags keys must be 1-128 characters and not start with \"aws:\"; values at most 256 characters."
  }
}

variable "tags" {
  description = "Tags applied to every taggable resource created by the module."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")])
    error_message = "tags keys must be 1-128 characters and not start with \"aws:\"; values at most 256 characters."
  }
}
