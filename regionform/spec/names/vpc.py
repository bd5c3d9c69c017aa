"""VPC names: one VPC per region."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName
from regionform.spec.quotas import Usage


def vpc_name(spec: Spec, region: Region) -> str:
    return f"{spec.prefix}-{region.name}"


def call_name(region: Region) -> str:
    return f"vpc_{region.alias}"


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        name = vpc_name(spec, region)
        path = ("regions", region.name)
        names += [
            DerivedName(f"{name}-vpc-flow-logs", 64, "IAM role for VPC flow logs", path),
            DerivedName(f"{name}-db", 255, "DB subnet group", path),
            DerivedName(f"alias/{name}/flow-logs", 256, "KMS alias for flow logs", path),
        ]
    return names


def counts(spec: Spec) -> list[Usage]:
    """IAM roles: each region's VPC has its flow-logs delivery role."""
    return [Usage("iam-roles", "account", len(spec.regions), ("regions",))]
