"""RF170: more RDS DB instances in a region than the account may run.

AWS allows 40 DB instances per region by default (Service Quotas L-7B6409FD). regionform
creates one for each region's database and one for each silo tenant homed there, so an
estate of silo tenants reaches the quota long before anything else; past it, `terraform
apply` fails halfway with InstanceQuotaExceeded. The warning gives the count, the quota and
the code to request an increase; `regionform lint --quotas FILE` counts against the
account's raised quotas instead of the default.
"""

from __future__ import annotations

from regionform.findings import Severity
from regionform.lint import Rule
from regionform.lint.quota import check_quota

RULE = Rule(
    "RF170",
    "rds-instance-quota",
    "More RDS DB instances in a region than the account's quota",
    check_quota("rds-db-instances", "silo tenants each add one"),
    Severity.WARNING,
)
