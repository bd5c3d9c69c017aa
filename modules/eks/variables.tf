variable "cluster_name" {
  description = "Name of the EKS cluster (1-100 characters, starts with a letter or digit, then letters, digits, hyphens or underscores). Also used as the prefix of every resource name the module creates."
  type        = string

  validation {
    condition     = length(var.cluster_name) >= 1 && length(var.cluster_name) <= 100 && can(regex("^[0-9A-Za-z][0-9A-Za-z_-]*$", var.cluster_name))
    error_message = "cluster_name must be 1-100 characters, start with a letter or digit and contain only letters, digits, hyphens and underscores."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane (and of the managed node groups, which follow the control plane)."
  type        = string
  default     = "1.32"

  validation {
    condition     = contains(["1.28", "1.29", "1.30", "1.31", "1.32", "1.33"], var.kubernetes_version)
    error_message = "kubernetes_version must be one of the versions EKS supports: 1.28, 1.29, 1.30, 1.31, 1.32, 1.33."
  }
}

variable "vpc_id" {
  description = "ID of the VPC the cluster runs in. Every subnet in subnet_ids must belong to it (checked before the cluster is created)."
  type        = string

  validation {
    condition     = can(regex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "subnet_ids" {
  description = "Private subnet IDs of the region (at least two, in at least two Availability Zones) used by the control plane ENIs, the managed node groups and the Fargate profiles."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && length(var.subnet_ids) == length(distinct(var.subnet_ids))
    error_message = "subnet_ids must contain at least two distinct subnet IDs."
  }

  validation {
    condition     = alltrue([for s in var.subnet_ids : can(regex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$", s))])
    error_message = "Every element of subnet_ids must look like subnet-0123456789abcdef0."
  }
}

variable "endpoint_public_access" {
  description = "Whether the Kubernetes API server endpoint is reachable from the internet. The private endpoint is always enabled."
  type        = bool
  default     = false
}

variable "endpoint_public_access_cidrs" {
  description = "IPv4 CIDR blocks allowed to reach the public API endpoint. Required (non-empty) when endpoint_public_access is true; 0.0.0.0/0 (or any /0) is never accepted."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.endpoint_public_access_cidrs : can(cidrhost(c, 0)) && can(regex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$", c))])
    error_message = "Every element of endpoint_public_access_cidrs must be a valid IPv4 CIDR block such as 203.0.113.0/24."
  }

  validation {
    condition     = alltrue([for c in var.endpoint_public_access_cidrs : !can(regex("/0$", c))])
    error_message = "endpoint_public_access_cidrs must never contain 0.0.0.0/0 (or any /0 block): list the specific networks that need the public endpoint."
  }

  validation {
    condition     = !var.endpoint_public_access || length(var.endpoint_public_access_cidrs) > 0
    error_message = "endpoint_public_access = true requires a non-empty endpoint_public_access_cidrs list."
  }
}

variable "secrets_kms_key_arn" {
  description = "ARN of an existing customer-managed KMS key for envelope encryption of Kubernetes secrets. null: the module creates a key (with rotation) and uses it."
  type        = string
  default     = null

  validation {
    condition     = var.secrets_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-zA-Z-]+$", var.secrets_kms_key_arn))
    error_message = "secrets_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or null."
  }
}

variable "log_retention_days" {
  description = "Retention in days of the control-plane log group /aws/eks/<cluster_name>/cluster (a value CloudWatch Logs accepts; 0 = never expire)."
  type        = number
  default     = 365

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "log_kms_key_arn" {
  description = "ARN of an existing KMS key for the control-plane log group (its policy must allow logs.<region>.amazonaws.com). null: use the module's own key, whose policy grants CloudWatch Logs access scoped to this log group."
  type        = string
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-zA-Z-]+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or null."
  }
}

variable "ebs_kms_key_arn" {
  description = "ARN of an existing KMS key for the node root volumes (its policy must let the AWSServiceRoleForAutoScaling service-linked role use the key and create grants). null: use the module's own key, whose policy does that."
  type        = string
  default     = null

  validation {
    condition     = var.ebs_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-zA-Z-]+$", var.ebs_kms_key_arn))
    error_message = "ebs_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or null."
  }
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period (7-30 days) before the module-created KMS key is deleted after it is scheduled for deletion."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30 && floor(var.kms_key_deletion_window_in_days) == var.kms_key_deletion_window_in_days
    error_message = "kms_key_deletion_window_in_days must be a whole number between 7 and 30."
  }
}

variable "admin_role_arns" {
  description = "IAM role ARNs that get an EKS access entry with AmazonEKSClusterAdminPolicy at cluster scope. The cluster creator gets no implicit admin access, so list the roles (e.g. the deploy role) that must administer the cluster."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.admin_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[0-9A-Za-z+=,.@_/-]{1,512}$", a))])
    error_message = "Every element of admin_role_arns must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)."
  }

  validation {
    condition     = length(var.admin_role_arns) == length(distinct(var.admin_role_arns))
    error_message = "admin_role_arns must not contain duplicates."
  }
}

variable "node_groups" {
  description = <<-EOT
    Managed node groups keyed by node group name. Each entry: instance_types, capacity_type (ON_DEMAND or SPOT),
    min_size <= desired_size <= max_size, disk_size_gb (encrypted gp3 root volume), ami_type (an AL2023 EKS AMI type;
    null derives it from the first instance type: NVIDIA for g*/p* GPU families, ARM_64 for Graviton families,
    NEURON for inf*/trn*, x86_64 STANDARD otherwise), Kubernetes labels and taints.
  EOT
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = number
    desired_size   = number
    max_size       = number
    disk_size_gb   = optional(number, 50)
    ami_type       = optional(string)
    labels         = optional(map(string), {})
    taints = optional(list(object({
      key    = string
      value  = optional(string)
      effect = string
    })), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for k, _ in var.node_groups : can(regex("^[0-9A-Za-z][0-9A-Za-z_-]{0,62}$", k))])
    error_message = "node_groups keys (node group names) must be 1-63 characters, start with a letter or digit and contain only letters, digits, hyphens and underscores."
  }

  validation {
    condition = alltrue([for ng in var.node_groups :
      length(ng.instance_types) >= 1 && alltrue([for t in ng.instance_types : can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", t))])
    ])
    error_message = "Each node group needs at least one instance type, written like t3.large or g4dn.xlarge."
  }

  validation {
    condition     = alltrue([for ng in var.node_groups : contains(["ON_DEMAND", "SPOT"], ng.capacity_type)])
    error_message = "capacity_type must be ON_DEMAND or SPOT."
  }

  validation {
    condition = alltrue([for ng in var.node_groups :
      ng.min_size >= 0 && ng.max_size >= 1 &&
      floor(ng.min_size) == ng.min_size && floor(ng.desired_size) == ng.desired_size && floor(ng.max_size) == ng.max_size
    ])
    error_message = "Node group sizes must be whole numbers with min_size >= 0 and max_size >= 1."
  }

  validation {
    condition     = alltrue([for ng in var.node_groups : ng.min_size <= ng.desired_size && ng.desired_size <= ng.max_size])
    error_message = "Each node group must satisfy min_size <= desired_size <= max_size."
  }

  validation {
    condition     = alltrue([for ng in var.node_groups : ng.disk_size_gb >= 20 && ng.disk_size_gb <= 16384 && floor(ng.disk_size_gb) == ng.disk_size_gb])
    error_message = "disk_size_gb must be a whole number between 20 (the AL2023 AMI snapshot size) and 16384 (the gp3 maximum)."
  }

  validation {
    condition = alltrue([for ng in var.node_groups :
      ng.ami_type == null ? true : contains(["AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "AL2023_x86_64_NVIDIA", "AL2023_ARM_64_NVIDIA", "AL2023_x86_64_NEURON"], ng.ami_type)
    ])
    error_message = "ami_type must be null (derived from the instance type) or one of AL2023_x86_64_STANDARD, AL2023_ARM_64_STANDARD, AL2023_x86_64_NVIDIA, AL2023_ARM_64_NVIDIA, AL2023_x86_64_NEURON."
  }

  validation {
    condition = alltrue(flatten([for ng in var.node_groups : [for k, v in ng.labels :
      length(k) <= 317 && can(regex("^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", k)) &&
      can(regex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$", v))
    ]]))
    error_message = "Node group labels must be valid Kubernetes label keys ([prefix/]name, name <= 63 characters) and values (<= 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric)."
  }

  validation {
    condition     = alltrue([for ng in var.node_groups : length(ng.taints) <= 50])
    error_message = "A node group accepts at most 50 taints."
  }

  validation {
    condition = alltrue(flatten([for ng in var.node_groups : [for t in ng.taints :
      length(t.key) <= 317 && can(regex("^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", t.key)) &&
      (t.value == null ? true : can(regex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$", t.value)))
    ]]))
    error_message = "Taint keys must be valid Kubernetes keys and taint values at most 63 alphanumerics, '-', '_' or '.'."
  }

  validation {
    condition = alltrue(flatten([for ng in var.node_groups : [for t in ng.taints :
      contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], t.effect)
    ]]))
    error_message = "Taint effect must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }
}

variable "fargate_profiles" {
  description = "Fargate profiles keyed by profile name (e.g. whatsapp-worker). Each has 1-5 selectors of a namespace plus optional labels (at most 5). Pods run in subnet_ids."
  type = map(object({
    selectors = list(object({
      namespace = string
      labels    = optional(map(string), {})
    }))
  }))
  default = {}

  validation {
    condition     = alltrue([for k, _ in var.fargate_profiles : can(regex("^[0-9A-Za-z][0-9A-Za-z_-]{0,99}$", k))])
    error_message = "fargate_profiles keys (profile names) must be 1-100 characters, start with a letter or digit and contain only letters, digits, hyphens and underscores."
  }

  validation {
    condition     = alltrue([for p in var.fargate_profiles : length(p.selectors) >= 1 && length(p.selectors) <= 5])
    error_message = "Each Fargate profile needs 1 to 5 selectors."
  }

  validation {
    condition = alltrue(flatten([for p in var.fargate_profiles : [for s in p.selectors :
      can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", s.namespace)) && length(s.labels) <= 5
    ]]))
    error_message = "Each selector needs a valid Kubernetes namespace name (DNS label, <= 63 characters) and at most 5 labels."
  }
}

variable "addons" {
  description = "EKS add-ons keyed by add-on name; version null lets EKS pick its default version for the cluster version. configuration_values is optional JSON. vpc-cni and aws-ebs-csi-driver get IRSA roles from the module."
  type = map(object({
    version              = optional(string)
    configuration_values = optional(string)
  }))
  default = {
    "vpc-cni"                = {}
    "coredns"                = {}
    "kube-proxy"             = {}
    "aws-ebs-csi-driver"     = {}
    "eks-pod-identity-agent" = {}
  }

  validation {
    condition     = alltrue([for k, _ in var.addons : can(regex("^[a-z0-9][a-z0-9_-]{0,99}$", k))])
    error_message = "addons keys must be EKS add-on names such as vpc-cni or aws-ebs-csi-driver."
  }

  validation {
    condition     = alltrue([for a in var.addons : a.version == null ? true : can(regex("^v[0-9]+\\.[0-9]+\\.[0-9]+", a.version))])
    error_message = "An add-on version must look like v1.19.2-eksbuild.1 (or be null for the EKS default)."
  }

  validation {
    condition     = alltrue([for a in var.addons : a.configuration_values == null ? true : can(jsondecode(a.configuration_values))])
    error_message = "An add-on configuration_values must be valid JSON (or null)."
  }
}

variable "enable_node_ssm_access" {
  description = "Attach AmazonSSMManagedInstanceCore to the node role so nodes can be reached with SSM Session Manager (no SSH keys are ever configured)."
  type        = bool
  default     = false
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

variable "target_group_binding_arns" {
  description = "Target groups of the region's load balancer (name => ARN) that Kubernetes services join through the AWS Load Balancer Controller's TargetGroupBinding. Non-empty: the module creates the controller's IRSA role (kube-system/aws-load-balancer-controller), allowed to register and deregister targets in exactly these groups and to open the cluster security group to the load balancer; it cannot create load balancers of its own."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.target_group_binding_arns) : can(regex("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/", arn))])
    error_message = "target_group_binding_arns values must be target group ARNs (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)."
  }
}

variable "karpenter" {
  description = "Create what the Karpenter controller needs outside Kubernetes: its IRSA role (kube-system/karpenter) with a least-privilege policy in the shape of Karpenter v1's controller policy (launches only in resources tagged karpenter.sh/discovery = cluster_name, passes only the node role), and an SQS interruption queue fed by EventBridge rules for Spot interruptions, rebalance recommendations, instance state changes and scheduled AWS Health events."
  type        = bool
  default     = false
}

variable "container_insights" {
  description = "Install the amazon-cloudwatch-observability add-on (Container Insights: the CloudWatch agent with its own IRSA role), which publishes the cluster's node and pod metrics; the node alarms need it."
  type        = bool
  default     = true
  nullable    = false
}

variable "alarm_actions" {
  description = "Severity => SNS topic ARNs told when an alarm changes state (the notifications module's topic_arns). Alarms are created with Container Insights; {} means nobody is told. An alarm whose severity is not a key goes to the \"critical\" topics."
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
    CloudWatch alarms on the cluster's nodes, from Container Insights (so only with container_insights; each: enabled, threshold, minutes the condition must hold, severity):
    - node_count: cluster_node_count below threshold nodes (default: the node groups' min_size summed; none when that is 0) for 5 min, critical; a cluster that stops reporting breaches.
    - failed_nodes: cluster_failed_node_count above threshold (default 0 for 5 min, warning).
  EOT
  type = object({
    node_count = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number)
      minutes   = optional(number, 5)
      severity  = optional(string, "critical")
    }), {})
    failed_nodes = optional(object({
      enabled   = optional(bool, true)
      threshold = optional(number, 0)
      minutes   = optional(number, 5)
      severity  = optional(string, "warning")
    }), {})
  })
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for a in values(var.alarms) : a.minutes >= 1 && a.minutes <= 1440 && floor(a.minutes) == a.minutes && (a.threshold == null ? true : a.threshold >= 0)])
    error_message = "Alarm minutes must be a whole number from 1 to 1440 and thresholds must not be negative."
  }

  validation {
    condition     = alltrue([for a in values(var.alarms) : can(regex("^[a-z][a-z0-9-]{0,15}$", a.severity))])
    error_message = "Alarm severities must be 1-16 lowercase letters, digits or '-', starting with a letter."
  }
}
