mock_provider "aws" {
  mock_resource "aws_kms_key" {
    defaults = {
      arn    = "arn:aws:kms:eu-west-2:123456789012:key/11111111-2222-3333-4444-555555555555"
      key_id = "11111111-2222-3333-4444-555555555555"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/bizflow-eks-role"
    }
  }

  mock_resource "aws_iam_openid_connect_provider" {
    defaults = {
      arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
    }
  }

  mock_resource "aws_eks_cluster" {
    defaults = {
      arn      = "arn:aws:eks:eu-west-2:123456789012:cluster/bizflow-euw2"
      endpoint = "https://EXAMPLED539D4633E53DE1B71EXAMPLE.gr7.eu-west-2.eks.amazonaws.com"
      identity = [{
        oidc = [{ issuer = "https://oidc.eks.eu-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" }]
      }]
      certificate_authority = [{ data = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t" }]
    }
  }

  mock_resource "aws_sqs_queue" {
    defaults = {
      arn = "arn:aws:sqs:eu-west-2:123456789012:bizflow-euw2-karpenter"
      url = "https://sqs.eu-west-2.amazonaws.com/123456789012/bizflow-euw2-karpenter"
    }
  }

  mock_resource "aws_launch_template" {
    defaults = {
      id             = "lt-0123456789abcdef0"
      latest_version = 1
    }
  }
}

override_data {
  target = data.aws_caller_identity.current
  values = {
    account_id = "123456789012"
    arn        = "arn:aws:iam::123456789012:user/terraform"
  }
}

override_data {
  target = data.aws_partition.current
  values = {
    partition  = "aws"
    dns_suffix = "amazonaws.com"
  }
}

override_data {
  target = data.aws_region.current
  values = {
    name = "eu-west-2"
  }
}

override_data {
  target = data.aws_subnet.this[0]
  values = {
    vpc_id            = "vpc-0123456789abcdef0"
    availability_zone = "eu-west-2a"
  }
}

override_data {
  target = data.aws_subnet.this[1]
  values = {
    vpc_id            = "vpc-0123456789abcdef0"
    availability_zone = "eu-west-2b"
  }
}

override_data {
  target = data.aws_subnet.this[2]
  values = {
    vpc_id            = "vpc-0123456789abcdef0"
    availability_zone = "eu-west-2c"
  }
}

variables {
  cluster_name = "bizflow-euw2"
  vpc_id       = "vpc-0123456789abcdef0"
  subnet_ids   = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2", "subnet-0ccccccccccccccc3"]
  admin_role_arns = [
    "arn:aws:iam::123456789012:role/platform-admin",
    "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef",
  ]
  node_groups = {
    general = {
      instance_types = ["t3.large", "t3.xlarge"]
      min_size       = 3
      desired_size   = 3
      max_size       = 10
    }
    ai-processing = {
      instance_types = ["g4dn.xlarge", "g4dn.2xlarge"]
      min_size       = 2
      desired_size   = 2
      max_size       = 5
      disk_size_gb   = 100
      labels         = { workload = "ai-processing" }
      taints         = [{ key = "nvidia.com/gpu", value = "true", effect = "NO_SCHEDULE" }]
    }
    memory = {
      instance_types = ["r5.large", "r5.xlarge"]
      capacity_type  = "SPOT"
      min_size       = 1
      desired_size   = 2
      max_size       = 6
    }
    arm = {
      instance_types = ["m7g.large"]
      min_size       = 0
      desired_size   = 0
      max_size       = 3
    }
  }
  fargate_profiles = {
    whatsapp-worker = {
      selectors = [{ namespace = "whatsapp-worker" }]
    }
  }
  tags = { Environment = "production" }
}

run "secure_defaults" {
  command = apply

  # Secrets envelope encryption with the module's customer-managed key (rotated).
  assert {
    condition     = length(aws_kms_key.this) == 1 && aws_kms_key.this[0].enable_key_rotation == true
    error_message = "A customer-managed KMS key with rotation must be created when no key is given."
  }
  assert {
    condition     = aws_kms_key.this[0].deletion_window_in_days == 30
    error_message = "The KMS key must keep the maximum deletion window by default."
  }
  assert {
    condition     = aws_eks_cluster.this.encryption_config[0].resources == toset(["secrets"])
    error_message = "Kubernetes secrets must be envelope-encrypted."
  }
  assert {
    condition     = aws_eks_cluster.this.encryption_config[0].provider[0].key_arn == aws_kms_key.this[0].arn
    error_message = "Secrets must be encrypted with the module's CMK."
  }
  assert {
    condition     = output.secrets_kms_key_arn == aws_kms_key.this[0].arn
    error_message = "secrets_kms_key_arn output must be the module's CMK."
  }

  # All five control-plane log types into a KMS-encrypted log group with retention.
  assert {
    condition     = aws_eks_cluster.this.enabled_cluster_log_types == toset(["api", "audit", "authenticator", "controllerManager", "scheduler"])
    error_message = "All five control-plane log types must be enabled."
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.name == "/aws/eks/bizflow-euw2/cluster"
    error_message = "The log group must be the one EKS writes to."
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.kms_key_id == aws_kms_key.this[0].arn
    error_message = "The log group must be encrypted with the module's key."
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.retention_in_days == 365
    error_message = "The log group must keep logs for 365 days by default."
  }
  assert {
    condition = anytrue([for s in jsondecode(aws_kms_key.this[0].policy).Statement :
      try(s.Principal.Service, "") == "logs.eu-west-2.amazonaws.com" &&
      try(s.Condition.ArnEquals["kms:EncryptionContext:aws:logs:arn"], "") == "arn:aws:logs:eu-west-2:123456789012:log-group:/aws/eks/bizflow-euw2/cluster"
    ])
    error_message = "The key policy must allow CloudWatch Logs, scoped by encryption context to the cluster log group."
  }
  assert {
    condition     = alltrue([for s in jsondecode(aws_kms_key.this[0].policy).Statement : try(s.Principal.AWS, "") != "*" && try(s.Principal, "") != "*"])
    error_message = "The key policy must never use a wildcard principal."
  }

  # Endpoint access and authentication.
  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_private_access == true
    error_message = "The private endpoint must be enabled."
  }
  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access == false
    error_message = "The public endpoint must be disabled by default."
  }
  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API"
    error_message = "Authentication must use access entries only."
  }
  assert {
    condition     = aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions == false
    error_message = "The cluster creator must not get implicit admin permissions."
  }
  assert {
    condition     = aws_eks_cluster.this.version == "1.32"
    error_message = "The default Kubernetes version must be 1.32."
  }

  # IAM roles.
  assert {
    condition     = aws_iam_role_policy_attachment.cluster.policy_arn == "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
    error_message = "The cluster role must carry AmazonEKSClusterPolicy."
  }
  assert {
    condition     = !contains(keys(aws_iam_role_policy_attachment.node), "AmazonEKS_CNI_Policy") && aws_iam_role_policy_attachment.irsa["vpc-cni"].policy_arn == "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
    error_message = "The CNI policy must be on the vpc-cni IRSA role, not on the node role."
  }
  assert {
    condition     = !contains(keys(aws_iam_role_policy_attachment.node), "AmazonSSMManagedInstanceCore")
    error_message = "SSM access must be opt-in."
  }
  assert {
    condition     = aws_eks_addon.before_compute["vpc-cni"].service_account_role_arn == aws_iam_role.irsa["vpc-cni"].arn && aws_eks_addon.this["aws-ebs-csi-driver"].service_account_role_arn == aws_iam_role.irsa["aws-ebs-csi-driver"].arn
    error_message = "vpc-cni and aws-ebs-csi-driver must run with their IRSA roles."
  }
  assert {
    condition = alltrue([
      for addon, account in { "vpc-cni" = "aws-node", "aws-ebs-csi-driver" = "ebs-csi-controller-sa" } :
      contains(values(jsondecode(aws_iam_role.irsa[addon].assume_role_policy).Statement[0].Condition.StringEquals), "system:serviceaccount:kube-system:${account}")
    ])
    error_message = "Each IRSA role must trust only its add-on's service account."
  }
  assert {
    condition     = aws_iam_role_policy_attachment.irsa["aws-ebs-csi-driver"].policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy" && length(aws_iam_role_policy.ebs_csi_kms) == 1
    error_message = "The EBS CSI role must carry the driver policy and the use of the EBS key."
  }
  assert {
    condition     = length(aws_eks_addon.before_compute) + length(aws_eks_addon.this) == 6 && contains(keys(aws_eks_addon.this), "amazon-cloudwatch-observability") && alltrue([for a in merge(aws_eks_addon.before_compute, aws_eks_addon.this) : a.resolve_conflicts_on_update == "OVERWRITE"])
    error_message = "The five default add-ons and Container Insights' must be managed with resolve_conflicts_on_update = OVERWRITE."
  }

  # IRSA OIDC provider with no thumbprint.
  assert {
    condition     = aws_iam_openid_connect_provider.this.client_id_list == toset(["sts.amazonaws.com"])
    error_message = "The OIDC provider must accept the sts.amazonaws.com audience."
  }
  assert {
    condition     = length(aws_iam_openid_connect_provider.this.thumbprint_list) == 0
    error_message = "No thumbprint may be configured (none is computed from a tls provider)."
  }
  assert {
    condition     = aws_iam_openid_connect_provider.this.url == "https://oidc.eks.eu-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
    error_message = "The OIDC provider must use the cluster's issuer."
  }

  # Launch templates: IMDSv2 and encrypted gp3 root volumes.
  assert {
    condition = alltrue([for lt in aws_launch_template.node :
      lt.metadata_options[0].http_tokens == "required" && lt.metadata_options[0].http_put_response_hop_limit == 2 && lt.metadata_options[0].http_endpoint == "enabled"
    ])
    error_message = "Every launch template must require IMDSv2 with hop limit 2."
  }
  assert {
    condition = alltrue([for lt in aws_launch_template.node :
      lt.block_device_mappings[0].ebs[0].encrypted == "true" && lt.block_device_mappings[0].ebs[0].volume_type == "gp3" && lt.block_device_mappings[0].ebs[0].kms_key_id == aws_kms_key.this[0].arn
    ])
    error_message = "Every launch template must use an encrypted gp3 root volume with the KMS key."
  }
  assert {
    condition     = aws_launch_template.node["ai-processing"].block_device_mappings[0].ebs[0].volume_size == 100 && aws_launch_template.node["general"].block_device_mappings[0].ebs[0].volume_size == 50
    error_message = "disk_size_gb must size the root volume (default 50)."
  }
  assert {
    condition = alltrue([for lt in aws_launch_template.node :
      length(lt.tag_specifications) == 3 && alltrue([for ts in lt.tag_specifications : ts.tags["karpenter.sh/discovery"] == "bizflow-euw2"])
    ])
    error_message = "Instances, volumes and ENIs must be tagged, including the Karpenter discovery tag."
  }

  # Node groups.
  assert {
    condition     = aws_eks_node_group.this["ai-processing"].ami_type == "AL2023_x86_64_NVIDIA"
    error_message = "A GPU (g4dn) node group must get the NVIDIA AMI type."
  }
  assert {
    condition     = aws_eks_node_group.this["general"].ami_type == "AL2023_x86_64_STANDARD" && aws_eks_node_group.this["arm"].ami_type == "AL2023_ARM_64_STANDARD"
    error_message = "x86 and Graviton node groups must get the standard AL2023 AMI of their architecture."
  }
  assert {
    condition     = aws_eks_node_group.this["memory"].capacity_type == "SPOT" && aws_eks_node_group.this["general"].capacity_type == "ON_DEMAND"
    error_message = "capacity_type must pass through (default ON_DEMAND)."
  }
  assert {
    condition = (
      length(aws_eks_node_group.this["ai-processing"].taint) == 1 &&
      one(aws_eks_node_group.this["ai-processing"].taint).effect == "NO_SCHEDULE" &&
      aws_eks_node_group.this["ai-processing"].labels["workload"] == "ai-processing"
    )
    error_message = "Taints and labels must pass through."
  }
  assert {
    condition = (
      aws_eks_node_group.this["general"].scaling_config[0].min_size == 3 &&
      aws_eks_node_group.this["general"].scaling_config[0].max_size == 10 &&
      aws_eks_node_group.this["general"].launch_template[0].id == aws_launch_template.node["general"].id
    )
    error_message = "Node groups must use their launch template and scaling config."
  }
  assert {
    condition     = alltrue([for ng in aws_eks_node_group.this : length(ng.remote_access) == 0])
    error_message = "Node groups must never enable SSH remote access."
  }
  assert {
    condition     = output.node_group_names == { general = "general", ai-processing = "ai-processing", memory = "memory", arm = "arm" }
    error_message = "node_group_names must map keys to node group names."
  }

  # Fargate.
  assert {
    condition     = aws_eks_fargate_profile.this["whatsapp-worker"].pod_execution_role_arn == aws_iam_role.fargate[0].arn && one(aws_eks_fargate_profile.this["whatsapp-worker"].selector).namespace == "whatsapp-worker"
    error_message = "The Fargate profile must use the pod execution role and its namespace selector."
  }

  # Access entries for admin roles.
  assert {
    condition     = length(aws_eks_access_entry.admin) == 2 && contains(keys(aws_eks_access_entry.admin), "arn:aws:iam::123456789012:role/platform-admin")
    error_message = "One access entry per admin role must be created."
  }
  assert {
    condition = alltrue([for a in aws_eks_access_policy_association.admin :
      a.policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" && a.access_scope[0].type == "cluster"
    ])
    error_message = "Admin roles must be associated with AmazonEKSClusterAdminPolicy at cluster scope."
  }

  # Karpenter discovery tagging.
  assert {
    condition     = aws_ec2_tag.cluster_security_group_karpenter.key == "karpenter.sh/discovery" && aws_ec2_tag.cluster_security_group_karpenter.value == "bizflow-euw2"
    error_message = "The cluster security group must carry the Karpenter discovery tag."
  }
  assert {
    condition     = aws_eks_node_group.this["general"].tags["karpenter.sh/discovery"] == "bizflow-euw2" && output.karpenter_discovery_tag == { "karpenter.sh/discovery" = "bizflow-euw2" }
    error_message = "Node resources must carry, and the module must output, the Karpenter discovery tag."
  }
}

run "load_balancer_controller_for_target_group_binding" {
  command = apply

  variables {
    target_group_binding_arns = {
      api = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/bizflow-production-euw2-api/73e2d6bc24d8a067"
    }
  }

  assert {
    condition     = length(aws_iam_role.load_balancer_controller) == 1 && strcontains(aws_iam_role.load_balancer_controller[0].assume_role_policy, "system:serviceaccount:kube-system:aws-load-balancer-controller")
    error_message = "The controller's IRSA role trusts only its service account."
  }

  assert {
    condition = toset(one([
      for s in jsondecode(aws_iam_role_policy.load_balancer_controller[0].policy).Statement : s.Resource
      if contains(s.Action, "elasticloadbalancing:RegisterTargets")
    ])) == toset(values(var.target_group_binding_arns))
    error_message = "The controller registers targets in exactly the front door's target groups."
  }

  assert {
    condition = !anytrue([
      for s in jsondecode(aws_iam_role_policy.load_balancer_controller[0].policy).Statement :
      contains(s.Action, "elasticloadbalancing:CreateLoadBalancer") || contains(s.Action, "elasticloadbalancing:CreateTargetGroup")
    ])
    error_message = "The controller creates no load balancer or target group of its own."
  }

  assert {
    condition     = output.load_balancer_controller_role_arn != null
    error_message = "The role's ARN is an output."
  }
}

run "karpenter_off_by_default" {
  command = plan

  assert {
    condition     = length(aws_iam_role.karpenter) == 0 && length(aws_iam_role_policy.karpenter) == 0 && length(aws_sqs_queue.karpenter) == 0 && length(aws_sqs_queue_policy.karpenter) == 0 && length(aws_cloudwatch_event_rule.karpenter) == 0 && length(aws_cloudwatch_event_target.karpenter) == 0
    error_message = "Without karpenter = true the module creates no Karpenter role, queue or rule."
  }

  assert {
    condition     = output.karpenter_role_arn == null && output.karpenter_queue_name == null
    error_message = "The Karpenter outputs are null when Karpenter is off."
  }
}

run "container_insights_and_node_alarms" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:eu-west-2:123456789012:bizflow-production-critical"]
      warning  = ["arn:aws:sns:eu-west-2:123456789012:bizflow-production-warning"]
    }
    alarms = { failed_nodes = { minutes = 10 } }
  }

  assert {
    condition     = contains(keys(aws_eks_addon.this), "amazon-cloudwatch-observability") && aws_iam_role.irsa["amazon-cloudwatch-observability"].name_prefix == "bizflow-euw2-cloudwatch-" && aws_iam_role_policy_attachment.irsa["amazon-cloudwatch-observability"].policy_arn == "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy" && strcontains(aws_iam_role.irsa["amazon-cloudwatch-observability"].assume_role_policy, "system:serviceaccount:amazon-cloudwatch:cloudwatch-agent")
    error_message = "Container Insights is the CloudWatch observability add-on, its agent on its own IRSA role."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.nodes["node_count"].namespace == "ContainerInsights" && aws_cloudwatch_metric_alarm.nodes["node_count"].metric_name == "cluster_node_count" && aws_cloudwatch_metric_alarm.nodes["node_count"].threshold == 6 && aws_cloudwatch_metric_alarm.nodes["node_count"].comparison_operator == "LessThanThreshold" && aws_cloudwatch_metric_alarm.nodes["node_count"].treat_missing_data == "breaching" && aws_cloudwatch_metric_alarm.nodes["node_count"].dimensions["ClusterName"] == "bizflow-euw2" && toset(aws_cloudwatch_metric_alarm.nodes["node_count"].alarm_actions) == toset(["arn:aws:sns:eu-west-2:123456789012:bizflow-production-critical"])
    error_message = "The node count alarm breaches below the node groups' minimum (3 + 2 + 1 + 0), or when the cluster stops reporting, and tells the critical topics."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.nodes["failed_nodes"].metric_name == "cluster_failed_node_count" && aws_cloudwatch_metric_alarm.nodes["failed_nodes"].evaluation_periods == 10 && aws_cloudwatch_metric_alarm.nodes["failed_nodes"].treat_missing_data == "missing" && toset(aws_cloudwatch_metric_alarm.nodes["failed_nodes"].ok_actions) == toset(["arn:aws:sns:eu-west-2:123456789012:bizflow-production-warning"]) && alltrue([for a in aws_cloudwatch_metric_alarm.nodes : strcontains(a.alarm_description, "Runbook: docs/runbooks.md#eks-")])
    error_message = "Failing nodes warn; each alarm names its runbook line."
  }
}

run "no_container_insights_no_node_alarms" {
  command = plan

  variables {
    container_insights = false
  }

  assert {
    condition     = !contains(keys(aws_eks_addon.this), "amazon-cloudwatch-observability") && !contains(keys(aws_iam_role.irsa), "amazon-cloudwatch-observability") && length(aws_cloudwatch_metric_alarm.nodes) == 0 && output.alarm_arns == {}
    error_message = "Without Container Insights there is no agent and nothing for node alarms to watch."
  }
}

run "karpenter_controller_and_interruption_queue" {
  command = apply

  variables {
    karpenter = true
  }

  assert {
    condition     = length(aws_iam_role.karpenter) == 1 && jsondecode(aws_iam_role.karpenter[0].assume_role_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub"] == "system:serviceaccount:kube-system:karpenter"
    error_message = "The Karpenter IRSA role trusts only kube-system/karpenter."
  }

  assert {
    condition     = jsondecode(aws_iam_role.karpenter[0].assume_role_policy).Statement[0].Principal.Federated == aws_iam_openid_connect_provider.this.arn
    error_message = "The Karpenter role is assumed through the cluster's OIDC provider."
  }

  assert {
    condition = one([
      for s in jsondecode(aws_iam_role_policy.karpenter[0].policy).Statement : s.Resource
      if s.Action == "iam:PassRole"
    ]) == aws_iam_role.node.arn
    error_message = "Karpenter may pass only the node role."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.karpenter[0].policy).Statement :
      s.Condition.StringEquals["aws:RequestTag/kubernetes.io/cluster/bizflow-euw2"] == "owned"
      if s.Sid == "AllowScopedEC2InstanceActionsWithTags" || s.Sid == "AllowScopedInstanceProfileCreationActions"
    ])
    error_message = "What Karpenter creates must carry the cluster's ownership tag."
  }

  assert {
    condition = one([
      for s in jsondecode(aws_iam_role_policy.karpenter[0].policy).Statement : s.Resource
      if s.Sid == "AllowInterruptionQueueActions"
    ]) == aws_sqs_queue.karpenter[0].arn
    error_message = "Karpenter reads only its interruption queue."
  }

  assert {
    condition     = aws_sqs_queue.karpenter[0].message_retention_seconds == 300 && aws_sqs_queue.karpenter[0].sqs_managed_sse_enabled == true && aws_sqs_queue.karpenter[0].name == "bizflow-euw2-karpenter"
    error_message = "The interruption queue is encrypted, keeps messages 300 s, and is named after the cluster."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_event_rule.karpenter)) == toset(["spot-interruption", "rebalance", "instance-state", "scheduled-change"]) && length(aws_cloudwatch_event_target.karpenter) == 4
    error_message = "Four EventBridge rules feed the interruption queue."
  }

  assert {
    condition     = alltrue([for t in aws_cloudwatch_event_target.karpenter : t.arn == aws_sqs_queue.karpenter[0].arn])
    error_message = "Every rule targets the interruption queue."
  }

  assert {
    condition     = output.karpenter_queue_name == "bizflow-euw2-karpenter" && output.karpenter_role_arn != null
    error_message = "The role ARN and the queue name are outputs."
  }
}

run "rejects_target_group_binding_not_an_arn" {
  command = plan

  variables {
    target_group_binding_arns = { api = "bizflow-api" }
  }

  expect_failures = [var.target_group_binding_arns]
}

run "external_keys_and_public_endpoint" {
  command = plan

  variables {
    secrets_kms_key_arn          = "arn:aws:kms:eu-west-2:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    log_kms_key_arn              = "arn:aws:kms:eu-west-2:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-ffffffffffff"
    ebs_kms_key_arn              = "arn:aws:kms:eu-west-2:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-000000000000"
    endpoint_public_access       = true
    endpoint_public_access_cidrs = ["203.0.113.0/24"]
    kubernetes_version           = "1.33"
    log_retention_days           = 731
    enable_node_ssm_access       = true
    container_insights           = false
    addons = {
      coredns = { version = "v1.11.4-eksbuild.2" }
    }
  }

  assert {
    condition     = length(aws_kms_key.this) == 0
    error_message = "No key must be created when all keys are supplied."
  }
  assert {
    condition     = aws_eks_cluster.this.encryption_config[0].provider[0].key_arn == var.secrets_kms_key_arn && aws_cloudwatch_log_group.this.kms_key_id == var.log_kms_key_arn
    error_message = "Supplied keys must be used."
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.retention_in_days == 731
    error_message = "log_retention_days must pass through."
  }
  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access == true && aws_eks_cluster.this.vpc_config[0].public_access_cidrs == toset(["203.0.113.0/24"])
    error_message = "The public endpoint must be restricted to the given CIDRs."
  }
  assert {
    condition     = contains(keys(aws_iam_role_policy_attachment.node), "AmazonEKS_CNI_Policy") && length(aws_iam_role.irsa) == 0
    error_message = "Without the vpc-cni add-on the node role must carry the CNI policy."
  }
  assert {
    condition     = contains(keys(aws_iam_role_policy_attachment.node), "AmazonSSMManagedInstanceCore")
    error_message = "enable_node_ssm_access must attach AmazonSSMManagedInstanceCore."
  }
  assert {
    condition     = aws_eks_addon.this["coredns"].addon_version == "v1.11.4-eksbuild.2" && length(aws_eks_addon.before_compute) == 0
    error_message = "Add-on versions must pass through."
  }
}

run "explicit_ami_type_and_arm_gpu" {
  command = plan

  variables {
    node_groups = {
      graviton-gpu = {
        instance_types = ["g5g.xlarge"]
        min_size       = 1
        desired_size   = 1
        max_size       = 2
      }
      pinned = {
        instance_types = ["m5.large"]
        ami_type       = "AL2023_x86_64_STANDARD"
        min_size       = 1
        desired_size   = 1
        max_size       = 2
      }
    }
    fargate_profiles = {}
    admin_role_arns  = []
  }

  assert {
    condition     = aws_eks_node_group.this["graviton-gpu"].ami_type == "AL2023_ARM_64_NVIDIA" && aws_eks_node_group.this["pinned"].ami_type == "AL2023_x86_64_STANDARD"
    error_message = "Graviton GPU families get the ARM NVIDIA AMI; an explicit ami_type wins."
  }
  assert {
    condition     = length(aws_iam_role.fargate) == 0 && length(aws_eks_access_entry.admin) == 0
    error_message = "No Fargate role or access entries without profiles or admin roles."
  }
}

run "rejects_mixed_architectures" {
  command = plan

  variables {
    node_groups = {
      mixed = {
        instance_types = ["m5.large", "m6g.large"]
        min_size       = 1
        desired_size   = 1
        max_size       = 2
      }
    }
  }

  expect_failures = [aws_eks_node_group.this["mixed"]]
}

run "rejects_subnets_outside_vpc" {
  command = plan

  variables {
    vpc_id = "vpc-0fedcba9876543210"
  }

  expect_failures = [aws_eks_cluster.this]
}

run "rejects_secrets_key_from_another_region" {
  command = plan

  variables {
    secrets_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
  }

  expect_failures = [aws_eks_cluster.this]
}

run "rejects_bad_version" {
  command = plan

  variables {
    kubernetes_version = "1.27"
  }

  expect_failures = [var.kubernetes_version]
}

run "rejects_min_greater_than_desired" {
  command = plan

  variables {
    node_groups = {
      general = {
        instance_types = ["t3.large"]
        min_size       = 3
        desired_size   = 2
        max_size       = 10
      }
    }
  }

  expect_failures = [var.node_groups]
}

run "rejects_public_endpoint_open_to_world" {
  command = plan

  variables {
    endpoint_public_access       = true
    endpoint_public_access_cidrs = ["0.0.0.0/0"]
  }

  expect_failures = [var.endpoint_public_access_cidrs]
}

run "rejects_public_endpoint_without_cidrs" {
  command = plan

  variables {
    endpoint_public_access = true
  }

  expect_failures = [var.endpoint_public_access_cidrs]
}

run "rejects_bad_taint_effect" {
  command = plan

  variables {
    node_groups = {
      gpu = {
        instance_types = ["g4dn.xlarge"]
        min_size       = 1
        desired_size   = 1
        max_size       = 2
        taints         = [{ key = "nvidia.com/gpu", value = "true", effect = "NoSchedule" }]
      }
    }
  }

  expect_failures = [var.node_groups]
}

run "rejects_bad_cluster_name" {
  command = plan

  variables {
    cluster_name = "-bizflow.euw2"
  }

  expect_failures = [var.cluster_name]
}

run "rejects_long_cluster_name" {
  command = plan

  variables {
    cluster_name = "a${join("", [for i in range(100) : "b"])}"
  }

  expect_failures = [var.cluster_name]
}

run "rejects_single_subnet" {
  command = plan

  variables {
    subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1"]
  }

  expect_failures = [var.subnet_ids]
}

run "rejects_bad_retention" {
  command = plan

  variables {
    log_retention_days = 100
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_bad_capacity_type" {
  command = plan

  variables {
    node_groups = {
      memory = {
        instance_types = ["r5.large"]
        capacity_type  = "spot"
        min_size       = 1
        desired_size   = 1
        max_size       = 2
      }
    }
  }

  expect_failures = [var.node_groups]
}

run "rejects_bad_fargate_namespace" {
  command = plan

  variables {
    fargate_profiles = {
      whatsapp-worker = {
        selectors = [{ namespace = "WhatsApp_Worker" }]
      }
    }
  }

  expect_failures = [var.fargate_profiles]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.eks.data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }

  override_data {
    target = module.eks.data.aws_partition.current
    values = { partition = "aws", dns_suffix = "amazonaws.com" }
  }

  override_data {
    target = module.eks.data.aws_region.current
    values = { name = "eu-west-2" }
  }

  override_data {
    target = module.eks.data.aws_subnet.this[0]
    values = { vpc_id = "vpc-0a1b2c3d4e5f60718", availability_zone = "eu-west-2a" }
  }

  override_data {
    target = module.eks.data.aws_subnet.this[1]
    values = { vpc_id = "vpc-0a1b2c3d4e5f60718", availability_zone = "eu-west-2b" }
  }

  override_data {
    target = module.eks.data.aws_subnet.this[2]
    values = { vpc_id = "vpc-0a1b2c3d4e5f60718", availability_zone = "eu-west-2c" }
  }

  assert {
    condition     = module.eks.cluster_name == "bizflow-euw2"
    error_message = "The basic example must plan its cluster."
  }
}

run "rejects_reserved_tag_key" {
  command = plan

  variables {
    tags = { "aws:cloudformation:stack-name" = "bizflow" }
  }

  expect_failures = [var.tags]
}
