"""RF166: A CDN behaviour's TTLs are out of order.

CloudFront needs min_ttl <= default_ttl <= max_ttl; it refuses a cache policy otherwise.
`default_ttl` applies when the origin sends no Cache-Control, `min_ttl` and `max_ttl` bound
what the origin may ask.

Fails:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        app: {load_balancer: eu-west-1}
      default_behavior: {origin: app, default_ttl: 172800, max_ttl: 86400}

Passes:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        app: {load_balancer: eu-west-1}
      default_behavior: {origin: app, default_ttl: 86400, max_ttl: 172800}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    if spec.cdn is None:
        return
    for behavior in spec.cdn.all_behaviors:
        base: tuple[str | int, ...] = (
            ("cdn", "default_behavior")
            if behavior.position is None
            else ("cdn", "behaviors", behavior.position)
        )
        where = "default behaviour" if behavior.path is None else f"behaviour {behavior.path}"
        if behavior.min_ttl > behavior.default_ttl:
            yield rule.finding(
                f"{where}: min_ttl {behavior.min_ttl} is above default_ttl {behavior.default_ttl}",
                spec.source.value((*base, "min_ttl")),
                hint="keep min_ttl <= default_ttl <= max_ttl",
            )
        if behavior.default_ttl > behavior.max_ttl:
            yield rule.finding(
                f"{where}: default_ttl {behavior.default_ttl} is above max_ttl {behavior.max_ttl}",
                spec.source.value((*base, "default_ttl")),
                hint="keep min_ttl <= default_ttl <= max_ttl (max_ttl 0 turns caching off)",
            )


RULE = Rule("RF166", "cdn-ttl", "CDN TTLs out of order", check)
