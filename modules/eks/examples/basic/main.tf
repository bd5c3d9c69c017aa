# One region's Kubernetes cluster: a private API endpoint, a general node pool and a GPU pool
# (tainted so only GPU workloads land there), a Fargate profile for bursty workers, and the
# platform team's role as cluster administrator.

provider "aws" {
  region = "eu-west-2"
}

module "eks" {
  source = "../.."

  cluster_name = "bizflow-euw2"

  # The region's network (e.g. the vpc module's vpc_id and private_subnet_ids).
  vpc_id     = "vpc-0a1b2c3d4e5f60718"
  subnet_ids = ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712", "subnet-0a1b2c3d4e5f60713"]

  admin_role_arns = ["arn:aws:iam::123456789012:role/platform-admin"]

  node_groups = {
    general = {
      instance_types = ["t3.large", "t3.xlarge"]
      min_size       = 3
      desired_size   = 3
      max_size       = 10
    }
    ai-processing = {
      instance_types = ["g4dn.xlarge"]
      min_size       = 1
      desired_size   = 1
      max_size       = 4
      disk_size_gb   = 100
      labels         = { workload = "ai-processing" }
      taints         = [{ key = "nvidia.com/gpu", value = "true", effect = "NO_SCHEDULE" }]
    }
  }

  fargate_profiles = {
    whatsapp-worker = { selectors = [{ namespace = "whatsapp-worker" }] }
  }

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "cluster_name" {
  description = "Name of the cluster."
  value       = module.eks.cluster_name
}

output "addon_irsa_role_arns" {
  description = "IRSA role ARN by add-on."
  value       = module.eks.addon_irsa_role_arns
}
