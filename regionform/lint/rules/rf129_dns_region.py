"""RF129: DNS routes to a region the spec lacks, or one without an endpoint.

`dns.failover`, `dns.default_region`, `dns.countries` and `dns.continents` name regions;
each must be under `regions`, and failover and default targets need an `endpoint`. A
failover record cannot fail over to its own primary.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns:
      domain: acme.io
      failover:
        app: {primary: eu-west-1, secondary: eu-west-2}

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        endpoint: {fqdn: eu-west-2.alb.acme.io}
    dns:
      domain: acme.io
      failover:
        app: {primary: eu-west-1, secondary: eu-west-2}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    dns = spec.dns
    if dns is None:
        return
    refs: list[tuple[str, tuple[str | int, ...]]] = []
    if dns.default_region is not None:
        refs.append((dns.default_region, ("dns", "default_region")))
    refs += [(region, ("dns", "countries", c)) for c, region in dns.countries]
    refs += [(region, ("dns", "continents", c)) for c, region in dns.continents]
    for f in dns.failover:
        refs.append((f.primary, ("dns", "failover", f.name, "primary")))
        refs.append((f.secondary, ("dns", "failover", f.name, "secondary")))
        if f.primary == f.secondary:
            yield rule.finding(
                f"failover record {f.name!r} fails over from {f.primary} to itself",
                spec.source.value(("dns", "failover", f.name, "secondary")),
                hint="make secondary the DR region",
            )
    for region, path in refs:
        found = spec.region(region)
        if found is None:
            yield rule.finding(
                f"DNS routes to {region}, which is not under regions",
                spec.source.value(path),
                hint="pick one of: " + ", ".join(spec.region_names),
            )
        elif not found.routable and path[1] != "countries" and path[1] != "continents":
            # countries and continents without an endpoint are RF120's.
            yield rule.finding(
                f"DNS routes to {region}, which has no endpoint",
                spec.source.value(path),
                hint="give that region a load_balancer, or an endpoint: {fqdn: …} for one that "
                "lives elsewhere",
            )


RULE = Rule(
    "RF129", "dns-region", "DNS routes to an undefined region or one without endpoint", check
)
