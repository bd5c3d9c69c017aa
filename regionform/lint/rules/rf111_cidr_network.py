"""RF111: a VPC CIDR with host bits set or octets out of range.

`10.1.5.0/16` names the network `10.1.0.0/16` with host bits set; AWS refuses it, and it
usually hides a typo in the intended range.

Fails:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.5.0/16}

Passes:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16}
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.cidr import parse_network
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        cidr = region.vpc.cidr
        if parse_network(cidr) is not None:
            continue
        try:
            fixed = str(ipaddress.ip_network(cidr, strict=False))
            hint = f"did you mean {fixed}?"
        except ValueError:
            hint = "write an IPv4 network such as 10.1.0.0/16"
        yield rule.finding(
            f"{cidr} is not a valid network address",
            spec.source.value(("regions", region.name, "vpc", "cidr")),
            hint=hint,
        )


RULE = Rule("RF111", "cidr-network", "VPC CIDR is not a network address", check)
