"""RF190: a DynamoDB index keyed by an undeclared attribute, or a local index without a sort key.

An index's keys are attributes of its table: the table's partition or sort key, or one typed
under `attributes` (DynamoDB needs every key attribute's type). A local secondary index keeps
the table's partition key and changes the sort key, so the table needs a sort key. An index
lists `non_key_attributes` exactly when its projection is INCLUDE.

Fails:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            global_indexes:
              store-index: {partition_key: store_id}

Passes:

    regions:
      eu-west-1:
        tables:
          orders:
            partition_key: {name: tenant_id}
            attributes: {store_id: S}
            global_indexes:
              store-index: {partition_key: store_id}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.tables import Table

Path = tuple[str | int, ...]


def _undeclared(
    rule: Rule, spec: Spec, table: Table, path: Path, name: str, index: str
) -> Iterator[Finding]:
    if table.attribute_type(name) is None:
        yield rule.finding(
            f"index {index!r} of table {table.name!r} is keyed by {name!r}, which is not an "
            "attribute of the table",
            spec.source.value(path),
            hint=f"type it under attributes (e.g. attributes: {{{name}: S}}), or key the index "
            "by a declared attribute",
        )


def _projection(
    rule: Rule, spec: Spec, path: Path, projection: str, non_key: tuple[str, ...], index: str
) -> Iterator[Finding]:
    if (projection == "INCLUDE") != bool(non_key):
        where = (*path, "non_key_attributes") if non_key else (*path, "projection")
        yield rule.finding(
            f"index {index!r} has projection {projection} "
            + ("and non_key_attributes" if non_key else "but no non_key_attributes"),
            spec.source.value(where),
            hint="list non_key_attributes exactly with projection: INCLUDE",
        )


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        for table in region.tables:
            base: Path = ("regions", region.name, "tables", table.name)
            for gsi in table.global_indexes:
                path: Path = (*base, "global_indexes", gsi.name)
                yield from _undeclared(
                    rule, spec, table, (*path, "partition_key"), gsi.partition_key, gsi.name
                )
                if gsi.sort_key is not None:
                    yield from _undeclared(
                        rule, spec, table, (*path, "sort_key"), gsi.sort_key, gsi.name
                    )
                yield from _projection(
                    rule, spec, path, gsi.projection, gsi.non_key_attributes, gsi.name
                )
            for lsi in table.local_indexes:
                path = (*base, "local_indexes", lsi.name)
                if table.sort_key is None:
                    yield rule.finding(
                        f"local index {lsi.name!r} on table {table.name!r}, which has no sort key",
                        spec.source.key(path),
                        hint="give the table a sort_key, or make it a global index "
                        "(global_indexes) with the table's partition key",
                    )
                else:
                    yield from _undeclared(
                        rule, spec, table, (*path, "sort_key"), lsi.sort_key, lsi.name
                    )
                yield from _projection(
                    rule, spec, path, lsi.projection, lsi.non_key_attributes, lsi.name
                )


RULE = Rule("RF190", "table-index-keys", "DynamoDB index keyed by an undeclared attribute", check)
