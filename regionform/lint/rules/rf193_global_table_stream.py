"""RF193: a global table whose stream is not NEW_AND_OLD_IMAGES.

Global tables (version 2019.11.21) replicate through the table's stream, which must carry new
and old images. A table with replicas gets that stream by default; stating another view type
contradicts it.

Fails:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            stream: KEYS_ONLY
            replicas: [eu-west-2]
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}

Passes:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            replicas: [eu-west-2]
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.tables import GLOBAL_TABLE_STREAM


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        for table in region.tables:
            if table.replicas and table.stream not in (None, GLOBAL_TABLE_STREAM):
                yield rule.finding(
                    f"table {table.name!r} has replicas but streams {table.stream}; a global "
                    f"table replicates through a {GLOBAL_TABLE_STREAM} stream",
                    spec.source.value(("regions", region.name, "tables", table.name, "stream")),
                    hint=f"drop stream (a global table gets {GLOBAL_TABLE_STREAM}) and read "
                    "what you need from those images",
                )


RULE = Rule(
    "RF193", "global-table-stream", "Global table without a new-and-old-images stream", check
)
