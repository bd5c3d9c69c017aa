"""One VPC per region: subnets per tier and AZ, NAT, flow logs, S3 endpoint."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.spec.model import Region, Spec
from regionform.spec.names.eks import cluster_name
from regionform.spec.names.vpc import call_name, vpc_name


class VpcGenerator:
    kind = "vpc"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls = []
        for region in spec.regions:
            vpc = region.vpc
            assert vpc.subnets is not None, "lint refuses a VPC without a subnet plan"
            arguments: dict[str, Any] = {
                "name": vpc_name(spec, region),
                "cidr": vpc.cidr,
                "az_count": vpc.az_count,
                "public_subnets": list(vpc.subnets.public),
                "private_subnets": list(vpc.subnets.private),
                "database_subnets": list(vpc.subnets.database),
                "nat_strategy": vpc.nat,
                "flow_log_retention_days": vpc.flow_log_retention_days,
                "flow_log_traffic_type": vpc.flow_log_traffic_type,
            }
            if region.cluster is not None:
                # Load balancers and Karpenter find their subnets by these tags.
                arguments["public_subnet_tags"] = {"kubernetes.io/role/elb": "1"}
                arguments["private_subnet_tags"] = {
                    "karpenter.sh/discovery": cluster_name(spec, region),
                    "kubernetes.io/role/internal-elb": "1",
                }
            calls.append(
                ModuleCall(
                    name=call_name(region),
                    module=self.kind,
                    region=region.name,
                    arguments=arguments,
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        module = f"module.{call_name(region)}"
        return {
            "vpc_id": ref(f"{module}.vpc_id"),
            "private_subnet_ids": ref(f"{module}.private_subnet_ids"),
            "database_subnet_group_name": ref(f"{module}.database_subnet_group_name"),
        }


GENERATOR = VpcGenerator()
