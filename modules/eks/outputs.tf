output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = aws_eks_cluster.this.arn
}

output "cluster_endpoint" {
  description = "Endpoint of the Kubernetes API server (private; public only when endpoint_public_access is true)."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64-encoded certificate authority data of the cluster."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "cluster_security_group_id" {
  description = "ID of the EKS-managed cluster security group (used by the control plane and the managed nodes; tagged for Karpenter discovery)."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "oidc_provider_arn" {
  description = "ARN of the IAM OIDC provider for IRSA."
  value       = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer_url" {
  description = "OIDC issuer URL of the cluster."
  value       = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

output "cluster_role_arn" {
  description = "ARN of the cluster IAM role."
  value       = aws_iam_role.cluster.arn
}

output "node_role_arn" {
  description = "ARN of the node IAM role (reusable by Karpenter-launched nodes)."
  value       = aws_iam_role.node.arn
}

output "node_role_name" {
  description = "Name of the node IAM role."
  value       = aws_iam_role.node.name
}

output "node_group_names" {
  description = "Map of node group key to EKS managed node group name."
  value       = { for k, ng in aws_eks_node_group.this : k => ng.node_group_name }
}

output "node_group_ami_types" {
  description = "Map of node group key to the AMI type it uses (given or derived from the instance type)."
  value       = local.node_group_ami_types
}

output "fargate_profile_names" {
  description = "Map of Fargate profile key to Fargate profile name."
  value       = { for k, p in aws_eks_fargate_profile.this : k => p.fargate_profile_name }
}

output "fargate_pod_execution_role_arn" {
  description = "ARN of the Fargate pod execution role (null when there are no Fargate profiles)."
  value       = try(aws_iam_role.fargate[0].arn, null)
}

output "secrets_kms_key_arn" {
  description = "ARN of the KMS key encrypting Kubernetes secrets."
  value       = local.secrets_kms_key_arn
}

output "log_kms_key_arn" {
  description = "ARN of the KMS key encrypting the control-plane log group."
  value       = local.log_kms_key_arn
}

output "ebs_kms_key_arn" {
  description = "ARN of the KMS key encrypting node root volumes (usable as kmsKeyId in an EBS CSI StorageClass)."
  value       = local.ebs_kms_key_arn
}

output "log_group_name" {
  description = "Name of the control-plane CloudWatch log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "addon_irsa_role_arns" {
  description = "Map of add-on name to the IRSA role ARN the module created for it (vpc-cni, aws-ebs-csi-driver)."
  value       = local.addon_service_account_role_arns
}

output "karpenter_discovery_tag" {
  description = "Tag Karpenter uses to discover this cluster's subnets and security groups (apply it to the private subnets too)."
  value       = local.karpenter_discovery_tag
}

output "load_balancer_controller_role_arn" {
  description = "IRSA role of the AWS Load Balancer Controller (annotate kube-system/aws-load-balancer-controller with it); null without target_group_binding_arns."
  value       = one(aws_iam_role.load_balancer_controller[*].arn)
}

output "target_group_binding_arns" {
  description = "Target groups for TargetGroupBinding resources, by target name (the load balancer's, passed through)."
  value       = var.target_group_binding_arns
}

output "karpenter_role_arn" {
  description = "IRSA role of the Karpenter controller (annotate kube-system/karpenter with it); null unless karpenter is true."
  value       = one(aws_iam_role.karpenter[*].arn)
}

output "karpenter_queue_name" {
  description = "SQS interruption queue for Karpenter's settings.interruptionQueue; null unless karpenter is true."
  value       = one(aws_sqs_queue.karpenter[*].name)
}

output "alarm_arns" {
  description = "Alarm name => ARN of the node alarms (node_count, failed_nodes; empty without Container Insights)."
  value       = { for k, a in aws_cloudwatch_metric_alarm.nodes : k => a.arn }
}
