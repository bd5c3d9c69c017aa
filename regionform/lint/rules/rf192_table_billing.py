"""RF192: DynamoDB capacity that does not match the billing mode.

An on-demand table (billing: on_demand, the default) is billed per request and takes no
capacity, for itself or its global indexes; a provisioned table needs its read and write
capacity (the autoscaling minimum).

Fails:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            capacity: {read: 5, write: 5}

Passes:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            billing: provisioned
            capacity: {read: 5, write: 5}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        for table in region.tables:
            base = ("regions", region.name, "tables", table.name)
            if table.billing == "on_demand":
                if table.capacity is not None:
                    yield rule.finding(
                        f"table {table.name!r} is billed on demand but states capacity",
                        spec.source.key((*base, "capacity")),
                        hint="set billing: provisioned to provision it, or drop capacity",
                    )
                for gsi in table.global_indexes:
                    if gsi.capacity is not None:
                        yield rule.finding(
                            f"index {gsi.name!r} of on-demand table {table.name!r} states capacity",
                            spec.source.key((*base, "global_indexes", gsi.name, "capacity")),
                            hint="set the table's billing: provisioned, or drop capacity",
                        )
            elif table.capacity is None:
                yield rule.finding(
                    f"table {table.name!r} is provisioned but states no capacity",
                    spec.source.value((*base, "billing")),
                    hint="add capacity: {read: 5, write: 5} (with max_read / max_write to "
                    "autoscale), or use billing: on_demand",
                )


RULE = Rule("RF192", "table-billing", "DynamoDB capacity not matching the billing mode", check)
