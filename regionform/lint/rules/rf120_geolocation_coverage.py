"""RF120: geolocation routing must cover every tenant's countries and have a default.

Each routed location (tenants' countries, residency countries, dns.countries, continents and
the default) goes to a region; that region needs an `endpoint` for Route 53 to point at.

Each routed location (tenants' countries, residency countries, `dns.countries`, continents
and the default) goes to a region; that region needs an `endpoint` for Route 53 to point at.
Tenant records (`<tenant>.<domain>`) need their home region's endpoint the same way.

Fails:

    dns:
      domain: acme.io
      api: api

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns:
      domain: acme.io
      api: api
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.routing import claims, default_region


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    dns = spec.dns
    if dns is None:
        return
    defined = set(spec.region_names)
    served = {r.name for r in spec.regions if r.routable}
    hint = (
        "give that region a load_balancer, or an endpoint: {fqdn: …} for one that lives elsewhere"
    )
    if dns.api is not None:
        seen: set[tuple[str, str]] = set()
        for claim in claims(spec):
            if (claim.kind, claim.location) in seen:
                continue
            seen.add((claim.kind, claim.location))
            if claim.region in defined and claim.region not in served:
                yield rule.finding(
                    f"{claim.kind} {claim.location} ({claim.source}) routes to {claim.region}, "
                    f"which has no endpoint",
                    spec.source.value(claim.path),
                    hint=hint,
                )
        default = default_region(spec)
        if default is None:
            yield rule.finding(
                f"geolocation record {dns.api!r} has no default location",
                spec.source.value(("dns", "api")),
                hint="set dns.default_region (or mark one region primary)",
            )
        elif default in defined and default not in served:
            path = ("dns", "default_region") if dns.default_region else ("dns", "api")
            yield rule.finding(
                f"the default location of {dns.api!r} routes to {default}, which has no endpoint",
                spec.source.value(path),
                hint=hint,
            )
    if dns.tenant_records:
        for tenant in spec.tenants:
            if tenant.home in defined and tenant.home not in served:
                yield rule.finding(
                    f"tenant record {tenant.id}.{dns.domain} would point at {tenant.home}, "
                    f"which has no endpoint",
                    spec.source.value(("tenants", tenant.id, "home")),
                    hint=hint + ", or set dns.tenant_records: false",
                )


RULE = Rule(
    "RF120",
    "geolocation-coverage",
    "Geolocation misses a tenant's country or the default (region without an endpoint)",
    check,
)
