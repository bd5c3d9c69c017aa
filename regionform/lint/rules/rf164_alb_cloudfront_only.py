"""RF164: cloudfront_only with an internal load balancer or allowed_cidrs.

`cloudfront_only: true` lets only CloudFront's origin-facing servers connect. CloudFront
reaches origins over the internet, so an internal load balancer behind it receives nothing;
and `allowed_cidrs` is ignored, since only the CloudFront prefix list is opened.

Fails:

    regions:
      eu-west-1:
        load_balancer:
          internal: true
          cloudfront_only: true
    dns: {domain: acme.io, api: api}

Passes:

    regions:
      eu-west-1:
        load_balancer:
          cloudfront_only: true
    dns: {domain: acme.io, api: api}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        lb = region.load_balancer
        if lb is None or not lb.cloudfront_only:
            continue
        path = ("regions", region.name, "load_balancer")
        if lb.internal:
            yield rule.finding(
                f"the load balancer in {region.name} is internal, so CloudFront cannot reach it",
                spec.source.value((*path, "internal")),
                hint="make it internet-facing (internal: false) or drop cloudfront_only",
            )
        if (*path, "allowed_cidrs") in spec.source.keys:
            yield rule.finding(
                f"allowed_cidrs of the load balancer in {region.name} are ignored: "
                "cloudfront_only opens only CloudFront's prefix list",
                spec.source.key((*path, "allowed_cidrs")),
                hint="remove allowed_cidrs, or drop cloudfront_only",
            )


RULE = Rule("RF164", "alb-cloudfront-only", "cloudfront_only conflicts", check)
