"""RF131: an EKS cluster needs private subnets in two AZs and a way out to pull images.

EKS needs subnets in at least two availability zones, and nodes in private subnets need
a NAT gateway to reach ECR and the EKS API.

Fails:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, nat: none}
        cluster:
          node_groups:
            general: {instance_types: [m5.large], min: 1, max: 3}

Passes:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, nat: single}
        cluster:
          node_groups:
            general: {instance_types: [m5.large], min: 1, max: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        if region.cluster is None:
            continue
        vpc = ("regions", region.name, "vpc")
        if region.vpc.az_count < 2:
            yield rule.finding(
                f"the EKS cluster of {region.name} needs subnets in 2 AZs; the VPC has "
                f"{region.vpc.az_count}",
                spec.source.value((*vpc, "az_count")),
                hint="set az_count: 2 or more",
            )
        if region.vpc.nat == "none":
            yield rule.finding(
                f"EKS nodes in {region.name} cannot reach ECR or the EKS API: the VPC has no NAT",
                spec.source.value((*vpc, "nat")),
                hint="use nat: single or per_az",
            )


RULE = Rule("RF131", "cluster-network", "EKS cluster in a VPC it cannot run in", check)
