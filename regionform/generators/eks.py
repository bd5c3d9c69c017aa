"""One EKS cluster per region that asks for one: node groups, Fargate profiles, IRSA."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.generators.notifications import watching
from regionform.spec.model import Cluster, NodeGroup, Region, Spec
from regionform.spec.names import alb
from regionform.spec.names.eks import call_name, cluster_name
from regionform.spec.services import services


def _node_group(group: NodeGroup) -> dict[str, Any]:
    block: dict[str, Any] = {
        "instance_types": list(group.instance_types),
        "capacity_type": group.capacity_type,
        "min_size": group.min,
        "desired_size": group.desired,
        "max_size": group.max,
        "disk_size_gb": group.disk_size_gb,
    }
    if group.ami_type is not None:
        block["ami_type"] = group.ami_type
    if group.labels:
        block["labels"] = dict(group.labels)
    if group.taints:
        block["taints"] = [
            {"key": t.key, "effect": t.effect, **({"value": t.value} if t.value else {})}
            for t in group.taints
        ]
    return block


def _arguments(spec: Spec, region: Region, cluster: Cluster) -> dict[str, Any]:
    vpc = f"module.vpc_{region.alias}"
    arguments: dict[str, Any] = {
        "cluster_name": cluster_name(spec, region),
        "kubernetes_version": cluster.kubernetes_version,
        "vpc_id": ref(f"{vpc}.vpc_id"),
        "subnet_ids": ref(f"{vpc}.private_subnet_ids"),
        "endpoint_public_access": bool(cluster.endpoint_public_access_cidrs),
        "endpoint_public_access_cidrs": list(cluster.endpoint_public_access_cidrs),
        "admin_role_arns": list(cluster.admin_role_arns),
        "log_retention_days": cluster.log_retention_days,
        "node_groups": {g.name: _node_group(g) for g in cluster.node_groups},
        "fargate_profiles": {
            p.name: {
                "selectors": [
                    {"namespace": ns, **({"labels": dict(p.labels)} if p.labels else {})}
                    for ns in p.namespaces
                ]
            }
            for p in cluster.fargate_profiles
        },
    }
    if not cluster.container_insights:
        arguments["container_insights"] = False
    else:
        arguments.update(watching(spec, region, "eks"))
    if cluster.karpenter:
        # Karpenter's controller role and interruption queue; its nodes use the node role.
        arguments["karpenter"] = True
    bindable = target_group_bindings(spec, region)
    if bindable:
        # The load balancer's target groups (same root): Kubernetes services join them through
        # TargetGroupBinding; the controller never creates load balancers of its own.
        arguments["target_group_binding_arns"] = {
            name: ref(f'module.{alb.call_name(region)}.target_group_arns["{name}"]')
            for name in bindable
        }
    return arguments


def target_group_bindings(spec: Spec, region: Region) -> list[str]:
    """The region's load balancer targets no ECS service registers in: the cluster's."""
    lb = region.load_balancer
    if lb is None or region.cluster is None:
        return []
    taken = {s.target for s in services(spec, region)}
    return [t.name for t in lb.targets if t.name not in taken]


class EksGenerator:
    kind = "eks"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        return [
            ModuleCall(
                name=call_name(region),
                module=self.kind,
                region=region.name,
                arguments=_arguments(spec, region, region.cluster),
            )
            for region in spec.regions
            if region.cluster is not None
        ]

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.cluster is None:
            return {}
        module = f"module.{call_name(region)}"
        return {
            "eks_cluster_name": ref(f"{module}.cluster_name"),
            "eks_cluster_endpoint": ref(f"{module}.cluster_endpoint"),
            "eks_oidc_provider_arn": ref(f"{module}.oidc_provider_arn"),
            "eks_node_role_arn": ref(f"{module}.node_role_arn"),
            **(
                {
                    "eks_karpenter_role_arn": ref(f"{module}.karpenter_role_arn"),
                    "eks_karpenter_queue_name": ref(f"{module}.karpenter_queue_name"),
                }
                if region.cluster.karpenter
                else {}
            ),
            **(
                {
                    "eks_load_balancer_controller_role_arn": ref(
                        f"{module}.load_balancer_controller_role_arn"
                    ),
                    "eks_target_group_binding_arns": ref(f"{module}.target_group_binding_arns"),
                }
                if target_group_bindings(spec, region)
                else {}
            ),
        }


GENERATOR = EksGenerator()
