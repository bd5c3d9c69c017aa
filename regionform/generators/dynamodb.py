"""DynamoDB per region: the tables homed there (global tables with their replicas, each under
its region's database key), autoscaling for provisioned capacity, and one IAM policy per
pooled tenant limited to its partition of the tenant-partitioned tables."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.generators.kms import copy_key_arn, key_arn
from regionform.generators.notifications import watching
from regionform.spec.copies import DYNAMODB_REPLICA, copy_graph
from regionform.spec.model import Region, Spec
from regionform.spec.names.dynamodb import call_name, tenant_policies
from regionform.spec.tables import Capacity, Table

BILLING = {"on_demand": "PAY_PER_REQUEST", "provisioned": "PROVISIONED"}


def _key(name: str, kind: str) -> dict[str, str]:
    return {"name": name} if kind == "S" else {"name": name, "type": kind}


def _capacity(capacity: Capacity | None, table_level: bool) -> dict[str, Any]:
    if capacity is None:
        return {}
    value: dict[str, Any] = {
        "read_capacity": capacity.read,
        "write_capacity": capacity.write,
    }
    if capacity.max_read is not None:
        value["max_read_capacity"] = capacity.max_read
    if capacity.max_write is not None:
        value["max_write_capacity"] = capacity.max_write
    if table_level and capacity.target_utilization != 70:
        value["target_utilization"] = capacity.target_utilization
    return value


def _projection(projection: str, non_key: tuple[str, ...]) -> dict[str, Any]:
    value: dict[str, Any] = {}
    if projection != "ALL":
        value["projection_type"] = projection
    if non_key:
        value["non_key_attributes"] = list(non_key)
    return value


def _table(spec: Spec, region: Region, table: Table) -> dict[str, Any]:
    value: dict[str, Any] = {"hash_key": _key(table.partition_key.name, table.partition_key.type)}
    if table.sort_key is not None:
        value["range_key"] = _key(table.sort_key.name, table.sort_key.type)
    if table.attributes:
        value["attributes"] = dict(table.attributes)
    if table.global_indexes:
        value["global_secondary_indexes"] = {
            index.name: {
                "hash_key": index.partition_key,
                **({"range_key": index.sort_key} if index.sort_key else {}),
                **_projection(index.projection, index.non_key_attributes),
                **(_capacity(index.capacity, False) if table.billing == "provisioned" else {}),
            }
            for index in table.global_indexes
        }
    if table.local_indexes:
        value["local_secondary_indexes"] = {
            index.name: {
                "range_key": index.sort_key,
                **_projection(index.projection, index.non_key_attributes),
            }
            for index in table.local_indexes
        }
    value["billing_mode"] = BILLING[table.billing]
    if table.billing == "provisioned":
        value.update(_capacity(table.capacity, True))
    if table.ttl_attribute is not None:
        value["ttl_attribute"] = table.ttl_attribute
    if table.stream_view is not None:
        value["stream_view_type"] = table.stream_view
    value["point_in_time_recovery_days"] = table.point_in_time_recovery_days
    value["kms_key_arn"] = key_arn(region, "database")
    # Replicas are the copy graph's edges lint judged: one per defined region.
    replicas = {
        c.target: {"kms_key_arn": copy_key_arn(spec, c)}
        for c in copy_graph(spec)
        if c.kind == DYNAMODB_REPLICA
        and c.source == region.name
        and c.table == table.name
        and c.target != region.name
        and spec.region(c.target) is not None
    }
    if replicas:
        value["replicas"] = {r: replicas[r] for r in sorted(replicas)}
    if table.tenant_partitioned:
        value["tenant_partitioned"] = True
    return value


class DynamodbGenerator:
    kind = "dynamodb"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls = []
        for region in spec.regions:
            if not region.tables:
                continue
            arguments: dict[str, Any] = {
                "name_prefix": spec.prefix,
                "tables": {t.name: _table(spec, region, t) for t in region.tables},
            }
            policies = tenant_policies(spec, region)
            if policies:
                arguments["tenant_policies"] = {tenant.id: home for tenant, home in policies}
            arguments.update(watching(spec, region, self.kind))
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not region.tables:
            return {}
        return {"dynamodb_table_names": ref(f"module.{call_name(region)}.table_names")}


GENERATOR = DynamodbGenerator()
