"""EKS names: one cluster per region that asks for one."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName
from regionform.spec.quotas import Usage


def cluster_name(spec: Spec, region: Region) -> str:
    return f"{spec.prefix}-{region.name}"


def call_name(region: Region) -> str:
    return f"eks_{region.alias}"


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        if region.cluster is None:
            continue
        name = cluster_name(spec, region)
        path = ("regions", region.name, "cluster")
        names += [
            DerivedName(name, 100, "EKS cluster", path),
            DerivedName(f"/aws/eks/{name}/cluster", 512, "EKS control-plane log group", path),
            DerivedName(f"alias/{name}-eks", 256, "KMS alias for EKS", path),
        ]
    return names


# Per cluster: the control plane's role, the nodes' role, and the IRSA roles of the two
# default add-ons that get one (vpc-cni, aws-ebs-csi-driver); Fargate profiles add one more.
CLUSTER_ROLES = 4


def counts(spec: Spec) -> list[Usage]:
    """IAM roles of every cluster: four each, five with Fargate profiles."""
    roles = sum(
        CLUSTER_ROLES + (1 if region.cluster.fargate_profiles else 0)
        for region in spec.regions
        if region.cluster is not None
    )
    return [Usage("iam-roles", "account", roles, ("regions",))] if roles else []
