variable "name" {
  description = "Dashboard name, e.g. \"bizflow-production-ap-south-1\". Dashboards are account-wide (not regional), so the name must be unique in the account."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,255}$", var.name))
    error_message = "name must be 1-255 letters, digits, '-' or '_' (CloudWatch dashboard names)."
  }
}

variable "alarm_arns" {
  description = <<-EOT
    The alarms the dashboard shows, by section: section name (the module call that owns them,
    e.g. "rds_ap_south_1") => that module's `alarm_arns` output (alarm key => CloudWatch alarm
    ARN). Each section gets a header, alarm status widgets (at most 100 alarms each) and one
    graph per alarm, drawn from the alarm's own metric in the alarm's region. Sections without
    alarms are left out.
  EOT
  type        = map(map(string))
  nullable    = false

  validation {
    condition     = alltrue([for name in keys(var.alarm_arns) : can(regex("^[A-Za-z0-9_-]{1,64}$", name))])
    error_message = "Section names must be 1-64 letters, digits, '-' or '_' (module call names)."
  }

  validation {
    condition     = alltrue(flatten([for alarms in values(var.alarm_arns) : [for arn in values(alarms) : can(regex("^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:[0-9]{12}:alarm:.+$", arn))]]))
    error_message = "alarm_arns must hold CloudWatch alarm ARNs (arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>)."
  }
}
