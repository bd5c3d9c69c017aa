"""RF174: more S3 buckets than the account may hold.

S3 allows 10,000 general purpose buckets per account by default (Service Quotas
L-DC2B2D3D, viewed and raised in us-east-1), across every region. regionform's s3 module
creates each region's access-logs bucket, the buckets the region lists, a replica bucket
for every bucket another region replicates into it, and one bucket per silo tenant, so
silo tenants are what reach the quota. Buckets made outside the spec share the quota and
are not counted. Past the quota, `terraform apply` fails halfway with TooManyBuckets.
`regionform lint --quotas FILE` counts against the account's raised quota instead.

Fails:

    regions:
      eu-west-1:
        buckets: {audit: {}}
    tenants: {t1: &silo {home: eu-west-1, countries: [IE], tier: silo}, t2: *silo, t3: *silo}

Passes:

    regions:
      eu-west-1:
        buckets: {audit: {}}
    tenants: {t1: &silo {home: eu-west-1, countries: [IE], tier: silo}, t2: *silo}
"""

from __future__ import annotations

from regionform.findings import Severity
from regionform.lint import Rule
from regionform.lint.quota import check_quota

# The fragments above count against an account quota of 4 buckets: the region's access-logs
# and audit buckets, and one bucket per silo tenant.
DOC_QUOTAS = {"L-DC2B2D3D": 4}

RULE = Rule(
    "RF174",
    "s3-bucket-quota",
    "More S3 buckets in the account than its quota",
    check_quota("s3-buckets", "silo tenants each add one"),
    Severity.WARNING,
)
