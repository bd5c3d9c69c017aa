"""Geolocation routing, derived from the spec once for the route53 generator and lint.

Routing is not residency: where data may live is a residency question (the copy graph),
where a resolver sends a user is a routing one. Only a geolocation record (`dns.api`) needs
one region per country; latency, failover and per-tenant records do not, so two regions in
one country (in-country DR, US tenants east and west) are fine wherever no geolocation
record must choose between them.

Each country goes to one region, decided by the first of these that names it:

1. `dns.countries` (an explicit entry wins over everything below),
2. tenants: each country a tenant serves goes to the tenant's home region,
3. residency: a region whose jurisdiction is a country serves that country (a union such as
   EU names no single country and claims nothing).

Where step 2 or 3 names several regions, the primary region wins if it is one of them;
otherwise the spec must say which in `dns.countries` (RF107 for tenants, RF121 for
residency). Continents come only from `dns.continents`, keyed apart from countries (SA the
country is Saudi Arabia, SA the continent South America); a country record beats its
continent in Route 53. Everything else goes to `dns.default_region`, or the primary region.
"""

from __future__ import annotations

from dataclasses import dataclass

from regionform.spec.jurisdictions import is_country
from regionform.spec.model import Spec


@dataclass(frozen=True)
class Claim:
    """One source saying `location` should be served from `region`."""

    kind: str  # "country" | "continent"
    location: str  # IN, EU, …
    region: str
    path: tuple[str | int, ...]  # the spec node making the claim
    source: str  # human-readable: "tenant 'acme'", "dns.countries", …
    strength: int = 0  # 0 explicit (dns.countries / dns.continents), 1 tenant, 2 residency


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


@dataclass(frozen=True)
class Conflict:
    """A country a geolocation record would have to send to two regions: the spec must say."""

    location: str
    chosen: Claim  # the first claim, in spec order
    other: Claim  # a claim naming another region; the finding points at it


EXPLICIT, TENANT, RESIDENCY = 0, 1, 2


def claims(spec: Spec) -> list[Claim]:
    """Every claim, most authoritative first."""
    found: list[Claim] = []
    dns = spec.dns
    if dns is not None:
        for country, target in dns.countries:
            found.append(
                Claim(
                    "country",
                    country,
                    target,
                    ("dns", "countries", country),
                    "dns.countries",
                    EXPLICIT,
                )
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
                    TENANT,
                )
            )
    for owner in spec.regions:
        residency = owner.residency
        if residency is not None and is_country(residency.jurisdiction):
            found.append(
                Claim(
                    "country",
                    residency.jurisdiction,
                    owner.name,
                    ("regions", owner.name, "residency", "jurisdiction"),
                    f"the residency of {owner.name}",
                    RESIDENCY,
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
                    EXPLICIT,
                )
            )
    return found


def _decide(spec: Spec) -> tuple[dict[tuple[str, str], str], list[Conflict]]:
    """Each (kind, location) → region, and the locations the spec leaves ambiguous."""
    primary = spec.primary.name if spec.primary else None
    grouped: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims(spec):
        grouped.setdefault((claim.kind, claim.location), []).append(claim)
    chosen: dict[tuple[str, str], str] = {}
    conflicts: list[Conflict] = []
    for key, found in grouped.items():
        strongest = min(c.strength for c in found)
        top = [c for c in found if c.strength == strongest]
        regions = {c.region for c in top}
        if len(regions) == 1 or strongest == EXPLICIT:
            chosen[key] = top[0].region
        elif primary in regions:
            chosen[key] = primary
        else:
            chosen[key] = top[0].region
            other = next(c for c in top if c.region != top[0].region)
            conflicts.append(Conflict(key[1], top[0], other))
    return chosen, conflicts


def conflicts(spec: Spec) -> list[Conflict]:
    """Countries a geolocation record would send two ways; none without such a record."""
    if spec.dns is None or spec.dns.api is None:
        return []
    return _decide(spec)[1]


def default_region(spec: Spec) -> str | None:
    if spec.dns is not None and spec.dns.default_region is not None:
        return spec.dns.default_region
    primary = spec.primary
    return primary.name if primary else None


def geolocation(spec: Spec) -> list[GeoRoute]:
    """The routing table: countries (sorted), continents (sorted), then the default."""
    chosen, _ = _decide(spec)
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
