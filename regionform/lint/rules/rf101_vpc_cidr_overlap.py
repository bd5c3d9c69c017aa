"""RF101: two regions' VPC CIDRs overlap, so they can never be peered or routed together.

Two VPCs whose ranges overlap can never be peered or joined through a transit gateway, and
a replica or a service in one region could not reach the other by address.

Fails:

    regions:
      eu-west-2:
        role: dr
        vpc: {cidr: 10.1.128.0/17}

Passes:

    regions:
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
"""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Network

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.cidr import parse_network
from regionform.spec.model import Region, Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    seen: list[tuple[Region, IPv4Network]] = []
    for region in spec.regions:
        network = parse_network(region.vpc.cidr)
        if network is None:
            continue
        for other, other_network in seen:
            if network.overlaps(other_network):
                yield rule.finding(
                    f"VPC CIDR {region.vpc.cidr} of {region.name} overlaps "
                    f"{other.vpc.cidr} of {other.name}",
                    spec.source.value(("regions", region.name, "vpc", "cidr")),
                    hint="give every region its own range, e.g. 10.1.0.0/16, 10.2.0.0/16, …",
                )
        seen.append((region, network))


RULE = Rule("RF101", "vpc-cidr-overlap", "VPC CIDRs of two regions overlap", check)
