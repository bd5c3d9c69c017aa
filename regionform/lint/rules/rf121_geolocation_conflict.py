"""RF121: a geolocation record would have to send one country to two regions by residency.

A region whose residency is a country serves that country's geolocation traffic unless
`dns.countries` or a tenant says otherwise. Two regions in one country are fine (in-country
DR: ap-south-1 and ap-south-2, both IN): the primary takes the country when it is one of
them. When neither is the primary, the spec must say which in `dns.countries`. Nothing fires
without a geolocation record (`dns.api`): failover and latency records route per region.
Tenants disagreeing is RF107.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      eu-west-3:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: eu-west-3.alb.acme.io}
        residency: {jurisdiction: FR}
      eu-south-1:
        role: regional
        vpc: {cidr: 10.3.0.0/16}
        endpoint: {fqdn: eu-south-1.alb.acme.io}
        residency: {jurisdiction: FR}
    dns:
      domain: acme.io
      api: api

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      eu-west-3:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: eu-west-3.alb.acme.io}
        residency: {jurisdiction: FR}
      eu-south-1:
        role: regional
        vpc: {cidr: 10.3.0.0/16}
        endpoint: {fqdn: eu-south-1.alb.acme.io}
        residency: {jurisdiction: FR}
    dns:
      domain: acme.io
      api: api
      countries: {FR: eu-west-3}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.routing import RESIDENCY, conflicts


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    defined = set(spec.region_names)
    for conflict in conflicts(spec):
        first, other = conflict.chosen, conflict.other
        if other.strength != RESIDENCY or not {first.region, other.region} <= defined:
            continue  # RF107; RF106 / RF129 for undefined regions
        yield rule.finding(
            f"{conflict.location} is routed to {first.region} ({first.source}) and to "
            f"{other.region} ({other.source}), and neither is the primary",
            spec.source.value(other.path),
            hint=f"say which in dns.countries (e.g. {conflict.location}: {first.region})",
        )


RULE = Rule("RF121", "geolocation-conflict", "A country maps to more than one region", check)
