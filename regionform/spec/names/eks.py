"""EKS names: one cluster per region that asks for one."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName
from regionform.spec.quotas import Usage
from regionform.spec.services import services


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
        if region.cluster.karpenter:
            # The module's names (modules/eks main.tf): the role's name_prefix (Terraform
            # appends 26 characters, so at most 38) and the interruption queue.
            names += [
                DerivedName(
                    f"{name[:24]}-karpenter-", 38, "IAM role name prefix of Karpenter", path
                ),
                DerivedName(f"{name[:69]}-karpenter", 80, "Karpenter interruption queue", path),
            ]
    return names


# Per cluster: the control plane's role, the nodes' role, and the IRSA roles of the two
# default add-ons that get one (vpc-cni, aws-ebs-csi-driver); Fargate profiles add one more.
CLUSTER_ROLES = 4


def _bindable(spec: Spec, region: Region) -> bool:
    lb = region.load_balancer
    taken = {s.target for s in services(spec, region)}
    return lb is not None and any(t.name not in taken for t in lb.targets)


def counts(spec: Spec) -> list[Usage]:
    """IAM roles of every cluster: four each, five with Fargate profiles, one more for the
    AWS Load Balancer Controller where the region's load balancer has targets no ECS service
    takes (the cluster's, through TargetGroupBinding), and one for the Karpenter controller
    where the cluster enables Karpenter."""
    roles = sum(
        CLUSTER_ROLES
        + (1 if region.cluster.fargate_profiles else 0)
        + (1 if _bindable(spec, region) else 0)
        + (1 if region.cluster.karpenter else 0)
        for region in spec.regions
        if region.cluster is not None
    )
    return [Usage("iam-roles", "account", roles, ("regions",))] if roles else []
