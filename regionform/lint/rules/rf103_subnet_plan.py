"""RF103: the subnet plan does not fit the VPC: wrong count, outside the VPC, or overlapping.

`vpc.subnets` replaces the default plan (public, private and database subnets, one per AZ).
Each tier needs exactly `az_count` subnets, each inside the VPC, at least a /28, and no two
overlapping; without `vpc.subnets` the VPC must be large enough for the default plan.

Fails:

    regions:
      eu-west-1:
        vpc:
          cidr: 10.1.0.0/16
          az_count: 2
          subnets:
            public: [10.1.1.0/24, 10.1.2.0/24]
            private: [10.1.11.0/24, 10.9.12.0/24]
            database: [10.1.21.0/24, 10.1.22.0/24]

Passes:

    regions:
      eu-west-1:
        vpc:
          cidr: 10.1.0.0/16
          az_count: 2
          subnets:
            public: [10.1.1.0/24, 10.1.2.0/24]
            private: [10.1.11.0/24, 10.1.12.0/24]
            database: [10.1.21.0/24, 10.1.22.0/24]
"""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Network

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.cidr import parse_network
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        vpc = region.vpc
        vpc_path = ("regions", region.name, "vpc")
        vpc_network = parse_network(vpc.cidr)
        if vpc.subnets is None:
            if vpc_network is not None:
                yield rule.finding(
                    f"VPC {vpc.cidr} of {region.name} is too small for the default subnet plan "
                    "(it needs a /20 or larger)",
                    spec.source.value((*vpc_path, "cidr")),
                    hint="use a larger VPC or list the subnets under vpc.subnets",
                )
            continue
        if vpc_network is None:
            continue
        placed: list[tuple[str, str, IPv4Network]] = []
        for tier, cidrs in vpc.subnets.tiers().items():
            tier_path = (*vpc_path, "subnets", tier)
            if len(cidrs) != vpc.az_count:
                yield rule.finding(
                    f"{len(cidrs)} {tier} subnets for az_count {vpc.az_count}",
                    spec.source.value(tier_path),
                    hint="list exactly one subnet per availability zone",
                )
            for index, cidr in enumerate(cidrs):
                where = spec.source.value((*tier_path, index))
                network = parse_network(cidr)
                if network is None:
                    yield rule.finding(
                        f"{cidr} is not a network address",
                        where,
                        hint="clear the host bits, e.g. 10.1.1.0/24",
                    )
                    continue
                if not network.subnet_of(vpc_network):
                    yield rule.finding(
                        f"{tier} subnet {cidr} is outside the VPC {vpc.cidr}",
                        where,
                        hint=f"pick a subnet inside {vpc.cidr}",
                    )
                    continue
                if network.prefixlen > 28:
                    yield rule.finding(
                        f"{tier} subnet {cidr} is smaller than /28, the smallest AWS allows",
                        where,
                    )
                for other_tier, other_cidr, other in placed:
                    if network.overlaps(other):
                        yield rule.finding(
                            f"{tier} subnet {cidr} overlaps {other_tier} subnet {other_cidr}",
                            where,
                            hint="give every subnet its own range",
                        )
                placed.append((tier, cidr, network))


RULE = Rule("RF103", "subnet-plan", "Subnet plan does not fit the VPC", check)
