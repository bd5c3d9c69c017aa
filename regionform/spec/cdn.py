"""The CDN (issue 14): one CloudFront distribution in front of the estate, in the global root.

Kept in its own file (imported by model.py): origins, cache behaviours and geo restriction.
Defaults are the schema's; this module states none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Origin kinds.
LOAD_BALANCER = "load_balancer"
BUCKET = "bucket"


@dataclass(frozen=True)
class CdnOrigin:
    """Where CloudFront fetches from: a region's generated ALB (optionally with a failover
    region's ALB behind it, an origin group) or a bucket the spec declares."""

    name: str
    kind: str  # LOAD_BALANCER or BUCKET
    region: str  # the load balancer's region, or the bucket's
    failover_to: str | None = None  # load balancers only
    purpose: str | None = None  # buckets only
    path: str | None = None  # origin_path

    @property
    def regions(self) -> tuple[str, ...]:
        """Every region this origin fetches from (the failover region last)."""
        return (self.region, self.failover_to) if self.failover_to else (self.region,)


@dataclass(frozen=True)
class CdnBehavior:
    origin: str
    path: str | None = None  # None: the default behaviour
    min_ttl: int = 0
    default_ttl: int = 0
    max_ttl: int = 31536000
    methods: str = "read"
    query_strings: bool = True
    compress: bool = True
    position: int | None = None  # index in cdn.behaviors (None: default_behavior)


@dataclass(frozen=True)
class GeoRestriction:
    type: str  # whitelist | blacklist
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Cdn:
    origins: tuple[CdnOrigin, ...]
    default_behavior: CdnBehavior
    behaviors: tuple[CdnBehavior, ...] = ()
    hostnames: tuple[str, ...] | None = None  # None: <dns.cdn>.<dns.domain>
    price_class: str = "PriceClass_All"
    geo_restriction: GeoRestriction | None = None
    logging: bool = True
    log_retention_days: int = 365

    def origin(self, name: str) -> CdnOrigin | None:
        return next((o for o in self.origins if o.name == name), None)

    @property
    def all_behaviors(self) -> tuple[CdnBehavior, ...]:
        return (self.default_behavior, *self.behaviors)

    @property
    def origin_regions(self) -> tuple[str, ...]:
        """Every region an origin fetches from, sorted: whose viewers' requests reach it."""
        return tuple(sorted({r for o in self.origins for r in o.regions}))


def _origin(name: str, data: dict[str, Any]) -> CdnOrigin:
    bucket = data.get("bucket")
    if bucket is not None:
        return CdnOrigin(
            name, BUCKET, bucket["region"], purpose=bucket["purpose"], path=data.get("path")
        )
    return CdnOrigin(
        name,
        LOAD_BALANCER,
        data["load_balancer"],
        failover_to=data.get("failover_to"),
        path=data.get("path"),
    )


def _behavior(data: dict[str, Any], position: int | None) -> CdnBehavior:
    return CdnBehavior(
        origin=data["origin"],
        path=data.get("path"),
        min_ttl=int(data["min_ttl"]),
        default_ttl=int(data["default_ttl"]),
        max_ttl=int(data["max_ttl"]),
        methods=data["methods"],
        query_strings=bool(data["query_strings"]),
        compress=bool(data["compress"]),
        position=position,
    )


def build_cdn(data: dict[str, Any]) -> Cdn:
    geo = data.get("geo_restriction")
    hostnames = data.get("hostnames")
    return Cdn(
        origins=tuple(_origin(n, o) for n, o in sorted(data["origins"].items())),
        default_behavior=_behavior(data["default_behavior"], None),
        behaviors=tuple(_behavior(b, i) for i, b in enumerate(data["behaviors"])),
        hostnames=tuple(hostnames) if hostnames is not None else None,
        price_class=data["price_class"],
        geo_restriction=GeoRestriction(geo["type"], tuple(geo["countries"])) if geo else None,
        logging=bool(data["logging"]),
        log_retention_days=int(data["log_retention_days"]),
    )
