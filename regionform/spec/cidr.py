"""The default subnet plan, from the BizFlow seed.

For a VPC 10.x.0.0/16 and three AZs: public 10.x.1-3.0/24, private 10.x.11-13.0/24 and
database 10.x.21-23.0/24. For other VPC sizes the same indices are used on subnets eight
bits longer than the VPC prefix (a /20 VPC gets /28 subnets).
"""

from __future__ import annotations

import ipaddress

TIER_OFFSETS = {"public": 1, "private": 11, "database": 21}


def default_plan(vpc_cidr: str, az_count: int) -> dict[str, tuple[str, ...]] | None:
    """The default plan, or None when the VPC is too small for it (smaller than a /20)."""
    try:
        network = ipaddress.ip_network(vpc_cidr, strict=False)
    except ValueError:
        return None
    new_prefix = network.prefixlen + 8
    if new_prefix > 28 or az_count > 6:
        return None
    subnets = list(network.subnets(new_prefix=new_prefix))
    return {
        tier: tuple(str(subnets[offset + az]) for az in range(az_count))
        for tier, offset in TIER_OFFSETS.items()
    }


def parse_network(text: str) -> ipaddress.IPv4Network | None:
    """The network a CIDR names, or None when it is not a valid network address."""
    try:
        network = ipaddress.ip_network(text, strict=True)
    except ValueError:
        return None
    return network if isinstance(network, ipaddress.IPv4Network) else None
