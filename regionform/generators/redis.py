"""Redis (ElastiCache) per region: TLS, KMS at rest, RBAC users with IAM authentication,
snapshots, and Global Datastore membership."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.generators.kms import copy_key_arn, key_arn
from regionform.generators.notifications import watching
from regionform.spec.copies import CACHE_GLOBAL, copy_graph
from regionform.spec.model import Region, Spec
from regionform.spec.names.redis import call_name, group_id
from regionform.spec.names.vpc import call_name as vpc_call


def _shards(spec: Spec, region: Region) -> int | None:
    """The shards of a region's cache: its own, or its Global Datastore primary's."""
    cache = region.cache
    if cache is None or cache.secondary_of is None:
        return cache.shards if cache is not None else None
    source = spec.region(cache.secondary_of)
    return source.cache.shards if source is not None and source.cache is not None else None


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
                shards = _shards(spec, region)
                if shards is not None:
                    # A secondary inherits its shards; its alarms still watch every one.
                    arguments["num_node_groups"] = shards
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
            arguments.update(watching(spec, region, self.kind))
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.cache is None:
            return {}
        module = f"module.{call_name(region)}"
        if region.cache.shards is not None:
            return {"cache_endpoint": ref(f"{module}.configuration_endpoint_address")}
        return {"cache_endpoint": ref(f"{module}.primary_endpoint_address")}


GENERATOR = RedisGenerator()
