locals {
  # CloudWatch lays dashboards out on a grid 24 units wide; graphs 8 x 6, three to a row.
  columns        = 24
  graph_width    = 8
  graph_height   = 6
  graphs_per_row = 3
  header_height  = 1
  # CloudWatch refuses an alarm status widget of more than 100 alarms, and a dashboard of
  # more than 500 widgets.
  alarms_per_status = 100
  widget_limit      = 500

  # Sections with at least one alarm, in name order (Terraform iterates maps by key); the
  # alarms of a section in key order, so a new alarm never reshuffles the others.
  sections = [
    for name, alarms in var.alarm_arns : {
      name = name
      keys = sort(keys(alarms))
      arns = [for key in sort(keys(alarms)) : alarms[key]]
    } if length(alarms) > 0
  ]

  chunks = [for s in local.sections : chunklist(s.arns, local.alarms_per_status)]
  # An alarm status widget shows its alarms as tiles, about six to a row of the full width.
  status_heights = [for c in local.chunks : [for chunk in c : 2 + ceil(length(chunk) / 6)]]
  heights = [
    for i, s in local.sections :
    local.header_height + sum(concat([0], local.status_heights[i])) + ceil(length(s.arns) / local.graphs_per_row) * local.graph_height
  ]
  # Each section starts where the ones above it end (sum() needs a non-empty list).
  tops = [for i, s in local.sections : sum(concat([0], slice(local.heights, 0, i)))]

  section_widgets = [
    for i, s in local.sections : concat(
      [{
        type       = "text"
        x          = 0
        y          = local.tops[i]
        width      = local.columns
        height     = local.header_height
        properties = { markdown = "## ${s.name} (${length(s.arns)} alarm${length(s.arns) == 1 ? "" : "s"})" }
      }],
      [
        for j, chunk in local.chunks[i] : {
          type   = "alarm"
          x      = 0
          y      = local.tops[i] + local.header_height + sum(concat([0], slice(local.status_heights[i], 0, j)))
          width  = local.columns
          height = local.status_heights[i][j]
          properties = {
            title  = length(local.chunks[i]) == 1 ? "${s.name}: alarm status" : "${s.name}: alarm status (${j + 1}/${length(local.chunks[i])})"
            alarms = chunk
            # Alarms in ALARM first, then INSUFFICIENT_DATA, then OK.
            sortBy = "stateUpdatedTimestamp"
          }
        }
      ],
      [
        # Only the alarm annotation: CloudWatch draws the alarm's own metric (or metric math)
        # and threshold, so the graph shows exactly what the alarm watches.
        for k, arn in s.arns : {
          type   = "metric"
          x      = (k % local.graphs_per_row) * local.graph_width
          y      = local.tops[i] + local.header_height + sum(concat([0], local.status_heights[i])) + floor(k / local.graphs_per_row) * local.graph_height
          width  = local.graph_width
          height = local.graph_height
          properties = {
            title = "${s.name}: ${s.keys[k]}"
            # The alarm's region (an ARN's fourth field): a certificate's alarm lives in its
            # load balancer's region even when the dashboard covers the global root.
            region      = split(":", arn)[3]
            annotations = { alarms = [arn] }
          }
        }
      ],
    )
  ]

  # A dashboard needs at least one widget: say why it is empty rather than fail.
  empty = [{
    type       = "text"
    x          = 0
    y          = 0
    width      = local.columns
    height     = 2
    properties = { markdown = "## No alarms\nNone of the modules this dashboard covers has an alarm (all disabled, or none applies)." }
  }]

  # (A conditional would need both sides of one type; a filtered `for` does not.)
  widgets = concat(flatten(local.section_widgets), [for w in local.empty : w if length(local.sections) == 0])
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({ widgets = local.widgets })

  lifecycle {
    precondition {
      condition     = length(local.widgets) <= local.widget_limit
      error_message = "The dashboard would have ${length(local.widgets)} widgets; CloudWatch allows ${local.widget_limit}. Split the alarms over more dashboards or disable some."
    }
  }
}
