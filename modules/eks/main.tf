data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

# Looked up only to check, before the cluster is created, that the subnets belong to
# var.vpc_id and span at least two Availability Zones. count (not for_each) so that
# subnet IDs unknown at plan time (created in the same apply) are accepted.
data "aws_subnet" "this" {
  count = length(var.subnet_ids)

  id = var.subnet_ids[count.index]
}

locals {
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  dns_suffix = data.aws_partition.current.dns_suffix

  # IAM is global: role names use name_prefix so the same cluster name can exist in
  # several regions of one account. name_prefix accepts at most 38 characters.
  iam_prefix = substr(var.cluster_name, 0, 24)

  karpenter_discovery_tag = { "karpenter.sh/discovery" = var.cluster_name }

  tags = merge(var.tags, local.karpenter_discovery_tag)

  log_group_name = "/aws/eks/${var.cluster_name}/cluster"
  log_group_arn  = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"

  # --- KMS -------------------------------------------------------------------
  create_kms_key      = var.secrets_kms_key_arn == null || var.log_kms_key_arn == null || var.ebs_kms_key_arn == null
  secrets_kms_key_arn = var.secrets_kms_key_arn != null ? var.secrets_kms_key_arn : aws_kms_key.this[0].arn
  log_kms_key_arn     = var.log_kms_key_arn != null ? var.log_kms_key_arn : aws_kms_key.this[0].arn
  ebs_kms_key_arn     = var.ebs_kms_key_arn != null ? var.ebs_kms_key_arn : aws_kms_key.this[0].arn

  autoscaling_service_role_arn = "arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"

  kms_key_policy_statements = concat(
    [{
      # Standard default statement: delegates access control to IAM in this account
      # and keeps the key manageable (no lock-out).
      Sid       = "EnableIAMPoliciesInAccount"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }],
    [for st in [{
      Sid       = "AllowCloudWatchLogsForClusterLogGroup"
      Effect    = "Allow"
      Principal = { Service = "logs.${local.region}.${local.dns_suffix}" }
      Action = [
        "kms:Encrypt*",
        "kms:Decrypt*",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*",
      ]
      Resource = "*"
      Condition = {
        ArnEquals = { "kms:EncryptionContext:aws:logs:arn" = local.log_group_arn }
      }
    }] : st if var.log_kms_key_arn == null],
    [for st in [
      {
        # EC2 Auto Scaling (used by managed node groups) launches the nodes and must be
        # able to use the key for their encrypted root volumes.
        Sid       = "AllowAutoScalingUseOfKeyForNodeVolumes"
        Effect    = "Allow"
        Principal = { AWS = local.autoscaling_service_role_arn }
        Action = [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ]
        Resource = "*"
      },
      {
        Sid       = "AllowAutoScalingGrantsForNodeVolumes"
        Effect    = "Allow"
        Principal = { AWS = local.autoscaling_service_role_arn }
        Action    = "kms:CreateGrant"
        Resource  = "*"
        Condition = {
          Bool = { "kms:GrantIsForAWSResource" = "true" }
        }
      },
    ] : st if var.ebs_kms_key_arn == null],
  )

  # --- Add-ons ---------------------------------------------------------------
  # DaemonSet add-ons are installed before the node groups so nodes come up with a
  # working, IRSA-backed CNI; the others need running nodes to become ACTIVE.
  # Container Insights is the CloudWatch observability add-on (the CloudWatch agent and Fluent
  # Bit as DaemonSets): it publishes the node, pod and cluster metrics the node alarms watch.
  container_insights_addon = "amazon-cloudwatch-observability"
  addons = merge(
    var.addons,
    var.container_insights && !contains(keys(var.addons), local.container_insights_addon) ? { (local.container_insights_addon) = { version = null, configuration_values = null } } : {},
  )
  before_compute_addon_names = ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"]
  addons_before_compute      = { for k, v in local.addons : k => v if contains(local.before_compute_addon_names, k) }
  addons_after_compute       = { for k, v in local.addons : k => v if !contains(local.before_compute_addon_names, k) }

  # The VPC CNI runs with its own IRSA role when the vpc-cni add-on is managed here;
  # otherwise the self-managed aws-node DaemonSet needs the policy on the node role.
  cni_on_irsa = contains(keys(local.addons), "vpc-cni")
  ebs_csi     = contains(keys(local.addons), "aws-ebs-csi-driver")

  # Add-ons whose controller calls AWS with its own IRSA role, keyed by add-on name. name,
  # title and sid are part of each role's identity (name_prefix forces replacement), so they
  # stay as they are for roles that already exist.
  irsa_role_catalogue = {
    "vpc-cni" = {
      name            = "vpc-cni"
      title           = "VPC CNI"
      sid             = "VpcCniIrsa"
      namespace       = "kube-system"
      service_account = "aws-node"
      managed_policy  = "AmazonEKS_CNI_Policy"
    }
    "aws-ebs-csi-driver" = {
      name            = "ebs-csi"
      title           = "EBS CSI controller"
      sid             = "EbsCsiIrsa"
      namespace       = "kube-system"
      service_account = "ebs-csi-controller-sa"
      managed_policy  = "service-role/AmazonEBSCSIDriverPolicy"
    }
    "amazon-cloudwatch-observability" = {
      name            = "cloudwatch"
      title           = "CloudWatch agent"
      sid             = "CloudWatchAgentIrsa"
      namespace       = "amazon-cloudwatch"
      service_account = "cloudwatch-agent"
      managed_policy  = "CloudWatchAgentServerPolicy"
    }
  }
  irsa_roles = { for k, v in local.irsa_role_catalogue : k => v if contains(keys(local.addons), k) }

  addon_service_account_role_arns = { for k, role in aws_iam_role.irsa : k => role.arn }

  oidc_issuer_host = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")

  # --- Node groups -----------------------------------------------------------
  # AMI type derived from each instance type's family, e.g. g4dn -> NVIDIA,
  # m7g / c6gn / t4g -> ARM_64, inf2 / trn1 -> NEURON, t3 / m5 / r5 -> x86_64.
  instance_type_ami = {
    for t in distinct(flatten([for ng in var.node_groups : ng.instance_types])) : t => (
      can(regex("^(g|gr|p)[0-9]", split(".", t)[0])) ? (
        can(regex("^[a-z]+[0-9]+g[a-z]*$", split(".", t)[0])) ? "AL2023_ARM_64_NVIDIA" : "AL2023_x86_64_NVIDIA"
      ) :
      can(regex("^(inf|trn)[0-9]", split(".", t)[0])) ? "AL2023_x86_64_NEURON" :
      (can(regex("^[a-z]+[0-9]+g[a-z]*$", split(".", t)[0])) || split(".", t)[0] == "a1") ? "AL2023_ARM_64_STANDARD" :
      "AL2023_x86_64_STANDARD"
    )
  }

  node_group_ami_types = {
    for k, ng in var.node_groups : k => coalesce(ng.ami_type, local.instance_type_ami[ng.instance_types[0]])
  }

  node_group_architectures = {
    for k, ng in var.node_groups : k => distinct([for t in ng.instance_types : strcontains(local.instance_type_ami[t], "ARM_64") ? "arm64" : "x86_64"])
  }

  node_role_policies = merge(
    {
      AmazonEKSWorkerNodePolicy          = "arn:${local.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy"
      AmazonEC2ContainerRegistryReadOnly = "arn:${local.partition}:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
    },
    local.cni_on_irsa ? {} : { AmazonEKS_CNI_Policy = "arn:${local.partition}:iam::aws:policy/AmazonEKS_CNI_Policy" },
    var.enable_node_ssm_access ? { AmazonSSMManagedInstanceCore = "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore" } : {},
  )
}

################################################################################
# KMS key (secrets envelope encryption, control-plane logs, node volumes)
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "EKS cluster ${var.cluster_name}: Kubernetes secrets, control-plane logs and node volumes"
  key_usage               = "ENCRYPT_DECRYPT"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.kms_key_policy_statements
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-eks" })
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/${var.cluster_name}-eks"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# Control-plane log group (created before the cluster so EKS does not create an
# unencrypted one with infinite retention)
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  # checkov:skip=CKV_AWS_338:Retention is the spec's decision (default 365 days); regionform lint RF146 warns below 365 days unless the spec states a reason beside the value, so the one-year policy is enforced where exceptions are written down.
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = local.log_kms_key_arn

  tags = merge(local.tags, { Name = local.log_group_name })

  lifecycle {
    precondition {
      condition     = var.log_kms_key_arn == null || try(split(":", var.log_kms_key_arn)[3], "") == local.region
      error_message = "log_kms_key_arn must be a key in the cluster's region (${local.region})."
    }
  }
}

################################################################################
# Cluster IAM role
################################################################################

resource "aws_iam_role" "cluster" {
  name_prefix = "${local.iam_prefix}-cluster-"
  description = "EKS control plane role of cluster ${var.cluster_name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EKSClusterAssumeRole"
      Effect    = "Allow"
      Principal = { Service = "eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-cluster" })
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

# The only permission beyond AmazonEKSClusterPolicy: use of the secrets key, scoped to it.
resource "aws_iam_role_policy" "cluster_encryption" {
  name = "secrets-encryption"
  role = aws_iam_role.cluster.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "UseSecretsEncryptionKey"
      Effect   = "Allow"
      Action   = ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"]
      Resource = local.secrets_kms_key_arn
    }]
  })
}

################################################################################
# Cluster
################################################################################

resource "aws_eks_cluster" "this" {
  name     = var.cluster_name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = var.endpoint_public_access
    public_access_cidrs     = var.endpoint_public_access ? var.endpoint_public_access_cidrs : null
  }

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = local.secrets_kms_key_arn
    }
  }

  tags = merge(local.tags, { Name = var.cluster_name })

  lifecycle {
    precondition {
      condition     = var.secrets_kms_key_arn == null || try(split(":", var.secrets_kms_key_arn)[3], "") == local.region
      error_message = "secrets_kms_key_arn must be a key in the cluster's region (${local.region})."
    }
    precondition {
      condition     = alltrue([for s in data.aws_subnet.this : s.vpc_id == var.vpc_id])
      error_message = "Every subnet in subnet_ids must belong to vpc_id ${var.vpc_id}."
    }
    precondition {
      condition     = length(distinct([for s in data.aws_subnet.this : s.availability_zone])) >= 2
      error_message = "subnet_ids must span at least two Availability Zones (an EKS requirement)."
    }
  }

  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy_attachment.cluster,
    aws_iam_role_policy.cluster_encryption,
  ]
}

# Karpenter discovers the security group of its nodes by this tag.
resource "aws_ec2_tag" "cluster_security_group_karpenter" {
  resource_id = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
  key         = "karpenter.sh/discovery"
  value       = var.cluster_name
}

################################################################################
# IRSA: OIDC provider. No thumbprint: with provider 5.x thumbprint_list is optional
# and IAM validates EKS OIDC issuers against its own trusted root CAs.
################################################################################

resource "aws_iam_openid_connect_provider" "this" {
  url            = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]

  tags = merge(local.tags, { Name = "${var.cluster_name}-irsa" })
}

################################################################################
# Access entries (authentication_mode = API)
################################################################################

resource "aws_eks_access_entry" "admin" {
  for_each = toset(var.admin_role_arns)

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value
  type          = "STANDARD"

  tags = local.tags
}

resource "aws_eks_access_policy_association" "admin" {
  for_each = aws_eks_access_entry.admin

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value.principal_arn
  policy_arn    = "arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }
}

################################################################################
# Add-on IRSA roles: one role per add-on in local.irsa_roles, each trusted only for
# its service account and audience sts.amazonaws.com
################################################################################

resource "aws_iam_role" "irsa" {
  for_each = local.irsa_roles

  name_prefix = "${local.iam_prefix}-${each.value.name}-"
  description = "IRSA role of the ${each.value.title} (${each.value.namespace}/${each.value.service_account}) on cluster ${var.cluster_name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = each.value.sid
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.this.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.oidc_issuer_host}:sub" = "system:serviceaccount:${each.value.namespace}:${each.value.service_account}"
          "${local.oidc_issuer_host}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-${each.value.name}" })
}

resource "aws_iam_role_policy_attachment" "irsa" {
  for_each = local.irsa_roles

  role       = aws_iam_role.irsa[each.key].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value.managed_policy}"
}

# Lets the driver create persistent volumes encrypted with the cluster's EBS key
# (StorageClass parameter kmsKeyId = ebs_kms_key_arn output).
resource "aws_iam_role_policy" "ebs_csi_kms" {
  count = local.ebs_csi ? 1 : 0

  name = "ebs-volume-encryption"
  role = aws_iam_role.irsa["aws-ebs-csi-driver"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "UseEbsKey"
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource = local.ebs_kms_key_arn
      },
      {
        Sid       = "GrantEbsKeyToAwsResources"
        Effect    = "Allow"
        Action    = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
        Resource  = local.ebs_kms_key_arn
        Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
      },
    ]
  })
}

################################################################################
# Add-ons
################################################################################

resource "aws_eks_addon" "before_compute" {
  for_each = local.addons_before_compute

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  configuration_values        = each.value.configuration_values
  service_account_role_arn    = lookup(local.addon_service_account_role_arns, each.key, null)
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = local.tags

  depends_on = [aws_iam_role_policy_attachment.irsa]
}

resource "aws_eks_addon" "this" {
  for_each = local.addons_after_compute

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  configuration_values        = each.value.configuration_values
  service_account_role_arn    = lookup(local.addon_service_account_role_arns, each.key, null)
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = local.tags

  depends_on = [
    aws_eks_node_group.this,
    aws_eks_fargate_profile.this,
    aws_iam_role_policy_attachment.irsa,
    aws_iam_role_policy.ebs_csi_kms,
  ]
}

################################################################################
# Managed node groups
################################################################################

resource "aws_iam_role" "node" {
  name_prefix = "${local.iam_prefix}-node-"
  description = "Role of the managed (and Karpenter) nodes of cluster ${var.cluster_name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EC2AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "ec2.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-node" })
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = local.node_role_policies

  role       = aws_iam_role.node.name
  policy_arn = each.value
}

resource "aws_launch_template" "node" {
  for_each = var.node_groups

  name_prefix            = "${substr("${var.cluster_name}-${each.key}", 0, 100)}-"
  description            = "EKS managed node group ${each.key} of cluster ${var.cluster_name}"
  update_default_version = true

  block_device_mappings {
    device_name = "/dev/xvda" # root device of the AL2023 EKS AMIs

    ebs {
      volume_size           = each.value.disk_size_gb
      volume_type           = "gp3"
      encrypted             = "true"
      kms_key_id            = local.ebs_kms_key_arn
      delete_on_termination = "true"
    }
  }

  # checkov:skip=CKV_AWS_341:hop limit 2 is required on EKS nodes so containerised node agents (e.g. the EBS CSI node plugin, load balancer controller) can reach IMDSv2; IMDSv2 tokens are still required
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
    instance_metadata_tags      = "disabled"
  }

  dynamic "tag_specifications" {
    for_each = toset(["instance", "volume", "network-interface"])

    content {
      resource_type = tag_specifications.value
      tags          = merge(local.tags, { Name = "${var.cluster_name}-${each.key}" })
    }
  }

  tags = merge(local.tags, { Name = "${var.cluster_name}-${each.key}" })

  lifecycle {
    precondition {
      condition     = var.ebs_kms_key_arn == null || try(split(":", var.ebs_kms_key_arn)[3], "") == local.region
      error_message = "ebs_kms_key_arn must be a key in the cluster's region (${local.region})."
    }
  }
}

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  version         = aws_eks_cluster.this.version

  ami_type       = local.node_group_ami_types[each.key]
  capacity_type  = each.value.capacity_type
  instance_types = each.value.instance_types
  labels         = each.value.labels

  dynamic "taint" {
    for_each = each.value.taints

    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  scaling_config {
    min_size     = each.value.min_size
    desired_size = each.value.desired_size
    max_size     = each.value.max_size
  }

  update_config {
    max_unavailable_percentage = 33
  }

  tags = merge(local.tags, { Name = "${var.cluster_name}-${each.key}" })

  lifecycle {
    # desired_size is owned by the cluster autoscaler once the group exists.
    ignore_changes = [scaling_config[0].desired_size]

    precondition {
      condition     = length(local.node_group_architectures[each.key]) == 1
      error_message = "Node group ${each.key} mixes x86_64 and arm64 instance types; one AMI cannot serve both."
    }
  }

  depends_on = [
    aws_iam_role_policy_attachment.node,
    aws_eks_addon.before_compute,
  ]
}

################################################################################
# Fargate profiles
################################################################################

resource "aws_iam_role" "fargate" {
  count = length(var.fargate_profiles) > 0 ? 1 : 0

  name_prefix = "${local.iam_prefix}-fargate-"
  description = "Fargate pod execution role of cluster ${var.cluster_name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FargatePodsAssumeRole"
      Effect    = "Allow"
      Principal = { Service = "eks-fargate-pods.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        ArnLike = {
          "aws:SourceArn" = "arn:${local.partition}:eks:${local.region}:${local.account_id}:fargateprofile/${var.cluster_name}/*"
        }
      }
    }]
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-fargate" })
}

resource "aws_iam_role_policy_attachment" "fargate" {
  count = length(var.fargate_profiles) > 0 ? 1 : 0

  role       = aws_iam_role.fargate[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy"
}

resource "aws_eks_fargate_profile" "this" {
  for_each = var.fargate_profiles

  cluster_name           = aws_eks_cluster.this.name
  fargate_profile_name   = each.key
  pod_execution_role_arn = aws_iam_role.fargate[0].arn
  subnet_ids             = var.subnet_ids

  dynamic "selector" {
    for_each = each.value.selectors

    content {
      namespace = selector.value.namespace
      labels    = selector.value.labels
    }
  }

  tags = merge(local.tags, { Name = "${var.cluster_name}-${each.key}" })

  depends_on = [aws_iam_role_policy_attachment.fargate]
}

################################################################################
# AWS Load Balancer Controller for TargetGroupBinding only: the load balancer and its
# target groups are Terraform's (modules/alb); the controller registers pod IPs in them.
################################################################################

locals {
  lb_controller = length(var.target_group_binding_arns) > 0
}

resource "aws_iam_role" "load_balancer_controller" {
  count = local.lb_controller ? 1 : 0

  name_prefix = "${local.iam_prefix}-lbc-"
  description = "IRSA role of the AWS Load Balancer Controller (kube-system/aws-load-balancer-controller) on cluster ${var.cluster_name}: TargetGroupBinding only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "LoadBalancerControllerIrsa"
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.this.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.oidc_issuer_host}:sub" = "system:serviceaccount:kube-system:aws-load-balancer-controller"
          "${local.oidc_issuer_host}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-load-balancer-controller" })
}

resource "aws_iam_role_policy" "load_balancer_controller" {
  count = local.lb_controller ? 1 : 0

  name = "target-group-binding"
  role = aws_iam_role.load_balancer_controller[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Describe calls cannot be scoped to resources.
        Sid    = "Discover"
        Effect = "Allow"
        Action = [
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeInstances",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcs",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancers",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTags",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetHealth",
        ]
        Resource = "*"
      },
      {
        Sid      = "RegisterPodsInTheFrontDoorsTargetGroups"
        Effect   = "Allow"
        Action   = ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"]
        Resource = sort(values(var.target_group_binding_arns))
      },
      {
        Sid      = "OpenTheClusterSecurityGroupToTheLoadBalancer"
        Effect   = "Allow"
        Action   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"]
        Resource = "arn:${local.partition}:ec2:${local.region}:${local.account_id}:security-group/${aws_eks_cluster.this.vpc_config[0].cluster_security_group_id}"
      },
    ]
  })
}

################################################################################
# Karpenter: the controller's IRSA role and its interruption queue. The nodes Karpenter
# launches use the node role above (EC2NodeClass role), so there is no second node role.
################################################################################

locals {
  # SQS queue names allow 80 characters; the cluster name allows 100.
  karpenter_queue_name = "${substr(var.cluster_name, 0, 69)}-karpenter"
  ec2_arn              = "arn:${local.partition}:ec2:${local.region}"
  cluster_owned_tag    = "aws:RequestTag/kubernetes.io/cluster/${var.cluster_name}"
  cluster_owned_res    = "aws:ResourceTag/kubernetes.io/cluster/${var.cluster_name}"

  karpenter_events = {
    spot-interruption = { source = ["aws.ec2"], detail-type = ["EC2 Spot Instance Interruption Warning"] }
    rebalance         = { source = ["aws.ec2"], detail-type = ["EC2 Instance Rebalance Recommendation"] }
    instance-state    = { source = ["aws.ec2"], detail-type = ["EC2 Instance State-change Notification"] }
    scheduled-change  = { source = ["aws.health"], detail-type = ["AWS Health Event"] }
  }
}

resource "aws_iam_role" "karpenter" {
  count = var.karpenter ? 1 : 0

  name_prefix = "${local.iam_prefix}-karpenter-"
  description = "IRSA role of the Karpenter controller (kube-system/karpenter) on cluster ${var.cluster_name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "KarpenterControllerIrsa"
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.this.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.oidc_issuer_host}:sub" = "system:serviceaccount:kube-system:karpenter"
          "${local.oidc_issuer_host}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = merge(local.tags, { Name = "${var.cluster_name}-karpenter" })
}

resource "aws_iam_role_policy" "karpenter" {
  count = var.karpenter ? 1 : 0

  name = "karpenter-controller"
  role = aws_iam_role.karpenter[0].id
  # Karpenter v1's controller policy, statement by statement.
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Launch into the shared resources (AMIs, subnets, security groups, launch
        # templates) only in this region.
        Sid    = "AllowScopedEC2InstanceAccessActions"
        Effect = "Allow"
        Action = ["ec2:RunInstances", "ec2:CreateFleet"]
        Resource = [
          "${local.ec2_arn}::image/*",
          "${local.ec2_arn}::snapshot/*",
          "${local.ec2_arn}:*:security-group/*",
          "${local.ec2_arn}:*:subnet/*",
          "${local.ec2_arn}:*:capacity-reservation/*",
        ]
      },
      {
        Sid      = "AllowScopedEC2LaunchTemplateAccessActions"
        Effect   = "Allow"
        Action   = ["ec2:RunInstances", "ec2:CreateFleet"]
        Resource = "${local.ec2_arn}:*:launch-template/*"
        Condition = {
          StringEquals = { (local.cluster_owned_res) = "owned" }
          StringLike   = { "aws:ResourceTag/karpenter.sh/nodepool" = "*" }
        }
      },
      {
        # What Karpenter creates must carry the cluster's ownership tag and a NodePool.
        Sid    = "AllowScopedEC2InstanceActionsWithTags"
        Effect = "Allow"
        Action = ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"]
        Resource = [
          "${local.ec2_arn}:*:fleet/*",
          "${local.ec2_arn}:*:instance/*",
          "${local.ec2_arn}:*:volume/*",
          "${local.ec2_arn}:*:network-interface/*",
          "${local.ec2_arn}:*:launch-template/*",
          "${local.ec2_arn}:*:spot-instances-request/*",
        ]
        Condition = {
          StringEquals = { (local.cluster_owned_tag) = "owned" }
          StringLike   = { "aws:RequestTag/karpenter.sh/nodepool" = "*" }
        }
      },
      {
        Sid    = "AllowScopedResourceCreationTagging"
        Effect = "Allow"
        Action = "ec2:CreateTags"
        Resource = [
          "${local.ec2_arn}:*:fleet/*",
          "${local.ec2_arn}:*:instance/*",
          "${local.ec2_arn}:*:volume/*",
          "${local.ec2_arn}:*:network-interface/*",
          "${local.ec2_arn}:*:launch-template/*",
          "${local.ec2_arn}:*:spot-instances-request/*",
        ]
        Condition = {
          StringEquals = {
            (local.cluster_owned_tag) = "owned"
            "ec2:CreateAction"        = ["RunInstances", "CreateFleet", "CreateLaunchTemplate"]
          }
          StringLike = { "aws:RequestTag/karpenter.sh/nodepool" = "*" }
        }
      },
      {
        Sid      = "AllowScopedResourceTagging"
        Effect   = "Allow"
        Action   = "ec2:CreateTags"
        Resource = "${local.ec2_arn}:*:instance/*"
        Condition = {
          StringEquals                = { (local.cluster_owned_res) = "owned" }
          StringLike                  = { "aws:ResourceTag/karpenter.sh/nodepool" = "*" }
          StringEqualsIfExists        = { "aws:RequestTag/eks:eks-cluster-name" = var.cluster_name }
          "ForAllValues:StringEquals" = { "aws:TagKeys" = ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] }
        }
      },
      {
        Sid      = "AllowScopedDeletion"
        Effect   = "Allow"
        Action   = ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"]
        Resource = ["${local.ec2_arn}:*:instance/*", "${local.ec2_arn}:*:launch-template/*"]
        Condition = {
          StringEquals = { (local.cluster_owned_res) = "owned" }
          StringLike   = { "aws:ResourceTag/karpenter.sh/nodepool" = "*" }
        }
      },
      {
        # Describe calls cannot be scoped to resources; held to this region.
        Sid    = "AllowRegionalReadActions"
        Effect = "Allow"
        Action = [
          "ec2:DescribeCapacityReservations",
          "ec2:DescribeImages",
          "ec2:DescribeInstances",
          "ec2:DescribeInstanceTypeOfferings",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplates",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSpotPriceHistory",
          "ec2:DescribeSubnets",
        ]
        Resource  = "*"
        Condition = { StringEquals = { "aws:RequestedRegion" = local.region } }
      },
      {
        Sid      = "AllowSSMReadActions"
        Effect   = "Allow"
        Action   = "ssm:GetParameter"
        Resource = "arn:${local.partition}:ssm:${local.region}::parameter/aws/service/*"
      },
      {
        # The Price List API has no resources.
        Sid      = "AllowPricingReadActions"
        Effect   = "Allow"
        Action   = "pricing:GetProducts"
        Resource = "*"
      },
      {
        Sid      = "AllowInterruptionQueueActions"
        Effect   = "Allow"
        Action   = ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"]
        Resource = aws_sqs_queue.karpenter[0].arn
      },
      {
        Sid      = "AllowPassingInstanceRole"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = aws_iam_role.node.arn
        Condition = {
          StringEquals = { "iam:PassedToService" = ["ec2.${local.dns_suffix}"] }
        }
      },
      {
        Sid      = "AllowScopedInstanceProfileCreationActions"
        Effect   = "Allow"
        Action   = "iam:CreateInstanceProfile"
        Resource = "arn:${local.partition}:iam::${local.account_id}:instance-profile/*"
        Condition = {
          StringEquals = {
            (local.cluster_owned_tag)                      = "owned"
            "aws:RequestTag/eks:eks-cluster-name"          = var.cluster_name
            "aws:RequestTag/topology.kubernetes.io/region" = local.region
          }
          StringLike = { "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass" = "*" }
        }
      },
      {
        Sid      = "AllowScopedInstanceProfileTagActions"
        Effect   = "Allow"
        Action   = "iam:TagInstanceProfile"
        Resource = "arn:${local.partition}:iam::${local.account_id}:instance-profile/*"
        Condition = {
          StringEquals = {
            (local.cluster_owned_res)                       = "owned"
            "aws:ResourceTag/topology.kubernetes.io/region" = local.region
            (local.cluster_owned_tag)                       = "owned"
            "aws:RequestTag/eks:eks-cluster-name"           = var.cluster_name
            "aws:RequestTag/topology.kubernetes.io/region"  = local.region
          }
          StringLike = {
            "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass" = "*"
            "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass"  = "*"
          }
        }
      },
      {
        Sid      = "AllowScopedInstanceProfileActions"
        Effect   = "Allow"
        Action   = ["iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile"]
        Resource = "arn:${local.partition}:iam::${local.account_id}:instance-profile/*"
        Condition = {
          StringEquals = {
            (local.cluster_owned_res)                       = "owned"
            "aws:ResourceTag/topology.kubernetes.io/region" = local.region
          }
          StringLike = { "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass" = "*" }
        }
      },
      {
        Sid      = "AllowInstanceProfileReadActions"
        Effect   = "Allow"
        Action   = ["iam:GetInstanceProfile", "iam:ListInstanceProfiles"]
        Resource = "arn:${local.partition}:iam::${local.account_id}:instance-profile/*"
      },
      {
        Sid      = "AllowAPIServerEndpointDiscovery"
        Effect   = "Allow"
        Action   = "eks:DescribeCluster"
        Resource = aws_eks_cluster.this.arn
      },
    ]
  })
}

resource "aws_sqs_queue" "karpenter" {
  count = var.karpenter ? 1 : 0

  name = local.karpenter_queue_name
  # Interruption notices are stale after a few minutes; Karpenter drains them continuously.
  message_retention_seconds = 300
  sqs_managed_sse_enabled   = true

  tags = merge(local.tags, { Name = local.karpenter_queue_name })
}

resource "aws_sqs_queue_policy" "karpenter" {
  count = var.karpenter ? 1 : 0

  queue_url = aws_sqs_queue.karpenter[0].url
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EventBridgeAndSqsSend"
        Effect    = "Allow"
        Principal = { Service = ["events.${local.dns_suffix}", "sqs.${local.dns_suffix}"] }
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.karpenter[0].arn
      },
      {
        Sid       = "DenyHTTP"
        Effect    = "Deny"
        Principal = "*"
        Action    = "sqs:*"
        Resource  = aws_sqs_queue.karpenter[0].arn
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_cloudwatch_event_rule" "karpenter" {
  for_each = var.karpenter ? local.karpenter_events : {}

  name_prefix   = "${substr(var.cluster_name, 0, 20)}-karpenter-"
  description   = "Karpenter interruption handling (${each.key}) for cluster ${var.cluster_name}"
  event_pattern = jsonencode(each.value)

  tags = merge(local.tags, { Name = "${var.cluster_name}-karpenter-${each.key}" })
}

resource "aws_cloudwatch_event_target" "karpenter" {
  for_each = aws_cloudwatch_event_rule.karpenter

  rule      = each.value.name
  target_id = "KarpenterInterruptionQueue"
  arn       = aws_sqs_queue.karpenter[0].arn
}
