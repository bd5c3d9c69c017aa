"""RF107: a geolocation record would have to send one country to tenants in two regions.

Tenants serving one country may live in different regions: per-tenant records, latency and
failover routing send each user to the right place. Only a geolocation record (`dns.api`)
sends a whole country to one region. When the country's tenants live in several regions and
the primary is one of them, the record goes to the primary; otherwise the spec must say
which in `dns.countries`, or users of the other tenants would be routed away from their data
without anyone having decided it.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      us-east-1:
        role: regional
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: us-east-1.alb.acme.io}
      us-west-2:
        role: regional
        vpc: {cidr: 10.3.0.0/16}
        endpoint: {fqdn: us-west-2.alb.acme.io}
    dns:
      domain: acme.io
      api: api
    tenants:
      east-co: {home: us-east-1, countries: [US]}
      west-co: {home: us-west-2, countries: [US]}

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      us-east-1:
        role: regional
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: us-east-1.alb.acme.io}
      us-west-2:
        role: regional
        vpc: {cidr: 10.3.0.0/16}
        endpoint: {fqdn: us-west-2.alb.acme.io}
    dns:
      domain: acme.io
      api: api
      countries: {US: us-east-1}
    tenants:
      east-co: {home: us-east-1, countries: [US]}
      west-co: {home: us-west-2, countries: [US]}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.routing import TENANT, conflicts


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for conflict in conflicts(spec):
        if conflict.other.strength != TENANT:
            continue  # RF121
        first, other = conflict.chosen, conflict.other
        api = spec.dns.api if spec.dns else None
        yield rule.finding(
            f"geolocation record {api!r} must send {conflict.location} to one region, but it "
            f"is served from {first.region} ({first.source}) and from {other.region} "
            f"({other.source})",
            spec.source.value(other.path),
            hint=f"say which in dns.countries (e.g. {conflict.location}: {first.region}); the "
            "tenants keep their own records",
        )


RULE = Rule(
    "RF107",
    "country-split",
    "Geolocation must send a country to one region; its tenants live in two",
    check,
)
