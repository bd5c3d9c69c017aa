mock_provider "aws" {}

variables {
  name = "bizflow-production-global"
  alarm_arns = {
    route53 = {
      "health_check/ap-south-1" = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:bizflow-production-hc-ap-south-1"
    }
    alb_https_eu_west_2 = {
      certificate_expiry = "arn:aws:cloudwatch:eu-west-2:111122223333:alarm:bizflow-production-eu-west-2-certificate-expiry"
    }
    alb_https_ap_south_1 = {}
    rds_ap_south_1 = {
      cpu             = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-rds-cpu"
      free_storage    = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-rds-free-storage"
      freeable_memory = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-rds-freeable-memory"
      connections     = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-rds-connections"
    }
  }
}

run "sections_status_and_graphs" {
  command = plan

  assert {
    condition     = aws_cloudwatch_dashboard.this.dashboard_name == "bizflow-production-global" && output.widget_count == 3 * 2 + 1 + 1 + 4
    error_message = "Per section with alarms: a header, a status widget and a graph per alarm; a section without alarms is left out."
  }

  assert {
    condition = [
      for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : w.type
      ] == ["text", "alarm", "metric", "text", "alarm", "metric", "metric", "metric", "metric", "text", "alarm", "metric"] && [
      for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : w.properties.markdown if w.type == "text"
    ] == ["## alb_https_eu_west_2 (1 alarm)", "## rds_ap_south_1 (4 alarms)", "## route53 (1 alarm)"]
    error_message = "Sections in name order, each a header, its alarm status and its graphs."
  }

  assert {
    condition = alltrue([
      for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets :
      keys(w.properties) == ["annotations", "region", "title"] && length(w.properties.annotations.alarms) == 1 && split(":", w.properties.annotations.alarms[0])[3] == w.properties.region
      if w.type == "metric"
    ])
    error_message = "A graph is only its alarm's annotation, drawn in the alarm's region."
  }

  assert {
    condition     = [for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : w.properties.region if w.type == "metric"] == ["eu-west-2", "ap-south-1", "ap-south-1", "ap-south-1", "ap-south-1", "us-east-1"] && [for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : w.properties.title if try(w.properties.region, "") == "ap-south-1"] == ["rds_ap_south_1: connections", "rds_ap_south_1: cpu", "rds_ap_south_1: free_storage", "rds_ap_south_1: freeable_memory"]
    error_message = "Graphs follow the alarms' keys in order, each in its alarm's region."
  }

  assert {
    # The grid: every widget inside 24 columns, graphs three to a row, sections stacked.
    condition = alltrue([
      for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : w.x >= 0 && w.x + w.width <= 24 && w.y >= 0 && w.height >= 1
      ]) && [
      for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : [w.x, w.y] if w.type == "metric"
    ] == [[0, 4], [0, 14], [8, 14], [16, 14], [0, 20], [0, 30]]
    error_message = "Widgets lie on the 24-column grid without overlapping."
  }
}

run "status_widgets_hold_at_most_100_alarms" {
  command = plan

  variables {
    alarm_arns = {
      redis_ap_south_1 = { for i in range(150) : format("cpu/node-%03d", i) => "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:redis-${i}" }
    }
  }

  assert {
    condition     = [for w in jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets : length(w.properties.alarms) if w.type == "alarm"] == [100, 50] && output.widget_count == 1 + 2 + 150
    error_message = "150 alarms take two status widgets (100 + 50) and 150 graphs."
  }
}

run "over_500_widgets_rejected" {
  command = plan

  variables {
    alarm_arns = {
      for s in range(5) : "redis_${s}" => { for i in range(100) : format("cpu/node-%03d", i) => "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:redis-${s}-${i}" }
    }
  }

  expect_failures = [aws_cloudwatch_dashboard.this]
}

run "no_alarms_still_a_valid_dashboard" {
  command = plan

  variables {
    alarm_arns = { alb_https_ap_south_1 = {} }
  }

  assert {
    condition     = output.widget_count == 1 && jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets[0].type == "text"
    error_message = "Without alarms the dashboard says so in one text widget."
  }
}

run "not_an_alarm_arn_rejected" {
  command = plan

  variables {
    alarm_arns = { rds_ap_south_1 = { cpu = "arn:aws:sns:ap-south-1:111122223333:bizflow-production-critical" } }
  }

  expect_failures = [var.alarm_arns]
}

run "example_basic" {
  command = plan

  module {
    source = "./examples/basic"
  }

  assert {
    condition     = output.dashboard_name == "bizflow-production-ap-south-1"
    error_message = "The example plans its dashboard."
  }
}
