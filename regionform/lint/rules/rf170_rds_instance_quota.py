"""RF170: more RDS DB instances in a region than the account may run.

AWS allows 40 DB instances per region by default (Service Quotas L-7B6409FD). regionform
creates one for each region's database and one for each silo tenant homed there, so an
estate of silo tenants reaches the quota long before anything else; past it, `terraform
apply` fails halfway with InstanceQuotaExceeded. The warning gives the count, the quota and
the code to request an increase; `regionform lint --quotas FILE` counts against the
account's raised quotas instead of the default.

Fails:

    regions:
      eu-west-1:
        database: {instance_class: db.r6g.large}
    tenants: {t00: &silo {home: eu-west-1, countries: [IE], tier: silo},
      t01: *silo, t02: *silo, t03: *silo, t04: *silo, t05: *silo, t06: *silo, t07: *silo,
      t08: *silo,
      t09: *silo, t10: *silo, t11: *silo, t12: *silo, t13: *silo, t14: *silo, t15: *silo,
      t16: *silo,
      t17: *silo, t18: *silo, t19: *silo, t20: *silo, t21: *silo, t22: *silo, t23: *silo,
      t24: *silo,
      t25: *silo, t26: *silo, t27: *silo, t28: *silo, t29: *silo, t30: *silo, t31: *silo,
      t32: *silo,
      t33: *silo, t34: *silo, t35: *silo, t36: *silo, t37: *silo, t38: *silo, t39: *silo}

Passes:

    regions:
      eu-west-1:
        database: {instance_class: db.r6g.large}
    tenants: {t00: &silo {home: eu-west-1, countries: [IE], tier: silo},
      t01: *silo, t02: *silo, t03: *silo, t04: *silo, t05: *silo, t06: *silo, t07: *silo,
      t08: *silo,
      t09: *silo, t10: *silo, t11: *silo, t12: *silo, t13: *silo, t14: *silo, t15: *silo,
      t16: *silo,
      t17: *silo, t18: *silo, t19: *silo, t20: *silo, t21: *silo, t22: *silo, t23: *silo,
      t24: *silo,
      t25: *silo, t26: *silo, t27: *silo, t28: *silo, t29: *silo, t30: *silo, t31: *silo,
      t32: *silo,
      t33: *silo, t34: *silo, t35: *silo, t36: *silo, t37: *silo, t38: *silo}
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
