"""RF162: A region gives both a load balancer and a typed endpoint.

A region's DNS records alias the load balancer regionform generates; `endpoint.fqdn` is for
a load balancer that lives elsewhere. With both, the records alias the generated one and the
typed name is ignored.

Fails:

    regions:
      eu-west-1:
        load_balancer: {}
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns: {domain: acme.io, api: api}

Passes:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io, api: api}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding, Severity
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        if region.load_balancer is None or region.endpoint is None:
            continue
        yield rule.finding(
            f"{region.name} has a load_balancer and a typed endpoint; DNS aliases the generated "
            f"load balancer and ignores {region.endpoint.fqdn}",
            spec.source.key(("regions", region.name, "endpoint")),
            hint="remove endpoint (keep it only for a load balancer regionform does not create)",
        )


RULE = Rule(
    "RF162",
    "alb-endpoint",
    "Both a generated load balancer and a typed endpoint",
    check,
    Severity.WARNING,
)
