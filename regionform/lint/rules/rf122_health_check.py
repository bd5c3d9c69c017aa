"""RF122: Route 53 health checks: interval 10 or 30 s, threshold 1-10, at least 3 checkers.

Route 53 probes every 10 or 30 seconds, marks an endpoint unhealthy after 1 to 10
failures, and needs at least three checker regions from its own list.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns:
      domain: acme.io
      health_check: {regions: [us-east-1, eu-west-1]}

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns:
      domain: acme.io
      health_check: {regions: [us-east-1, eu-west-1, ap-southeast-1]}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.aws import HEALTH_CHECK_INTERVALS, HEALTH_CHECKER_REGIONS
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    if spec.dns is None:
        return
    hc = spec.dns.health_check
    base = ("dns", "health_check")
    if hc.interval not in HEALTH_CHECK_INTERVALS:
        yield rule.finding(
            f"health-check interval {hc.interval} s is not one Route 53 offers",
            spec.source.value((*base, "interval")),
            hint="use 10 (fast) or 30 (standard)",
        )
    if not 1 <= hc.failure_threshold <= 10:
        yield rule.finding(
            f"failure threshold {hc.failure_threshold} is outside Route 53's 1-10",
            spec.source.value((*base, "failure_threshold")),
            hint="use a threshold between 1 and 10, e.g. 3",
        )
    if hc.regions is None:
        return
    for index, region in enumerate(hc.regions):
        if region not in HEALTH_CHECKER_REGIONS:
            yield rule.finding(
                f"Route 53 has no health checkers in {region}",
                spec.source.value((*base, "regions", index)),
                hint="use checker regions: " + ", ".join(HEALTH_CHECKER_REGIONS),
            )
    if len(hc.regions) < 3:
        yield rule.finding(
            f"{len(hc.regions)} health-checker region(s); Route 53 needs at least 3",
            spec.source.key((*base, "regions")),
            hint="list at least three checker regions, or drop regions to use all of them",
        )


RULE = Rule("RF122", "health-check", "Health check outside Route 53's ranges", check)
