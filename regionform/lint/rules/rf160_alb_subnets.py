"""RF160: A load balancer needs subnets in at least two availability zones.

An Application Load Balancer must sit in subnets of at least two availability zones: AWS
refuses to create it in one. An internet-facing load balancer uses the VPC's public
subnets, an internal one its private subnets, and the VPC has one of each per zone
(`vpc.az_count`, or the lists in `vpc.subnets`).

Fails:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, az_count: 1}
        load_balancer: {}
    dns: {domain: acme.io, api: api}

Passes:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, az_count: 2}
        load_balancer: {}
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
        if lb is None:
            continue
        tier = "private" if lb.internal else "public"
        plan = region.vpc.subnets
        count = len(plan.tiers()[tier]) if plan is not None else region.vpc.az_count
        if count < 2:
            yield rule.finding(
                f"the load balancer in {region.name} would have {count} {tier} subnet(s); "
                "an ALB needs subnets in at least two availability zones",
                spec.source.key(("regions", region.name, "load_balancer")),
                hint="set vpc.az_count: 2 or more (or list two subnets per tier in vpc.subnets)",
            )


RULE = Rule("RF160", "alb-subnets", "Load balancer in fewer than two subnets", check)
