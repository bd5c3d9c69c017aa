"""RF165: A CDN origin or behaviour names something the spec does not create.

A load-balancer origin needs `regions.<r>.load_balancer` in its region (and in its
`failover_to` region, which must be another one); a bucket origin needs the bucket under
`regions.<region>.buckets`; every behaviour's origin must be a key of `cdn.origins`.

Fails:

    regions:
      eu-west-1:
        buckets: {media: {}}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        site: {bucket: {region: eu-west-1, purpose: site}}
      default_behavior: {origin: site}

Passes:

    regions:
      eu-west-1:
        buckets: {site: {}}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        site: {bucket: {region: eu-west-1, purpose: site}}
      default_behavior: {origin: site}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.cdn import BUCKET
from regionform.spec.model import Spec


def _load_balancer(spec: Spec, name: str) -> str | None:
    """Why `name` cannot serve as a load-balancer origin, or None when it can."""
    region = spec.region(name)
    if region is None:
        return f"region {name} is not in the spec"
    if region.load_balancer is None:
        return f"region {name} has no load_balancer"
    return None


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    cdn = spec.cdn
    if cdn is None:
        return
    for origin in cdn.origins:
        base = ("cdn", "origins", origin.name)
        if origin.kind == BUCKET:
            region = spec.region(origin.region)
            if region is None:
                yield rule.finding(
                    f"origin {origin.name!r}: region {origin.region} is not in the spec",
                    spec.source.value((*base, "bucket", "region")),
                    hint="name a region of the spec",
                )
            elif all(b.purpose != origin.purpose for b in region.buckets):
                have = ", ".join(b.purpose for b in region.buckets) or "none"
                yield rule.finding(
                    f"origin {origin.name!r}: {origin.region} declares no bucket "
                    f"{origin.purpose!r} (buckets: {have})",
                    spec.source.value((*base, "bucket", "purpose")),
                    hint=f"add regions.{origin.region}.buckets.{origin.purpose}, or name one of "
                    "its buckets",
                )
            continue
        problem = _load_balancer(spec, origin.region)
        if problem is not None:
            yield rule.finding(
                f"origin {origin.name!r}: {problem}",
                spec.source.value((*base, "load_balancer")),
                hint=f"add regions.{origin.region}.load_balancer, or name a region that has one",
            )
        if origin.failover_to is None:
            continue
        if origin.failover_to == origin.region:
            yield rule.finding(
                f"origin {origin.name!r} fails over to its own region {origin.region}",
                spec.source.value((*base, "failover_to")),
                hint="name another region with a load_balancer, or remove failover_to",
            )
            continue
        problem = _load_balancer(spec, origin.failover_to)
        if problem is not None:
            yield rule.finding(
                f"origin {origin.name!r} fails over to where it cannot: {problem}",
                spec.source.value((*base, "failover_to")),
                hint=f"add regions.{origin.failover_to}.load_balancer, or remove failover_to",
            )
    names = [o.name for o in cdn.origins]
    for behavior in cdn.all_behaviors:
        if cdn.origin(behavior.origin) is not None:
            continue
        path = (
            ("cdn", "default_behavior", "origin")
            if behavior.position is None
            else ("cdn", "behaviors", behavior.position, "origin")
        )
        yield rule.finding(
            f"behaviour names origin {behavior.origin!r}, which cdn.origins does not have",
            spec.source.value(path),
            hint="name one of: " + ", ".join(names),
        )


RULE = Rule("RF165", "cdn-origin", "CDN origin the spec does not create", check)
