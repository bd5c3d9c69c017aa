"""RF168: The CDN's geo restriction refuses a country a tenant is served in.

CloudFront answers 403 to viewers in a blacklisted country, or in any country a whitelist
does not name. A tenant's `countries` are where its users are: restricting one of them
locks those users out of everything behind the distribution.

Fails:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        app: {load_balancer: eu-west-1}
      default_behavior: {origin: app}
      geo_restriction: {type: whitelist, countries: [IE]}
    tenants:
      acme:
        home: eu-west-1
        countries: [IE, GB]

Passes:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        app: {load_balancer: eu-west-1}
      default_behavior: {origin: app}
      geo_restriction: {type: whitelist, countries: [IE, GB]}
    tenants:
      acme:
        home: eu-west-1
        countries: [IE, GB]
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding, Severity
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    if spec.cdn is None or spec.cdn.geo_restriction is None:
        return
    geo = spec.cdn.geo_restriction
    listed = set(geo.countries)
    for tenant in spec.tenants:
        for index, country in enumerate(tenant.countries):
            blocked = country in listed if geo.type == "blacklist" else country not in listed
            if not blocked:
                continue
            how = "blacklists" if geo.type == "blacklist" else "does not whitelist"
            yield rule.finding(
                f"tenant {tenant.id!r} is served in {country}, which the CDN's geo restriction "
                f"{how}: its users there get 403",
                spec.source.value(("tenants", tenant.id, "countries", index)),
                hint=f"{'remove' if geo.type == 'blacklist' else 'add'} {country} "
                f"{'from' if geo.type == 'blacklist' else 'to'} cdn.geo_restriction.countries",
            )


RULE = Rule(
    "RF168",
    "cdn-geo-tenant",
    "CDN geo restriction refuses a tenant's country",
    check,
    Severity.WARNING,
)
