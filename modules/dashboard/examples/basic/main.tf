# BizFlow's Mumbai region: the database's and the load balancer's alarms on one dashboard.
# regionform passes each module call's `alarm_arns` output; here they are written out.
provider "aws" {
  region = "ap-south-1"
}

module "dashboard" {
  source = "../.."

  name = "bizflow-production-ap-south-1"
  alarm_arns = {
    rds_ap_south_1 = {
      cpu          = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-rds-cpu"
      free_storage = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-rds-free-storage"
    }
    alb_ap_south_1 = {
      elb_5xx     = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-alb-elb-5xx"
      latency_p99 = "arn:aws:cloudwatch:ap-south-1:111122223333:alarm:bizflow-production-ap-south-1-alb-latency-p99"
    }
  }
}

output "dashboard_name" {
  description = "Name of the dashboard."
  value       = module.dashboard.dashboard_name
}
