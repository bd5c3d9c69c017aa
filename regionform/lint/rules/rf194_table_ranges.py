"""RF194: a DynamoDB recovery window or capacity outside what AWS accepts.

Point-in-time recovery keeps 1 to 35 days. Provisioned capacity is at least 1 unit, an
autoscaling maximum is at least its minimum, and target tracking keeps utilization between
20 and 90 percent.

Fails:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            point_in_time_recovery_days: 90

Passes:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            point_in_time_recovery_days: 35
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.tables import Capacity

Path = tuple[str | int, ...]


def _below(
    rule: Rule, spec: Spec, path: Path, value: int, low: int, what: str
) -> Iterator[Finding]:
    if value < low:
        yield rule.finding(
            f"{what} is {value}; it must be at least {low}",
            spec.source.value(path),
            hint=f"use {low} or more",
        )


def _capacity(rule: Rule, spec: Spec, path: Path, capacity: Capacity) -> Iterator[Finding]:
    yield from _below(rule, spec, (*path, "read"), capacity.read, 1, "read capacity")
    yield from _below(rule, spec, (*path, "write"), capacity.write, 1, "write capacity")
    if capacity.max_read is not None:
        yield from _below(
            rule, spec, (*path, "max_read"), capacity.max_read, capacity.read, "max_read"
        )
    if capacity.max_write is not None:
        yield from _below(
            rule, spec, (*path, "max_write"), capacity.max_write, capacity.write, "max_write"
        )
    if not 20 <= capacity.target_utilization <= 90:
        yield rule.finding(
            f"target utilization is {capacity.target_utilization} %; "
            "Application Auto Scaling tracks 20-90",
            spec.source.value((*path, "target_utilization")),
            hint="use a target from 20 to 90, e.g. 70",
        )


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        for table in region.tables:
            base: Path = ("regions", region.name, "tables", table.name)
            days = table.point_in_time_recovery_days
            if not 1 <= days <= 35:
                yield rule.finding(
                    f"point-in-time recovery window is {days} days; AWS allows 1-35",
                    spec.source.value((*base, "point_in_time_recovery_days")),
                    hint="use 1 to 35 days; keep longer history with AWS Backup",
                )
            if table.capacity is not None:
                yield from _capacity(rule, spec, (*base, "capacity"), table.capacity)
            for gsi in table.global_indexes:
                if gsi.capacity is not None:
                    path: Path = (*base, "global_indexes", gsi.name, "capacity")
                    yield from _capacity(rule, spec, path, gsi.capacity)


RULE = Rule("RF194", "table-ranges", "DynamoDB recovery window or capacity out of range", check)
