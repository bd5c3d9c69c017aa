# Project One's seed: an infrastructure ceiling of INR 65,000 a month, budgeted in USD
# (AWS Budgets' unit) at about 780 USD, plus a cost anomaly monitor.
provider "aws" {
  region = "us-east-1"
}

module "budgets" {
  source = "../.."

  name_prefix = "projectone-production"
  budgets = {
    environment  = { amount = 780 }
    "ap-south-1" = { amount = 780, regions = ["ap-south-1"] }
  }
  topic_arns      = ["arn:aws:sns:us-east-1:111122223333:projectone-production-global-warning"]
  anomaly_monitor = { impact_usd = 50 }

  tags = {
    Project     = "projectone"
    Environment = "production"
  }
}

output "budget_names" {
  description = "Budget name by key."
  value       = module.budgets.budget_names
}
