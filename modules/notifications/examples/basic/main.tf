# Two severities for one region: critical pages the on-call (PagerDuty over HTTPS, e-mail),
# warning goes to a team mailbox.
provider "aws" {
  region = "ap-south-1"
}

module "notifications" {
  source = "../.."

  name_prefix = "bizflow-production"
  topics = {
    critical = {
      email = ["oncall@bizflow.app"]
      https = ["https://events.pagerduty.com/integration/0123456789abcdef/enqueue"]
    }
    warning = {
      email = ["platform-team@bizflow.app"]
    }
  }

  tags = {
    Project     = "bizflow"
    Environment = "production"
  }
}

output "topic_arns" {
  description = "Topic ARN by severity."
  value       = module.notifications.topic_arns
}
