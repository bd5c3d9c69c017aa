"""RF172: more IAM roles than the account may hold.

IAM allows 1,000 roles per account by default (Service Quotas L-FE177D64), across every
region. regionform's modules create these roles: each region's VPC flow-logs role; an
Enhanced Monitoring role per DB instance (the region's database, a replica, and each silo
tenant's database); an S3 replication role per bucket with replicate_to; and per EKS cluster
the control plane's, the nodes', the vpc-cni and aws-ebs-csi-driver IRSA roles, and the
Fargate role when it has Fargate profiles. Roles made outside the spec (by people, by other
stacks) share the quota and are not counted: leave room for them. Past the quota,
`terraform apply` fails halfway with LimitExceeded. `regionform lint --quotas FILE` counts
against the account's raised quota instead.

Fails:

    regions:
      eu-west-1:
        database: {instance_class: db.r6g.large}
    tenants: {t1: &silo {home: eu-west-1, countries: [IE], tier: silo}, t2: *silo, t3: *silo,
      t4: *silo}

Passes:

    regions:
      eu-west-1:
        database: {instance_class: db.r6g.large}
    tenants: {t1: &silo {home: eu-west-1, countries: [IE], tier: silo}, t2: *silo, t3: *silo}
"""

from __future__ import annotations

from regionform.findings import Severity
from regionform.lint import Rule
from regionform.lint.quota import check_quota

# The fragments above count against an account quota of 5 roles: the VPC's flow-logs role and
# the monitoring roles of the region's database and of three or four silo tenants' databases.
DOC_QUOTAS = {"L-FE177D64": 5}

RULE = Rule(
    "RF172",
    "iam-role-quota",
    "More IAM roles in the account than its quota",
    check_quota("iam-roles", "flow-logs, monitoring, replication and EKS roles"),
    Severity.WARNING,
)
