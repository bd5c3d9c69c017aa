"""RF107: one country served by tenants homed in two regions.

Geolocation routing sends a country to exactly one region; if tenants serving that country
live in two regions, half of them would be routed away from their data.

Fails:

    regions:
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
    tenants:
      alpha: {home: eu-west-1, countries: [IE]}
      beta: {home: eu-west-2, countries: [IE]}

Passes:

    regions:
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
    tenants:
      alpha: {home: eu-west-1, countries: [IE]}
      beta: {home: eu-west-2, countries: [GB]}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec, Tenant


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    first: dict[str, Tenant] = {}
    for tenant in spec.tenants:
        for index, country in enumerate(tenant.countries):
            owner = first.setdefault(country, tenant)
            if owner.home != tenant.home:
                yield rule.finding(
                    f"{country} is served from {owner.home} (tenant {owner.id!r}) and from "
                    f"{tenant.home} (tenant {tenant.id!r})",
                    spec.source.value(("tenants", tenant.id, "countries", index)),
                    hint="serve each country from one region: move a tenant or drop the country",
                )


RULE = Rule("RF107", "country-split", "Country served from two regions", check)
