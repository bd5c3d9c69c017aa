"""DynamoDB tables in the model: keys, indexes, capacity, replicas (built from schema-valid data).

A region's `tables` are the tables whose home is that region; `replicas` lists the other
regions a global table lives in. The copy graph (spec/copies.py) turns the replicas into
copies, both ways: a global table is multi-active, so data written to any replica reaches
every other one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# AWS's per-table limits (DynamoDB service quotas; the GSI one can be raised, the LSI one not).
GSI_LIMIT = 20
LSI_LIMIT = 5
# The view type a global table's stream must have (version 2019.11.21 replication reads it).
GLOBAL_TABLE_STREAM = "NEW_AND_OLD_IMAGES"


@dataclass(frozen=True)
class TableKey:
    name: str
    type: str = "S"


@dataclass(frozen=True)
class Capacity:
    read: int
    write: int
    max_read: int | None = None  # None: no read autoscaling
    max_write: int | None = None
    target_utilization: int = 70


@dataclass(frozen=True)
class GlobalIndex:
    name: str
    partition_key: str
    sort_key: str | None = None
    projection: str = "ALL"
    non_key_attributes: tuple[str, ...] = ()
    capacity: Capacity | None = None


@dataclass(frozen=True)
class LocalIndex:
    name: str
    sort_key: str
    projection: str = "ALL"
    non_key_attributes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    partition_key: TableKey
    sort_key: TableKey | None = None
    attributes: tuple[tuple[str, str], ...] = ()  # other index key attributes, name → type
    global_indexes: tuple[GlobalIndex, ...] = ()
    local_indexes: tuple[LocalIndex, ...] = ()
    billing: str = "on_demand"
    capacity: Capacity | None = None
    ttl_attribute: str | None = None
    stream: str | None = None
    point_in_time_recovery_days: int = 35
    replicas: tuple[str, ...] = ()  # in spec order: a finding points at the entry
    tenant_partitioned: bool = False

    def attribute_type(self, name: str) -> str | None:
        """The declared type of an attribute the table or an index may use as a key."""
        keys = [self.partition_key, *([self.sort_key] if self.sort_key else [])]
        for key in keys:
            if key.name == name:
                return key.type
        return dict(self.attributes).get(name)

    @property
    def stream_view(self) -> str | None:
        """The stream the table gets: a global table always streams new and old images."""
        if self.replicas and self.stream is None:
            return GLOBAL_TABLE_STREAM
        return self.stream


def _capacity(data: dict[str, Any] | None) -> Capacity | None:
    if data is None:
        return None
    return Capacity(
        read=int(data["read"]),
        write=int(data["write"]),
        max_read=data.get("max_read"),
        max_write=data.get("max_write"),
        target_utilization=int(data["target_utilization"]),
    )


def table(name: str, data: dict[str, Any]) -> Table:
    sort_key = data.get("sort_key")
    return Table(
        name=name,
        partition_key=TableKey(data["partition_key"]["name"], data["partition_key"]["type"]),
        sort_key=TableKey(sort_key["name"], sort_key["type"]) if sort_key else None,
        attributes=tuple(sorted((data.get("attributes") or {}).items())),
        global_indexes=tuple(
            GlobalIndex(
                name=index,
                partition_key=g["partition_key"],
                sort_key=g.get("sort_key"),
                projection=g["projection"],
                non_key_attributes=tuple(g.get("non_key_attributes") or ()),
                capacity=_capacity(g.get("capacity")),
            )
            for index, g in sorted((data.get("global_indexes") or {}).items())
        ),
        local_indexes=tuple(
            LocalIndex(
                name=index,
                sort_key=lsi["sort_key"],
                projection=lsi["projection"],
                non_key_attributes=tuple(lsi.get("non_key_attributes") or ()),
            )
            for index, lsi in sorted((data.get("local_indexes") or {}).items())
        ),
        billing=data["billing"],
        capacity=_capacity(data.get("capacity")),
        ttl_attribute=data.get("ttl_attribute"),
        stream=data.get("stream"),
        point_in_time_recovery_days=int(data["point_in_time_recovery_days"]),
        replicas=tuple(data.get("replicas") or ()),
        tenant_partitioned=bool(data["tenant_partitioned"]),
    )


def tables(data: dict[str, Any] | None) -> tuple[Table, ...]:
    return tuple(table(name, t) for name, t in sorted((data or {}).items()))
