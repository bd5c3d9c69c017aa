"""RF191: more DynamoDB indexes on a table than AWS allows (20 global, 5 local).

AWS allows 20 global secondary indexes a table (a quota that can be raised on request) and 5
local secondary indexes (fixed). A table over either limit fails to create.

Fails:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            sort_key: {name: order_id}
            attributes: {a: S, b: S, c: S, d: S, e: S, f: S}
            local_indexes:
              by-a: {sort_key: a}
              by-b: {sort_key: b}
              by-c: {sort_key: c}
              by-d: {sort_key: d}
              by-e: {sort_key: e}
              by-f: {sort_key: f}

Passes:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            sort_key: {name: order_id}
            attributes: {a: S, b: S, c: S, d: S, e: S, f: S}
            local_indexes:
              by-a: {sort_key: a}
              by-b: {sort_key: b}
              by-c: {sort_key: c}
              by-d: {sort_key: d}
              by-e: {sort_key: e}
            global_indexes:
              by-f: {partition_key: tenant_id, sort_key: f}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.tables import GSI_LIMIT, LSI_LIMIT


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        for table in region.tables:
            base = ("regions", region.name, "tables", table.name)
            if len(table.global_indexes) > GSI_LIMIT:
                yield rule.finding(
                    f"table {table.name!r} has {len(table.global_indexes)} global indexes; "
                    f"AWS allows {GSI_LIMIT} a table unless the quota is raised",
                    spec.source.key((*base, "global_indexes")),
                    hint="drop or merge indexes (overload one index's keys), or raise the "
                    "quota and split the table",
                )
            if len(table.local_indexes) > LSI_LIMIT:
                yield rule.finding(
                    f"table {table.name!r} has {len(table.local_indexes)} local indexes; "
                    f"AWS allows {LSI_LIMIT} a table",
                    spec.source.key((*base, "local_indexes")),
                    hint="make the others global indexes keyed by the table's partition key",
                )


RULE = Rule("RF191", "table-index-limits", "More DynamoDB indexes than AWS allows", check)
