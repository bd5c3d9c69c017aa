mock_provider "aws" {
  override_data {
    target = data.aws_region.current
    values = {
      name = "ap-south-1"
    }
  }

  override_data {
    target = data.aws_caller_identity.current
    values = {
      account_id = "123456789012"
    }
  }

  override_data {
    target = data.aws_partition.current
    values = {
      partition  = "aws"
      dns_suffix = "amazonaws.com"
    }
  }
}

variables {
  cluster_name                    = "projectone-production-aps1"
  vpc_id                          = "vpc-0a1b2c3d4e5f60718"
  vpc_cidr_block                  = "10.0.0.0/16"
  subnet_ids                      = ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"]
  load_balancer_security_group_id = "sg-0a1b2c3d4e5f60099"
  log_kms_key_arn                 = "arn:aws:kms:ap-south-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  queue_kms_key_arn               = "arn:aws:kms:ap-south-1:123456789012:key/2234abcd-12ab-34cd-56ef-1234567890ab"
  storage_kms_key_arn             = "arn:aws:kms:ap-south-1:123456789012:key/2234abcd-12ab-34cd-56ef-1234567890ab"
  secrets_kms_key_arn             = "arn:aws:kms:ap-south-1:123456789012:key/3234abcd-12ab-34cd-56ef-1234567890ab"
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
      secrets          = { DATABASE_URL = "arn:aws:secretsmanager:ap-south-1:123456789012:secret:projectone/db-AbCdEf" }
      buckets          = { documents = { arn = "arn:aws:s3:::projectone-production-documents-ap-south-1", access = "read" } }
      scaling          = { cpu = 60, memory = 75 }
    }
    worker = {
      name         = "projectone-production-aps1-worker"
      image        = "public.ecr.aws/docker/library/python:3.12"
      cpu          = 1024
      memory       = 2048
      desired      = 0
      min          = 0
      max          = 20
      queue        = {}
      scaling      = { queue_depth = { scale_out_above = 100 } }
      spot_percent = 70
    }
  }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    error_message = "Container Insights must be on."
  }

  assert {
    condition     = aws_ecs_cluster.this.configuration[0].execute_command_configuration[0].log_configuration[0].cloud_watch_encryption_enabled
    error_message = "ECS Exec session logs must be encrypted."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this["api"].kms_key_id == var.log_kms_key_arn && aws_cloudwatch_log_group.this["api"].retention_in_days == 365
    error_message = "Service logs go to a KMS-encrypted log group with the given retention."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this["api"].container_definitions)[0].readonlyRootFilesystem == true && jsondecode(aws_ecs_task_definition.this["api"].container_definitions)[0].user == "1000:1000"
    error_message = "Containers run as a non-root user on a read-only root filesystem."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this["api"].container_definitions)[0].logConfiguration.logDriver == "awslogs"
    error_message = "Containers log through awslogs."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this["api"].container_definitions)[0].secrets[0].valueFrom == "arn:aws:secretsmanager:ap-south-1:123456789012:secret:projectone/db-AbCdEf"
    error_message = "Secrets are injected by ARN."
  }

  assert {
    condition     = aws_ecs_service.this["api"].enable_execute_command == false && aws_ecs_service.this["worker"].enable_execute_command == false
    error_message = "ECS Exec is off unless asked."
  }

  assert {
    condition     = aws_ecs_service.this["api"].deployment_circuit_breaker[0].enable && aws_ecs_service.this["api"].deployment_circuit_breaker[0].rollback
    error_message = "The deployment circuit breaker rolls back failed deployments."
  }

  assert {
    condition     = aws_ecs_service.this["api"].network_configuration[0].assign_public_ip == false && toset(aws_ecs_service.this["api"].network_configuration[0].subnets) == toset(var.subnet_ids)
    error_message = "Tasks run in the private subnets without public IPs."
  }

  assert {
    condition     = one(aws_ecs_service.this["api"].load_balancer).target_group_arn == var.services.api.target_group_arn && length(aws_ecs_service.this["worker"].load_balancer) == 0
    error_message = "The API registers in its target group; the worker in none."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.from_load_balancer["api"].referenced_security_group_id == var.load_balancer_security_group_id && aws_vpc_security_group_ingress_rule.from_load_balancer["api"].from_port == 8080
    error_message = "Only the load balancer reaches the service port."
  }

  assert {
    condition     = !contains(keys(aws_vpc_security_group_ingress_rule.from_load_balancer), "worker")
    error_message = "A worker takes no inbound traffic."
  }

  assert {
    condition     = length(aws_ecs_service.this["worker"].capacity_provider_strategy) == 2
    error_message = "spot_percent adds a FARGATE_SPOT share."
  }

  assert {
    condition     = aws_appautoscaling_target.this["api"].min_capacity == 2 && aws_appautoscaling_target.this["api"].max_capacity == 50
    error_message = "Auto scaling runs between min and max."
  }

  assert {
    condition     = aws_appautoscaling_policy.cpu["api"].target_tracking_scaling_policy_configuration[0].target_value == 60 && aws_appautoscaling_policy.memory["api"].target_tracking_scaling_policy_configuration[0].target_value == 75
    error_message = "Target tracking on CPU and memory."
  }

  assert {
    condition     = aws_sqs_queue.this["worker"].kms_master_key_id == var.queue_kms_key_arn && aws_sqs_queue.dlq["worker"].kms_master_key_id == var.queue_kms_key_arn
    error_message = "Queues and dead-letter queues are KMS-encrypted."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.queue_high["worker"].threshold == 100 && aws_cloudwatch_metric_alarm.queue_high["worker"].metric_name == "ApproximateNumberOfMessagesVisible"
    error_message = "Step scaling alarms on the queue depth."
  }

  assert {
    condition     = length(jsondecode(aws_iam_role_policy.execution["worker"].policy).Statement) == 1
    error_message = "A public image with no secrets: the execution role only writes its logs."
  }

  assert {
    condition = toset(flatten([for s in jsondecode(aws_iam_role_policy.task["api"].policy).Statement : s.Action])) == toset([
      "secretsmanager:GetSecretValue", "kms:Decrypt", "s3:ListBucket", "s3:GetObject",
    ])
    error_message = "The API's task role reads its secret and its bucket, nothing more."
  }

  assert {
    condition     = !contains(keys(aws_cloudwatch_metric_alarm.tasks_low), "worker")
    error_message = "No running-task alarm for a service that may scale to zero."
  }

  assert {
    condition     = contains(keys(output.alarm_arns), "cpu/api") && contains(keys(output.alarm_arns), "memory/worker") && !contains(keys(output.alarm_arns), "running_tasks/worker")
    error_message = "alarm_arns lists the health alarms by service (what the dashboards show)."
  }
}

run "alarms_reach_topics" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:123456789012:projectone-critical"]
      warning  = ["arn:aws:sns:ap-south-1:123456789012:projectone-warning"]
    }
    alarms = {
      cpu    = { enabled = false }
      memory = { threshold = 80, minutes = 5, severity = "warning" }
    }
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.cpu_high) == 0 && length(aws_cloudwatch_metric_alarm.memory_high) == 2
    error_message = "A turned-off alarm is not created; the others watch every service."
  }

  assert {
    condition = (
      aws_cloudwatch_metric_alarm.memory_high["api"].threshold == 80 &&
      aws_cloudwatch_metric_alarm.memory_high["api"].evaluation_periods == 5 &&
      aws_cloudwatch_metric_alarm.memory_high["api"].treat_missing_data == "missing" &&
      aws_cloudwatch_metric_alarm.memory_high["api"].alarm_actions == toset(var.alarm_actions.warning)
    )
    error_message = "The spec's memory threshold, window and severity reach the alarm and its topic."
  }

  assert {
    condition = (
      aws_cloudwatch_metric_alarm.tasks_low["api"].treat_missing_data == "breaching" &&
      aws_cloudwatch_metric_alarm.tasks_low["api"].alarm_actions == toset(var.alarm_actions.critical) &&
      endswith(aws_cloudwatch_metric_alarm.tasks_low["api"].alarm_description, "Runbook: docs/runbooks.md#ecs-running-tasks")
    )
    error_message = "Too few running tasks is an availability alarm: critical, breaching when silent, with its runbook line."
  }
}

run "exec_when_asked" {
  command = plan

  variables {
    services = {
      api = {
        name    = "demo-aps1-api"
        image   = "123456789012.dkr.ecr.ap-south-1.amazonaws.com/api:1"
        cpu     = 256
        memory  = 512
        desired = 1
        min     = 1
        max     = 2
        exec    = true
      }
    }
  }

  assert {
    condition     = aws_ecs_service.this["api"].enable_execute_command
    error_message = "exec = true turns ECS Exec on."
  }

  assert {
    condition     = contains(flatten([for s in jsondecode(aws_iam_role_policy.task["api"].policy).Statement : s.Action]), "ssmmessages:OpenDataChannel")
    error_message = "ECS Exec needs the SSM message channels on the task role."
  }
}

run "rejects_unsupported_fargate_size" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 4096, desired = 1, min = 1, max = 2 }
    }
  }

  expect_failures = [var.services]
}

run "rejects_counts_out_of_order" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 5, min = 1, max = 2 }
    }
  }

  expect_failures = [var.services]
}

run "rejects_literal_secret" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, secrets = { TOKEN = "hunter2" } }
    }
  }

  expect_failures = [var.services]
}

run "rejects_root_user" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, user = "0" }
    }
  }

  expect_failures = [var.services]
}

run "rejects_target_without_port" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, target_group_arn = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:targetgroup/x/1" }
    }
  }

  expect_failures = [var.services]
}

run "rejects_queue_depth_without_queue" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, scaling = { queue_depth = { scale_out_above = 10 } } }
    }
  }

  expect_failures = [var.services]
}

run "rejects_scale_in_above_scale_out" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, queue = {}, scaling = { queue_depth = { scale_out_above = 10, scale_in_below = 10 } } }
    }
  }

  expect_failures = [var.services]
}

run "rejects_spot_over_100" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, spot_percent = 101 }
    }
  }

  expect_failures = [var.services]
}

run "rejects_bad_bucket_access" {
  command = plan

  variables {
    services = {
      api = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2, buckets = { b = { arn = "arn:aws:s3:::b", access = "admin" } } }
    }
  }

  expect_failures = [var.services]
}

run "rejects_bad_service_key" {
  command = plan

  variables {
    services = {
      API = { name = "demo-aps1-api", image = "nginx:1", cpu = 256, memory = 512, desired = 1, min = 1, max = 2 }
    }
  }

  expect_failures = [var.services]
}

run "rejects_bad_cluster_name" {
  command = plan

  variables {
    cluster_name = "bad name"
  }

  expect_failures = [var.cluster_name]
}

run "rejects_disabled_container_insights" {
  command = plan

  variables {
    container_insights = "disabled"
  }

  expect_failures = [var.container_insights]
}

run "rejects_bad_retention" {
  command = plan

  variables {
    log_retention_days = 42
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_bad_log_key" {
  command = plan

  variables {
    log_kms_key_arn = "alias/logs"
  }

  expect_failures = [var.log_kms_key_arn]
}

run "rejects_bad_vpc_cidr" {
  command = plan

  variables {
    vpc_cidr_block = "10.0.0.0"
  }

  expect_failures = [var.vpc_cidr_block]
}

run "rejects_no_subnets" {
  command = plan

  variables {
    subnet_ids = []
  }

  expect_failures = [var.subnet_ids]
}

run "rejects_log_key_in_another_region" {
  command = plan

  variables {
    log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  expect_failures = [aws_cloudwatch_log_group.exec]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.ecs.data.aws_region.current
    values = { name = "ap-south-1" }
  }

  override_data {
    target = module.ecs.data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }

  override_data {
    target = module.ecs.data.aws_partition.current
    values = { partition = "aws", dns_suffix = "amazonaws.com" }
  }

  assert {
    condition     = length(module.ecs.service_names) == 2
    error_message = "The example runs the api and the ai-worker."
  }
}
