data "aws_region" "current" {}
data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  dns_suffix = data.aws_partition.current.dns_suffix

  with_port  = { for k, s in var.services : k => s if s.port != null }
  with_queue = { for k, s in var.services : k => s if s.queue != null }
  with_depth = { for k, s in var.services : k => s if try(s.scaling.queue_depth, null) != null }
  with_cpu   = { for k, s in var.services : k => s if try(s.scaling.cpu, null) != null }
  with_mem   = { for k, s in var.services : k => s if try(s.scaling.memory, null) != null }
  with_min   = { for k, s in var.services : k => s if s.min > 0 }

  # ECR repositories the images come from: the execution role pulls from these only.
  ecr = {
    for k, s in var.services : k => regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)", s.image)
    if can(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)", s.image))
  }

  ecr_repository_arns = { for k, m in local.ecr : k => "arn:${local.partition}:ecr:${m[1]}:${m[0]}:repository/${m[2]}" }

  # Secrets by kind; the policy names the ARN without a `:json-key:version-stage:version-id` suffix.
  secret_arns = {
    for k, s in var.services : k => sort(distinct([
      for v in values(s.secrets) : regex("^(arn:[^:]+:secretsmanager:[^:]+:[0-9]+:secret:[^:]+)", v)[0]
      if can(regex("^arn:[^:]+:secretsmanager:", v))
    ]))
  }
  parameter_arns = {
    for k, s in var.services : k => sort(distinct([for v in values(s.secrets) : v if can(regex("^arn:[^:]+:ssm:", v))]))
  }

  log_group_arn = { for k, s in var.services : k => "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/ecs/${var.cluster_name}/${k}" }

  assume_ecs_tasks = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:*" }
      }
    }]
  })

  secrets_via = ["secretsmanager.${local.region}.${local.dns_suffix}", "ssm.${local.region}.${local.dns_suffix}"]

  # Statements both roles get for a service's secrets: exactly the ARNs it names.
  secret_statements = {
    for k, s in var.services : k => concat(
      [for st in [{
        Sid      = "ReadNamedSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = local.secret_arns[k]
      }] : st if length(local.secret_arns[k]) > 0],
      [for st in [{
        Sid      = "ReadNamedParameters"
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = local.parameter_arns[k]
      }] : st if length(local.parameter_arns[k]) > 0],
      [for st in [{
        Sid       = "DecryptSecretsViaService"
        Effect    = "Allow"
        Action    = ["kms:Decrypt"]
        Resource  = [var.secrets_kms_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = local.secrets_via } }
      }] : st if length(s.secrets) > 0 && var.secrets_kms_key_arn != null],
    )
  }

  execution_statements = {
    for k, s in var.services : k => concat(
      [for st in [
        {
          Sid      = "EcrAuth"
          Effect   = "Allow"
          Action   = ["ecr:GetAuthorizationToken"]
          Resource = ["*"] # not resource-scoped by AWS
        },
        {
          Sid      = "PullImage"
          Effect   = "Allow"
          Action   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
          Resource = [lookup(local.ecr_repository_arns, k, "")]
        },
      ] : st if contains(keys(local.ecr), k)],
      [{
        Sid      = "WriteLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${local.log_group_arn[k]}:log-stream:*"]
      }],
      local.secret_statements[k],
    )
  }

  reads  = { for k, s in var.services : k => [for b in values(s.buckets) : b.arn if contains(["read", "read_write"], b.access)] }
  writes = { for k, s in var.services : k => [for b in values(s.buckets) : b.arn if contains(["write", "read_write"], b.access)] }

  task_statements = {
    for k, s in var.services : k => concat(
      local.secret_statements[k],
      [for st in [
        { Sid = "ListReadBuckets", Effect = "Allow", Action = ["s3:ListBucket"], Resource = sort(local.reads[k]) },
        { Sid = "ReadObjects", Effect = "Allow", Action = ["s3:GetObject"], Resource = sort([for b in local.reads[k] : "${b}/*"]) },
      ] : st if length(local.reads[k]) > 0],
      [for st in [
        { Sid = "WriteObjects", Effect = "Allow", Action = ["s3:AbortMultipartUpload", "s3:PutObject"], Resource = sort([for b in local.writes[k] : "${b}/*"]) },
      ] : st if length(local.writes[k]) > 0],
      [for st in [{
        Sid       = "BucketKeyViaS3"
        Effect    = "Allow"
        Action    = length(local.writes[k]) > 0 ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"]
        Resource  = [var.storage_kms_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = ["s3.${local.region}.${local.dns_suffix}"] } }
      }] : st if length(s.buckets) > 0 && var.storage_kms_key_arn != null],
      [for st in [
        {
          Sid      = "ConsumeOwnQueue"
          Effect   = "Allow"
          Action   = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:SendMessage"]
          Resource = [try(aws_sqs_queue.this[k].arn, "")]
        },
        {
          Sid       = "QueueKeyViaSqs"
          Effect    = "Allow"
          Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
          Resource  = [var.queue_kms_key_arn]
          Condition = { StringEquals = { "kms:ViaService" = ["sqs.${local.region}.${local.dns_suffix}"] } }
        },
      ] : st if s.queue != null],
      [for st in [
        {
          Sid      = "EcsExecChannels"
          Effect   = "Allow"
          Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
          Resource = ["*"] # not resource-scoped by AWS
        },
        {
          Sid      = "EcsExecLogs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
          Resource = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/ecs/${var.cluster_name}/exec:*"]
        },
        {
          Sid      = "EcsExecSessionKey"
          Effect   = "Allow"
          Action   = ["kms:Decrypt"]
          Resource = [var.log_kms_key_arn]
        },
      ] : st if s.exec],
    )
  }

  log_kms_key_region = split(":", var.log_kms_key_arn)[3]
}

################################################################################
# Cluster
################################################################################

# ECS Exec sessions are logged, encrypted, to their own log group.
resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/${var.cluster_name}/exec"
  kms_key_id        = var.log_kms_key_arn
  retention_in_days = var.log_retention_days

  tags = merge(var.tags, { Name = "/ecs/${var.cluster_name}/exec" })

  lifecycle {
    precondition {
      condition     = local.log_kms_key_region == local.region
      error_message = "log_kms_key_arn must be a key in this region (${local.region}), got one in ${local.log_kms_key_region}."
    }
  }
}

resource "aws_ecs_cluster" "this" {
  name = var.cluster_name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  configuration {
    # ECS Exec sessions (off unless a service asks) are encrypted with the region's logs key.
    execute_command_configuration {
      kms_key_id = var.log_kms_key_arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
      }
    }
  }

  tags = merge(var.tags, { Name = var.cluster_name })
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
}

################################################################################
# Logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  for_each = var.services

  name              = "/ecs/${var.cluster_name}/${each.key}"
  kms_key_id        = var.log_kms_key_arn
  retention_in_days = var.log_retention_days

  tags = merge(var.tags, { Name = "/ecs/${var.cluster_name}/${each.key}" })
}

################################################################################
# IAM: an execution role (pull, logs, secret injection) and a task role (what the app
# may touch) per service, each granting exactly what the service names.
################################################################################

resource "aws_iam_role" "execution" {
  for_each = var.services

  name               = "${each.value.name}-exec"
  description        = "ECS execution role of ${each.key}: image pull, logs, its named secrets"
  assume_role_policy = local.assume_ecs_tasks

  tags = merge(var.tags, { Name = "${each.value.name}-exec" })
}

resource "aws_iam_role_policy" "execution" {
  for_each = var.services

  name   = "execution"
  role   = aws_iam_role.execution[each.key].id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.execution_statements[each.key] })
}

resource "aws_iam_role" "task" {
  for_each = var.services

  name               = "${each.value.name}-task"
  description        = "ECS task role of ${each.key}: exactly the secrets, buckets and queue it names"
  assume_role_policy = local.assume_ecs_tasks

  tags = merge(var.tags, { Name = "${each.value.name}-task" })
}

resource "aws_iam_role_policy" "task" {
  # Keyed by what the spec names (known at plan), never by the statements, whose key ARNs
  # are other modules' outputs.
  for_each = { for k, s in var.services : k => s if length(s.secrets) > 0 || length(s.buckets) > 0 || s.queue != null || s.exec }

  name   = "task"
  role   = aws_iam_role.task[each.key].id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.task_statements[each.key] })
}

################################################################################
# Security groups: the service port only from the load balancer; egress to the VPC
# (databases, caches) and HTTPS (AWS APIs).
################################################################################

resource "aws_security_group" "this" {
  for_each = var.services

  name        = "${each.value.name}-tasks"
  description = "Tasks of ECS service ${each.key}: port from the load balancer only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${each.value.name}-tasks" })

  lifecycle {
    create_before_destroy = true
  }
}

# Keyed by the port (known at plan), not the target group ARN (another module's output).
resource "aws_vpc_security_group_ingress_rule" "from_load_balancer" {
  for_each = local.with_port

  security_group_id            = aws_security_group.this[each.key].id
  description                  = "Port ${each.value.port} from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = var.load_balancer_security_group_id

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "vpc" {
  for_each = var.services

  security_group_id = aws_security_group.this[each.key].id
  description       = "TCP inside the VPC (databases, caches)"
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = var.vpc_cidr_block

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each = var.services

  security_group_id = aws_security_group.this[each.key].id
  description       = "HTTPS to AWS APIs and image registries"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

################################################################################
# Queues: KMS-encrypted, with a dead-letter queue
################################################################################

resource "aws_sqs_queue" "dlq" {
  for_each = local.with_queue

  name                              = "${each.value.name}-dlq"
  kms_master_key_id                 = var.queue_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  message_retention_seconds         = 1209600

  tags = merge(var.tags, { Name = "${each.value.name}-dlq" })
}

resource "aws_sqs_queue" "this" {
  for_each = local.with_queue

  name                              = each.value.name
  kms_master_key_id                 = var.queue_kms_key_arn
  kms_data_key_reuse_period_seconds = 300
  visibility_timeout_seconds        = each.value.queue.visibility_timeout
  message_retention_seconds         = each.value.queue.retention_days * 86400

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = each.value.queue.max_receive_count
  })

  tags = merge(var.tags, { Name = each.value.name })

  lifecycle {
    precondition {
      condition     = var.queue_kms_key_arn != null
      error_message = "Service ${each.key} has a queue: queue_kms_key_arn is required."
    }
  }
}

resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  for_each = local.with_queue

  queue_url = aws_sqs_queue.dlq[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this[each.key].arn]
  })
}

################################################################################
# Task definitions: non-root, read-only root filesystem (a scratch /tmp), awslogs
################################################################################

resource "aws_ecs_task_definition" "this" {
  for_each = var.services

  family                   = each.value.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(each.value.cpu)
  memory                   = tostring(each.value.memory)
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([merge(
    {
      name                   = each.key
      image                  = each.value.image
      essential              = true
      user                   = each.value.user
      readonlyRootFilesystem = each.value.readonly_root_filesystem
      privileged             = false
      portMappings = each.value.port == null ? [] : [{
        containerPort = each.value.port
        protocol      = "tcp"
      }]
      environment = [for name in sort(keys(each.value.environment)) : { name = name, value = each.value.environment[name] }]
      secrets     = [for name in sort(keys(each.value.secrets)) : { name = name, valueFrom = each.value.secrets[name] }]
      mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      linuxParameters = {
        initProcessEnabled = each.value.exec
        capabilities       = { drop = ["ALL"] }
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this[each.key].name
          awslogs-region        = local.region
          awslogs-stream-prefix = each.key
        }
      }
    },
    each.value.command == null ? {} : { command = each.value.command },
  )])

  tags = merge(var.tags, { Name = each.value.name })
}

################################################################################
# Services: private subnets, circuit breaker with rollback, Exec only when asked
################################################################################

resource "aws_ecs_service" "this" {
  for_each = var.services

  name                    = each.key
  cluster                 = aws_ecs_cluster.this.arn
  task_definition         = aws_ecs_task_definition.this[each.key].arn
  desired_count           = each.value.desired
  enable_execute_command  = each.value.exec
  propagate_tags          = "SERVICE"
  enable_ecs_managed_tags = true

  health_check_grace_period_seconds = each.value.target_group_arn != null ? each.value.health_check_grace_period : null

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 100 - each.value.spot_percent
  }

  dynamic "capacity_provider_strategy" {
    for_each = each.value.spot_percent > 0 ? [each.value.spot_percent] : []
    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = capacity_provider_strategy.value
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this[each.key].id]
    assign_public_ip = false
  }

  # The target group only: the load balancer's listener rules attach it (elsewhere).
  dynamic "load_balancer" {
    for_each = each.value.target_group_arn != null ? [each.value.target_group_arn] : []
    content {
      target_group_arn = load_balancer.value
      container_name   = each.key
      container_port   = each.value.port
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  deployment_controller {
    type = "ECS"
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  tags = merge(var.tags, { Name = each.key })

  depends_on = [aws_ecs_cluster_capacity_providers.this, aws_iam_role_policy.execution]

  lifecycle {
    # Auto scaling owns the running count; the spec's desired count is its minimum's start.
    ignore_changes = [desired_count]
  }
}

################################################################################
# Auto scaling: target tracking on CPU and memory, step scaling on queue depth
################################################################################

resource "aws_appautoscaling_target" "this" {
  for_each = var.services

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this[each.key].name}"
  min_capacity       = each.value.min
  max_capacity       = each.value.max

  tags = var.tags
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = local.with_cpu

  name               = "${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.scaling.cpu
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  for_each = local.with_mem

  name               = "${each.key}-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.scaling.memory
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "queue_out" {
  for_each = local.with_depth

  name               = "${each.key}-queue-out"
  policy_type        = "StepScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    cooldown                = each.value.scaling.queue_depth.cooldown
    metric_aggregation_type = "Maximum"

    # Above the threshold: +step; a backlog ten times the threshold: +2 steps.
    step_adjustment {
      metric_interval_lower_bound = 0
      metric_interval_upper_bound = each.value.scaling.queue_depth.scale_out_above * 9
      scaling_adjustment          = each.value.scaling.queue_depth.step
    }

    step_adjustment {
      metric_interval_lower_bound = each.value.scaling.queue_depth.scale_out_above * 9
      scaling_adjustment          = each.value.scaling.queue_depth.step * 2
    }
  }
}

resource "aws_appautoscaling_policy" "queue_in" {
  for_each = local.with_depth

  name               = "${each.key}-queue-in"
  policy_type        = "StepScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    cooldown                = each.value.scaling.queue_depth.cooldown
    metric_aggregation_type = "Maximum"

    step_adjustment {
      metric_interval_upper_bound = 0
      scaling_adjustment          = -each.value.scaling.queue_depth.step
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "queue_high" {
  for_each = local.with_depth

  alarm_name          = "${each.value.name}-queue-high"
  alarm_description   = "Scale ${each.key} out: its queue holds more than ${each.value.scaling.queue_depth.scale_out_above} visible messages"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.this[each.key].name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.scaling.queue_depth.scale_out_above
  alarm_actions       = [aws_appautoscaling_policy.queue_out[each.key].arn]

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "queue_low" {
  for_each = local.with_depth

  alarm_name          = "${each.value.name}-queue-low"
  alarm_description   = "Scale ${each.key} in: its queue holds fewer than ${each.value.scaling.queue_depth.scale_in_below} visible messages"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.this[each.key].name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "LessThanThreshold"
  threshold           = each.value.scaling.queue_depth.scale_in_below
  alarm_actions       = [aws_appautoscaling_policy.queue_in[each.key].arn]

  tags = var.tags
}
