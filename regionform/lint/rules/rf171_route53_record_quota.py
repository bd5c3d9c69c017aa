"""RF171: more records in the hosted zone than Route 53 allows.

Route 53 allows 10,000 records per hosted zone by default (Service Quotas L-E209CC9F, raised
in us-east-1). regionform's zone holds one record per tenant (tenant_records), one per
geolocation route of the api name, one per region with an endpoint for the cdn name, a
primary and a secondary per failover name, and, in a zone it creates, the SOA and NS records;
tenants are what reach the quota. Past it, `terraform apply` fails halfway, refused by
Route 53. In an existing zone (dns.zone_id) only the records regionform adds are
counted: leave room for the zone's own. `regionform lint --quotas FILE` counts against the
account's raised quota instead of the default.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns: {domain: acme.io}
    tenants: {t1: &pool {home: eu-west-1, countries: [IE]}, t2: *pool, t3: *pool, t4: *pool}

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns: {domain: acme.io}
    tenants: {t1: &pool {home: eu-west-1, countries: [IE]}, t2: *pool, t3: *pool}
"""

from __future__ import annotations

from regionform.findings import Severity
from regionform.lint import Rule
from regionform.lint.quota import check_quota

# The fragments above count against a zone quota of 5: three or four tenants' records and the
# new zone's SOA and NS.
DOC_QUOTAS = {"L-E209CC9F": 5}

RULE = Rule(
    "RF171",
    "route53-record-quota",
    "More records in the hosted zone than Route 53's quota",
    check_quota("route53-records-per-zone", "one per tenant, plus routing records"),
    Severity.WARNING,
)
