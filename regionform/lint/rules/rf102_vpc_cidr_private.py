"""RF102: a VPC CIDR outside the RFC 1918 private ranges, or outside /16-/24.

VPCs take private addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16). The size must
leave room for one subnet per tier and AZ, and a VPC larger than /16 is not one AWS creates.

Fails:

    regions:
      eu-west-1:
        vpc: {cidr: 52.10.0.0/16}

Passes:

    regions:
      eu-west-1:
        vpc: {cidr: 172.16.0.0/16}
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.cidr import parse_network
from regionform.spec.model import Spec

RFC1918 = tuple(ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        network = parse_network(region.vpc.cidr)
        if network is None:
            continue
        where = spec.source.value(("regions", region.name, "vpc", "cidr"))
        if not any(network.subnet_of(block) for block in RFC1918):
            yield rule.finding(
                f"VPC CIDR {region.vpc.cidr} of {region.name} is not a private (RFC 1918) range",
                where,
                hint="use a range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
            )
        if not 16 <= network.prefixlen <= 24:
            yield rule.finding(
                f"VPC CIDR {region.vpc.cidr} has prefix /{network.prefixlen}; AWS allows "
                "/16 to /24",
                where,
                hint="use a prefix between /16 and /24",
            )


RULE = Rule("RF102", "vpc-cidr-private", "VPC CIDR is not an RFC 1918 /16-/24 range", check)
