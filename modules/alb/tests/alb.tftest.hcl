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
      partition = "aws"
    }
  }

  override_data {
    target = data.aws_elb_service_account.this
    values = {
      arn = "arn:aws:iam::718504428378:root"
    }
  }

  override_data {
    target = data.aws_ec2_managed_prefix_list.cloudfront
    values = {
      id = "pl-3b927c52"
    }
  }

  mock_resource "aws_lb" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:ap-south-1:123456789012:loadbalancer/app/bizflow-production-aps1/50dc6c495c0c9188"
    }
  }
}

variables {
  name                    = "bizflow-production-aps1"
  security_group_name     = "bizflow-production-alb-ap-south-1"
  access_logs_bucket_name = "bizflow-production-alb-logs-ap-south-1"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  vpc_cidr_block          = "10.0.0.0/16"
  public_subnet_ids       = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  private_subnet_ids      = ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60012"]
  targets = {
    api = { name = "bizflow-production-aps1-api", port = 8080, priority = 180 }
  }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_lb.this.load_balancer_type == "application" && aws_lb.this.internal == false
    error_message = "The default is an internet-facing application load balancer."
  }

  assert {
    condition     = toset(aws_lb.this.subnets) == toset(var.public_subnet_ids)
    error_message = "An internet-facing load balancer sits in the public subnets."
  }

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields && aws_lb.this.enable_deletion_protection
    error_message = "Invalid header fields must be dropped and deletion protection on."
  }

  assert {
    condition     = aws_lb.this.access_logs[0].enabled && aws_lb.this.access_logs[0].prefix == "alb" && aws_s3_bucket.logs.bucket == "bizflow-production-alb-logs-ap-south-1"
    error_message = "Access logs must go to the module's bucket."
  }

  assert {
    condition     = aws_lb_listener.http.port == 80 && aws_lb_listener.http.default_action[0].type == "redirect" && aws_lb_listener.http.default_action[0].redirect[0].protocol == "HTTPS" && aws_lb_listener.http.default_action[0].redirect[0].port == "443"
    error_message = "Port 80 must only redirect to HTTPS."
  }

  assert {
    condition     = [for r in aws_s3_bucket_server_side_encryption_configuration.logs.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm][0] == "AES256"
    error_message = "The log bucket must use SSE-S3 (what ALB log delivery supports)."
  }

  assert {
    condition = (
      aws_s3_bucket_public_access_block.logs.block_public_acls &&
      aws_s3_bucket_public_access_block.logs.block_public_policy &&
      aws_s3_bucket_public_access_block.logs.ignore_public_acls &&
      aws_s3_bucket_public_access_block.logs.restrict_public_buckets
    )
    error_message = "The log bucket must block all public access."
  }

  assert {
    condition     = aws_s3_bucket_versioning.logs.versioning_configuration[0].status == "Enabled" && aws_s3_bucket.logs.force_destroy == false
    error_message = "The log bucket must be versioned and not force-destroyed."
  }

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.logs.rule : r.expiration[0].days][0] == 365
    error_message = "Access logs expire after log_retention_days (365 by default)."
  }

  assert {
    condition     = strcontains(aws_s3_bucket_policy.logs.policy, "logdelivery.elasticloadbalancing.amazonaws.com") && strcontains(aws_s3_bucket_policy.logs.policy, "arn:aws:iam::718504428378:root") && strcontains(aws_s3_bucket_policy.logs.policy, "aws:SecureTransport")
    error_message = "The log bucket policy must let ELB log delivery write (service principal and, in older regions, the ELB account) and deny plain HTTP."
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.cidr)) == toset(["https/0.0.0.0/0", "http/0.0.0.0/0"]) && length(aws_vpc_security_group_ingress_rule.cloudfront) == 0
    error_message = "By default 443 and 80 are open to 0.0.0.0/0 and to nothing else."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.targets["api"].cidr_ipv4 == "10.0.0.0/16" && aws_vpc_security_group_egress_rule.targets["api"].from_port == 8080
    error_message = "Egress goes only to the targets' port inside the VPC."
  }

  assert {
    condition = (
      aws_lb_target_group.this["api"].target_type == "ip" &&
      aws_lb_target_group.this["api"].port == 8080 &&
      aws_lb_target_group.this["api"].health_check[0].path == "/health" &&
      aws_lb_target_group.this["api"].health_check[0].interval == 30 &&
      aws_lb_target_group.this["api"].health_check[0].healthy_threshold == 3 &&
      aws_lb_target_group.this["api"].health_check[0].unhealthy_threshold == 3
    )
    error_message = "Target groups take ip targets and health-check /health every 30 s, thresholds 3."
  }

  assert {
    condition     = length(aws_wafv2_web_acl_association.this) == 0
    error_message = "No web ACL is associated unless asked."
  }

  assert {
    condition = (
      aws_lb_listener_rule.attach["api"].priority == 180 &&
      aws_lb_listener_rule.attach["api"].action[0].type == "forward" &&
      one(aws_lb_listener_rule.attach["api"].condition).source_ip[0].values == toset(["255.255.255.255/32"])
    )
    error_message = "Each target group joins the load balancer through a port 80 rule no request can match."
  }
}

run "internal" {
  command = plan

  variables {
    internal = true
  }

  assert {
    condition     = aws_lb.this.internal && toset(aws_lb.this.subnets) == toset(var.private_subnet_ids)
    error_message = "An internal load balancer sits in the private subnets."
  }
}

run "allowed_cidrs" {
  command = plan

  variables {
    allowed_cidrs = ["203.0.113.0/24"]
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.cidr)) == toset(["https/203.0.113.0/24", "http/203.0.113.0/24"])
    error_message = "Only the allowed networks reach 443 and 80."
  }
}

run "cloudfront_only" {
  command = plan

  variables {
    cloudfront_only = true
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.cidr) == 0 && aws_vpc_security_group_ingress_rule.cloudfront["https"].prefix_list_id == "pl-3b927c52" && aws_vpc_security_group_ingress_rule.cloudfront["https"].from_port == 443
    error_message = "Behind CloudFront only its origin-facing prefix list may connect."
  }
}

run "web_acl" {
  command = plan

  variables {
    associate_web_acl = true
    web_acl_arn       = "arn:aws:wafv2:ap-south-1:123456789012:regional/webacl/bizflow/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  }

  assert {
    condition     = aws_wafv2_web_acl_association.this[0].web_acl_arn == var.web_acl_arn
    error_message = "The web ACL must be associated with the load balancer."
  }
}

run "rejects_bad_name" {
  command = plan

  variables {
    name = "internal-bizflow"
  }

  expect_failures = [var.name]
}

run "rejects_long_name" {
  command = plan

  variables {
    name = "bizflow-production-ap-southeast-1"
  }

  expect_failures = [var.name]
}

run "rejects_bad_vpc_cidr" {
  command = plan

  variables {
    vpc_cidr_block = "10.0.0.0"
  }

  expect_failures = [var.vpc_cidr_block]
}

run "rejects_bad_allowed_cidr" {
  command = plan

  variables {
    allowed_cidrs = ["everyone"]
  }

  expect_failures = [var.allowed_cidrs]
}

run "rejects_duplicate_allowed_cidrs" {
  command = plan

  variables {
    allowed_cidrs = ["0.0.0.0/0", "0.0.0.0/0"]
  }

  expect_failures = [var.allowed_cidrs]
}

run "rejects_bad_idle_timeout" {
  command = plan

  variables {
    idle_timeout = 0
  }

  expect_failures = [var.idle_timeout]
}

run "rejects_bad_bucket_name" {
  command = plan

  variables {
    access_logs_bucket_name = "Bizflow_Logs"
  }

  expect_failures = [var.access_logs_bucket_name]
}

run "rejects_bad_log_retention" {
  command = plan

  variables {
    log_retention_days = 0
  }

  expect_failures = [var.log_retention_days]
}

run "rejects_bad_security_group_name" {
  command = plan

  variables {
    security_group_name = "sg-alb"
  }

  expect_failures = [var.security_group_name]
}

run "rejects_bad_target_name" {
  command = plan

  variables {
    targets = { api = { name = "bizflow-production-ap-southeast-1-api", port = 8080, priority = 180 } }
  }

  expect_failures = [var.targets]
}

run "rejects_duplicate_priorities" {
  command = plan

  variables {
    targets = {
      api = { name = "bizflow-api", port = 8080, priority = 180 }
      web = { name = "bizflow-web", port = 8081, priority = 180 }
    }
  }

  expect_failures = [var.targets]
}

run "rejects_duplicate_target_names" {
  command = plan

  variables {
    targets = {
      api = { name = "bizflow-api", port = 8080, priority = 180 }
      web = { name = "bizflow-api", port = 8081, priority = 181 }
    }
  }

  expect_failures = [var.targets]
}

run "rejects_bad_port" {
  command = plan

  variables {
    targets = { api = { name = "bizflow-api", port = 0, priority = -7900 } }
  }

  expect_failures = [var.targets]
}

run "rejects_relative_health_check_path" {
  command = plan

  variables {
    targets = { api = { name = "bizflow-api", port = 8080, priority = 180, health_check = { path = "health" } } }
  }

  expect_failures = [var.targets]
}

run "rejects_timeout_not_below_interval" {
  command = plan

  variables {
    targets = { api = { name = "bizflow-api", port = 8080, priority = 180, health_check = { interval = 10, timeout = 10 } } }
  }

  expect_failures = [var.targets]
}

run "rejects_bad_deregistration_delay" {
  command = plan

  variables {
    targets = { api = { name = "bizflow-api", port = 8080, priority = 180, deregistration_delay = 4000 } }
  }

  expect_failures = [var.targets]
}

run "rejects_bad_web_acl_arn" {
  command = plan

  variables {
    associate_web_acl = true
    web_acl_arn       = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  }

  expect_failures = [var.web_acl_arn]
}

run "rejects_reserved_tag" {
  command = plan

  variables {
    tags = { "aws:owner" = "me" }
  }

  expect_failures = [var.tags]
}

run "alarms_default" {
  command = plan

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.error_rate)) == toset(["elb_5xx", "target_5xx"]) && toset(keys(aws_cloudwatch_metric_alarm.latency)) == toset(["latency_p99"]) && toset(keys(aws_cloudwatch_metric_alarm.unhealthy_hosts)) == toset(["api"])
    error_message = "By default: both 5xx rates, p99 latency (p95 is opt-in) and unhealthy hosts per target group."
  }

  assert {
    condition = alltrue([for a in aws_cloudwatch_metric_alarm.error_rate : a.threshold == 5 && a.treat_missing_data == "missing" && anytrue([
      for q in a.metric_query : q.return_data == true && q.expression == "100 * (FILL(errors0, 0)) / requests"
    ])])
    error_message = "5xx alarms are rates: per cent of RequestCount above 5, state kept without requests."
  }

  assert {
    condition = (
      contains([for q in aws_cloudwatch_metric_alarm.error_rate["elb_5xx"].metric_query : "${q.metric[0].namespace}/${q.metric[0].metric_name}" if length(q.metric) == 1], "AWS/ApplicationELB/HTTPCode_ELB_5XX_Count") &&
      contains([for q in aws_cloudwatch_metric_alarm.error_rate["target_5xx"].metric_query : q.metric[0].metric_name if length(q.metric) == 1], "HTTPCode_Target_5XX_Count") &&
      alltrue([for q in aws_cloudwatch_metric_alarm.error_rate["elb_5xx"].metric_query : contains(keys(q.metric[0].dimensions), "LoadBalancer") if length(q.metric) == 1])
    )
    error_message = "elb_5xx watches HTTPCode_ELB_5XX_Count and target_5xx HTTPCode_Target_5XX_Count of the load balancer."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.latency["latency_p99"].metric_name == "TargetResponseTime" && aws_cloudwatch_metric_alarm.latency["latency_p99"].extended_statistic == "p99" && aws_cloudwatch_metric_alarm.latency["latency_p99"].threshold == 3 && contains(keys(aws_cloudwatch_metric_alarm.latency["latency_p99"].dimensions), "LoadBalancer")
    error_message = "p99 TargetResponseTime above 3 s by default."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.unhealthy_hosts["api"].metric_name == "UnHealthyHostCount" && aws_cloudwatch_metric_alarm.unhealthy_hosts["api"].treat_missing_data == "breaching" && toset(keys(aws_cloudwatch_metric_alarm.unhealthy_hosts["api"].dimensions)) == toset(["LoadBalancer", "TargetGroup"])
    error_message = "Unhealthy hosts is an availability alarm per target group (TargetGroup + LoadBalancer): missing data breaches."
  }

  assert {
    condition = alltrue([for a in concat(values(aws_cloudwatch_metric_alarm.error_rate), values(aws_cloudwatch_metric_alarm.latency), values(aws_cloudwatch_metric_alarm.unhealthy_hosts)) :
    strcontains(a.alarm_description, "Runbook: docs/runbooks.md#alb-") && length(a.alarm_actions) == 0])
    error_message = "Every alarm names its runbook line; without alarm_actions nobody is told."
  }
}

run "alarms_reach_topics" {
  command = plan

  variables {
    alarm_actions = {
      critical = ["arn:aws:sns:ap-south-1:123456789012:bizflow-production-critical"]
      warning  = ["arn:aws:sns:ap-south-1:123456789012:bizflow-production-warning"]
    }
    alarms = {
      latency_p99 = { threshold = 3, minutes = 5 }
      latency_p95 = { enabled = true, threshold = 1, minutes = 10, severity = "warning" }
      elb_5xx     = { enabled = false }
      target_5xx  = { severity = "page" }
      error_rate  = { enabled = true }
    }
  }

  assert {
    condition     = [for q in aws_cloudwatch_metric_alarm.error_rate["error_rate"].metric_query : q.expression if q.id == "rate"] == ["100 * (FILL(errors0, 0) + FILL(errors1, 0)) / requests"] && toset([for q in aws_cloudwatch_metric_alarm.error_rate["error_rate"].metric_query : q.metric[0].metric_name if length(q.metric) == 1]) == toset(["HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "RequestCount"]) && aws_cloudwatch_metric_alarm.error_rate["error_rate"].threshold == 2 && aws_cloudwatch_metric_alarm.error_rate["error_rate"].evaluation_periods == 10 && toset(aws_cloudwatch_metric_alarm.error_rate["error_rate"].alarm_actions) == toset(["arn:aws:sns:ap-south-1:123456789012:bizflow-production-warning"])
    error_message = "The error rate, when enabled, adds the load balancer's and the targets' 5xx: 2% for 10 min to the warning topics."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.latency)) == toset(["latency_p99", "latency_p95"]) && aws_cloudwatch_metric_alarm.latency["latency_p95"].extended_statistic == "p95" && aws_cloudwatch_metric_alarm.latency["latency_p95"].evaluation_periods == 10 && !contains(keys(aws_cloudwatch_metric_alarm.error_rate), "elb_5xx")
    error_message = "p95 is added when enabled; a disabled alarm is not created."
  }

  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.latency["latency_p95"].alarm_actions) == toset(["arn:aws:sns:ap-south-1:123456789012:bizflow-production-warning"]) && toset(aws_cloudwatch_metric_alarm.latency["latency_p99"].alarm_actions) == toset(["arn:aws:sns:ap-south-1:123456789012:bizflow-production-critical"]) && toset(aws_cloudwatch_metric_alarm.unhealthy_hosts["api"].ok_actions) == toset(["arn:aws:sns:ap-south-1:123456789012:bizflow-production-critical"])
    error_message = "Each alarm tells the topics of its severity, in alarm and when OK again."
  }

  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.error_rate["target_5xx"].alarm_actions) == toset(["arn:aws:sns:ap-south-1:123456789012:bizflow-production-critical"])
    error_message = "A severity without topics goes to the critical topics."
  }
}

run "rejects_bad_alarm_actions" {
  command = plan

  variables {
    alarm_actions = { critical = ["arn:aws:sqs:ap-south-1:123456789012:queue"] }
  }

  expect_failures = [var.alarm_actions]
}

run "rejects_bad_alarm_minutes" {
  command = plan

  variables {
    alarms = { latency_p99 = { minutes = 0 } }
  }

  expect_failures = [var.alarms]
}

run "rejects_bad_alarm_severity" {
  command = plan

  variables {
    alarms = { unhealthy_hosts = { severity = "Critical!" } }
  }

  expect_failures = [var.alarms]
}

run "rejects_5xx_rate_over_100" {
  command = plan

  variables {
    alarms = { target_5xx = { threshold = 150 } }
  }

  expect_failures = [var.alarms]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  override_data {
    target = module.alb.data.aws_region.current
    values = { name = "ap-south-1" }
  }

  assert {
    condition     = length(module.alb.target_group_arns) == 1
    error_message = "The example creates the api target group."
  }
}
