"""Geolocation routing, derived from the spec once for the route53 generator and lint.

Each country goes to one region. Where the mapping comes from, in order:

1. `dns.countries` (an explicit entry),
2. tenants: each country a tenant serves goes to the tenant's home region,
3. residency: a region whose jurisdiction is a country serves that country.

Continents come only from `dns.continents`; a country record beats its continent in
Route 53. Everything else goes to `dns.default_region`, or the primary region.
"""

from __future__ import annotations

from dataclasses import dataclass

from regionform.spec.model import Spec

# The ISO codes a residency jurisdiction may use that are not countries (the EU).
NOT_COUNTRIES = frozenset({"EU"})


@dataclass(frozen=True)
class Claim:
    """One source saying `location` should be served from `region`."""

    kind: str  # "country" | "continent" | "default"
    location: str  # IN, EU, or "*" for the default
    region: str
    path: tuple[str | int, ...]  # the spec node making the claim
    source: str  # human-readable: "tenant 'acme'", "dns.countries", …


@dataclass(frozen=True)
class GeoRoute:
    kind: str
    location: str
    region: str

    @property
    def set_identifier(self) -> str:
        if self.kind == "default":
            return "default"
        if self.kind == "continent":
            return f"continent-{self.location}"
        return self.location


def claims(spec: Spec) -> list[Claim]:
    """Every claim, most authoritative first."""
    found: list[Claim] = []
    dns = spec.dns
    if dns is not None:
        for country, target in dns.countries:
            found.append(
                Claim("country", country, target, ("dns", "countries", country), "dns.countries")
            )
    for tenant in spec.tenants:
        for index, country in enumerate(tenant.countries):
            found.append(
                Claim(
                    "country",
                    country,
                    tenant.home,
                    ("tenants", tenant.id, "countries", index),
                    f"tenant {tenant.id!r}",
                )
            )
    for owner in spec.regions:
        residency = owner.residency
        if residency is not None and residency.jurisdiction not in NOT_COUNTRIES:
            found.append(
                Claim(
                    "country",
                    residency.jurisdiction,
                    owner.name,
                    ("regions", owner.name, "residency", "jurisdiction"),
                    f"the residency of {owner.name}",
                )
            )
    if dns is not None:
        for continent, target in dns.continents:
            found.append(
                Claim(
                    "continent",
                    continent,
                    target,
                    ("dns", "continents", continent),
                    "dns.continents",
                )
            )
    return found


def default_region(spec: Spec) -> str | None:
    if spec.dns is not None and spec.dns.default_region is not None:
        return spec.dns.default_region
    primary = spec.primary
    return primary.name if primary else None


def geolocation(spec: Spec) -> list[GeoRoute]:
    """The routing table: countries (sorted), continents (sorted), then the default."""
    chosen: dict[tuple[str, str], str] = {}
    for claim in claims(spec):
        chosen.setdefault((claim.kind, claim.location), claim.region)
    order = {"country": 0, "continent": 1}
    routes = [
        GeoRoute(kind, location, region)
        for (kind, location), region in sorted(
            chosen.items(), key=lambda i: (order[i[0][0]], i[0][1])
        )
    ]
    default = default_region(spec)
    if default is not None:
        routes.append(GeoRoute("default", "*", default))
    return routes
