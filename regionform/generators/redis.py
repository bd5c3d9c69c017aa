"""Redis (ElastiCache) per region: TLS, KMS at rest, RBAC users with IAM authentication,
snapshots, and Global Datastore membership."""

from __future__ import annotations

from typing import Any

from regionform.document import DerivedName, ModuleCall, ref
from regionform.generators.kms import copy_key_arn, key_arn
from regionform.generators.vpc import call_name as vpc_call
from regionform.spec.copies import CACHE_GLOBAL, copy_graph
from regionform.spec.model import Region, Spec

COMPASS = {
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "central": "c",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
}


def short_region(name: str) -> str:
    """AWS's short form of a region name: ap-southeast-1 → apse1, eu-west-2 → euw2."""
    parts = name.split("-")
    middle = "".join(COMPASS.get(part, part[:1]) for part in parts[1:-1])
    return f"{parts[0]}{middle}{parts[-1]}"


def call_name(region: Region) -> str:
    return f"redis_{region.alias}"


def group_id(spec: Spec, region: Region) -> str:
    # ElastiCache ids allow 40 characters and the module appends "-default" to user ids.
    return f"{spec.prefix}-{short_region(region.name)}"


class RedisGenerator:
    kind = "redis"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        graph = copy_graph(spec)
        calls = []
        for region in spec.regions:
            cache = region.cache
            if cache is None:
                continue
            vpc = f"module.{vpc_call(region)}"
            arguments: dict[str, Any] = {"replication_group_id": group_id(spec, region)}
            if cache.secondary_of is None:
                arguments["engine_version"] = cache.engine_version
                arguments["node_type"] = cache.node_type
            if cache.shards is not None:
                arguments["cluster_mode"] = True
                if cache.secondary_of is None:
                    arguments["num_node_groups"] = cache.shards
            arguments["replicas_per_node_group"] = cache.replicas
            arguments["multi_az_enabled"] = cache.replicas >= 1
            arguments["snapshot_retention_limit"] = cache.snapshot_retention_days
            member = next(
                (c for c in graph if c.kind == CACHE_GLOBAL and c.target == region.name),
                None,
            )
            arguments["kms_key_arn"] = (
                copy_key_arn(spec, member) if member is not None else key_arn(region, "database")
            )
            arguments["log_kms_key_arn"] = key_arn(region, "logs")
            arguments["vpc_id"] = ref(f"{vpc}.vpc_id")
            arguments["subnet_ids"] = ref(f"{vpc}.database_subnet_ids")
            arguments["allowed_cidr_blocks"] = ref(f"{vpc}.private_subnet_cidrs")
            if cache.global_primary:
                arguments["global_datastore"] = {"role": "primary"}
            elif member is not None:
                source = spec.region(member.source)
                assert source is not None, "lint refuses a secondary of an undefined region"
                arguments["global_datastore"] = {
                    "role": "secondary",
                    "global_replication_group_id": ref(
                        f"module.{call_name(source)}.global_replication_group_id"
                    ),
                }
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.cache is None:
            return {}
        module = f"module.{call_name(region)}"
        if region.cache.shards is not None:
            return {"cache_endpoint": ref(f"{module}.configuration_endpoint_address")}
        return {"cache_endpoint": ref(f"{module}.primary_endpoint_address")}

    def names(self, spec: Spec) -> list[DerivedName]:
        names = []
        for region in spec.regions:
            if region.cache is not None:
                path = ("regions", region.name, "cache")
                rg = group_id(spec, region)
                names += [
                    DerivedName(rg, 40, "ElastiCache replication group id", path),
                    DerivedName(f"{rg}-default", 40, "ElastiCache user id", path),
                ]
        return names


GENERATOR = RedisGenerator()
