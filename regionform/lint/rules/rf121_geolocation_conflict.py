"""RF121: a country (or continent) routed to two regions.

Tenants, regions' residency jurisdictions and dns.countries all say where a country goes;
they must agree, or Route 53 would send some users away from where their data lives.
Two tenants disagreeing is RF107.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: eu-west-2.alb.acme.io}
        residency: {jurisdiction: GB}
    dns:
      domain: acme.io
      api: api
      countries: {GB: eu-west-1}

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: eu-west-2.alb.acme.io}
        residency: {jurisdiction: GB}
    dns:
      domain: acme.io
      api: api
      countries: {FR: eu-west-1}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.routing import Claim, claims


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    if spec.dns is None:
        return
    defined = set(spec.region_names)
    first: dict[tuple[str, str], Claim] = {}
    for claim in claims(spec):
        if claim.region not in defined:
            continue  # RF106 / RF129
        owner = first.setdefault((claim.kind, claim.location), claim)
        if owner.region == claim.region:
            continue
        if owner.source.startswith("tenant") and claim.source.startswith("tenant"):
            continue  # RF107
        yield rule.finding(
            f"{claim.location} is routed to {owner.region} ({owner.source}) and to "
            f"{claim.region} ({claim.source})",
            spec.source.value(claim.path),
            hint="route each country to exactly one region",
        )


RULE = Rule("RF121", "geolocation-conflict", "A country maps to more than one region", check)
