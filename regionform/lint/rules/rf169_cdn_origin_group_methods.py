"""RF169: A behaviour that allows every method sends requests to an origin group.

CloudFront fails over only GET, HEAD and OPTIONS requests and refuses a behaviour that
allows POST, PUT, PATCH or DELETE on an origin group (an origin with `failover_to`). Give
the API an origin without failover, and cached reads one with it.

Fails:

    regions:
      eu-west-1:
        load_balancer: {}
      eu-central-1:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        load_balancer: {}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        app: {load_balancer: eu-west-1, failover_to: eu-central-1}
      default_behavior: {origin: app, methods: all}

Passes:

    regions:
      eu-west-1:
        load_balancer: {}
      eu-central-1:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        load_balancer: {}
    dns: {domain: acme.io, cdn: cdn}
    cdn:
      origins:
        api: {load_balancer: eu-west-1}
        assets: {load_balancer: eu-west-1, failover_to: eu-central-1}
      default_behavior: {origin: api, methods: all}
      behaviors:
        - {path: /assets/*, origin: assets}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    cdn = spec.cdn
    if cdn is None:
        return
    for behavior in cdn.all_behaviors:
        origin = cdn.origin(behavior.origin)
        if behavior.methods != "all" or origin is None or origin.failover_to is None:
            continue
        base: tuple[str | int, ...] = (
            ("cdn", "default_behavior")
            if behavior.position is None
            else ("cdn", "behaviors", behavior.position)
        )
        where = "default behaviour" if behavior.path is None else f"behaviour {behavior.path}"
        yield rule.finding(
            f"{where} allows every method but origin {origin.name!r} fails over "
            f"({origin.region} to {origin.failover_to}); CloudFront sends only GET, HEAD and "
            "OPTIONS to an origin group",
            spec.source.value((*base, "methods")),
            hint="use methods: read here, or an origin without failover_to for the writes",
        )


RULE = Rule("RF169", "cdn-origin-group-methods", "All methods on a failover origin", check)
