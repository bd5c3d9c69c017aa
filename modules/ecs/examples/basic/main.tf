# One region's Fargate services: an API behind the load balancer's target group, scaling on
# CPU and memory, and an AI worker consuming its SQS queue, mostly on FARGATE_SPOT, scaling on
# the queue's depth.

provider "aws" {
  region = "ap-south-1"
}

module "ecs" {
  source = "../.."

  cluster_name = "projectone-production-aps1"

  # The region's network (vpc module) and load balancer (alb module).
  vpc_id                          = "vpc-0a1b2c3d4e5f60718"
  vpc_cidr_block                  = "10.0.0.0/16"
  subnet_ids                      = ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"]
  load_balancer_security_group_id = "sg-0a1b2c3d4e5f60099"

  # The region's keys (kms module).
  log_kms_key_arn     = "arn:aws:kms:ap-south-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  queue_kms_key_arn   = "arn:aws:kms:ap-south-1:123456789012:key/2234abcd-12ab-34cd-56ef-1234567890ab"
  storage_kms_key_arn = "arn:aws:kms:ap-south-1:123456789012:key/2234abcd-12ab-34cd-56ef-1234567890ab"
  secrets_kms_key_arn = "arn:aws:kms:ap-south-1:123456789012:key/3234abcd-12ab-34cd-56ef-1234567890ab"

  services = {
    api = {
      name             = "projectone-production-aps1-api"
      image            = "123456789012.dkr.ecr.ap-south-1.amazonaws.com/projectone/api:1.4.2"
      cpu              = 512
      memory           = 1024
      port             = 8080
      target_group_arn = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:targetgroup/projectone-production-aps1-app/73e2d6bc24d8a067"
      desired          = 2
      min              = 2
      max              = 50
      environment      = { LOG_LEVEL = "info" }
      secrets          = { DATABASE_URL = "arn:aws:secretsmanager:ap-south-1:123456789012:secret:projectone/db-AbCdEf" }
      buckets          = { documents = { arn = "arn:aws:s3:::projectone-production-documents-ap-south-1", access = "read_write" } }
      scaling          = { cpu = 60, memory = 75 }
    }
    ai-worker = {
      name         = "projectone-production-aps1-ai-worker"
      image        = "123456789012.dkr.ecr.ap-south-1.amazonaws.com/projectone/ai-worker:1.4.2"
      cpu          = 1024
      memory       = 4096
      desired      = 1
      min          = 1
      max          = 20
      queue        = { visibility_timeout = 900 }
      scaling      = { queue_depth = { scale_out_above = 100 } }
      spot_percent = 70
    }
  }

  tags = {
    Project     = "projectone"
    Environment = "production"
  }
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = module.ecs.cluster_name
}
