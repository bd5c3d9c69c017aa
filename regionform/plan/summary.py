"""What a plan does, per root, region and module: the numbers the summary table shows.

Counts follow Terraform's own "Plan: X to add, Y to change, Z to destroy": a replacement is
one add and one destroy (and is also counted under `replace`, so the table can flag it).
Reads (data sources), no-ops and forgets change nothing in AWS and are not counted.

The region of a module call comes from the generator that made it (`module_regions`), never
from parsing its name: a tenant's module `rds_tenant_acme` carries no region in its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from regionform.plan.stateful import StatefulChange, stateful_changes

SUMMARY_FORMAT = 1
# Resources declared in the root itself rather than inside a module call.
ROOT_MODULE = "(root)"
UNKNOWN_REGION = "-"

_MODULE_CALL = re.compile(r"^module\.([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Row:
    """Planned changes of one module call in one root."""

    root: str
    region: str
    module: str
    add: int = 0
    change: int = 0
    destroy: int = 0
    replace: int = 0  # already included in add and destroy

    @property
    def empty(self) -> bool:
        return not (self.add or self.change or self.destroy)


@dataclass(frozen=True)
class Guarded:
    """A planned delete or replace of a stateful resource, and whether the user allowed it."""

    root: str
    region: str
    module: str
    address: str
    what: str  # "database", "bucket", …
    actions: tuple[str, ...]
    allowed: bool

    @property
    def verb(self) -> str:
        return "replace" if "create" in self.actions else "delete"


@dataclass(frozen=True)
class RootSummary:
    """One root's plan; `error` is set (and the rest empty) when planning it failed."""

    root: str
    path: str
    changes: bool = False  # Terraform's verdict, outputs included (`plan -detailed-exitcode`)
    rows: tuple[Row, ...] = ()
    guarded: tuple[Guarded, ...] = ()
    error: str | None = None

    @property
    def refused(self) -> tuple[Guarded, ...]:
        return tuple(g for g in self.guarded if not g.allowed)


@dataclass(frozen=True)
class Summary:
    roots: tuple[RootSummary, ...] = field(default_factory=tuple)

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every non-empty row, ordered by region, module, root (the same for any split)."""
        rows = [row for root in self.roots for row in root.rows if not row.empty]
        return tuple(sorted(rows, key=lambda r: (r.region, r.module, r.root)))

    @property
    def totals(self) -> Row:
        rows = self.rows
        return Row(
            root="",
            region="",
            module="total",
            add=sum(r.add for r in rows),
            change=sum(r.change for r in rows),
            destroy=sum(r.destroy for r in rows),
            replace=sum(r.replace for r in rows),
        )

    @property
    def guarded(self) -> tuple[Guarded, ...]:
        return tuple(g for root in self.roots for g in root.guarded)

    @property
    def refused(self) -> tuple[Guarded, ...]:
        return tuple(g for g in self.guarded if not g.allowed)

    @property
    def failed(self) -> tuple[RootSummary, ...]:
        return tuple(root for root in self.roots if root.error is not None)

    @property
    def changes(self) -> bool:
        return any(root.changes for root in self.roots)


def module_call(address: str) -> str:
    """The top-level module call an address is under, or ROOT_MODULE."""
    match = _MODULE_CALL.match(address)
    return match.group(1) if match else ROOT_MODULE


def _counts(actions: tuple[str, ...]) -> tuple[int, int, int, int]:
    """(add, change, destroy, replace) for one resource's planned actions."""
    if "create" in actions and "delete" in actions:
        return 1, 0, 1, 1
    if actions == ("create",):
        return 1, 0, 0, 0
    if actions == ("update",):
        return 0, 1, 0, 0
    if actions == ("delete",):
        return 0, 0, 1, 0
    return 0, 0, 0, 0  # no-op, read, forget


def _root_resource_regions(plan: Mapping[str, Any], aliases: Mapping[str, str]) -> dict[str, str]:
    """Region of each resource declared in the root itself, from its provider configuration."""
    regions: dict[str, str] = {}
    root_module = plan.get("configuration", {}).get("root_module", {})
    for resource in root_module.get("resources") or ():
        key = str(resource.get("provider_config_key", ""))
        alias = key.split(".", 1)[1] if "." in key else ""
        if alias in aliases:
            regions[str(resource.get("address"))] = aliases[alias]
    return regions


def summarize_plan(
    root: str,
    path: str,
    plan: Mapping[str, Any],
    *,
    changes: bool,
    module_regions: Mapping[str, str],
    alias_regions: Mapping[str, str] | None = None,
    allowed: Iterable[str] = (),
) -> RootSummary:
    """Summarise one root's `terraform show -json` plan.

    `module_regions` maps module call names to their region (from the generators);
    `alias_regions` maps provider aliases to regions, for resources outside module calls.
    """
    root_regions = _root_resource_regions(plan, alias_regions or {})

    def region_of(address: str, module: str) -> str:
        if module != ROOT_MODULE:
            return module_regions.get(module, UNKNOWN_REGION)
        base = address.split("[", 1)[0]
        return root_regions.get(base, UNKNOWN_REGION)

    totals: dict[tuple[str, str], list[int]] = {}
    for change in plan.get("resource_changes") or ():
        if change.get("mode") != "managed":
            continue
        actions = tuple(change.get("change", {}).get("actions") or ())
        counts = _counts(actions)
        if not any(counts):
            continue
        address = str(change["address"])
        module = module_call(address)
        key = (region_of(address, module), module)
        row = totals.setdefault(key, [0, 0, 0, 0])
        for i, n in enumerate(counts):
            row[i] += n
    rows = tuple(
        Row(root, region, module, *totals[(region, module)]) for region, module in sorted(totals)
    )
    permitted = set(allowed)

    def guard(change: StatefulChange) -> Guarded:
        module = module_call(change.address)
        return Guarded(
            root=root,
            region=region_of(change.address, module),
            module=module,
            address=change.address,
            what=change.what,
            actions=change.actions,
            allowed=change.address in permitted,
        )

    guarded = tuple(guard(c) for c in stateful_changes(plan))
    return RootSummary(root, path, changes, rows, guarded)


# JSON form (`--summary-json`, read back by `regionform summarize`).


def summary_to_json(summary: Summary) -> dict[str, Any]:
    return {
        "regionform_plan_summary": SUMMARY_FORMAT,
        "roots": [
            {
                "root": root.root,
                "path": root.path,
                "changes": root.changes,
                "error": root.error,
                "rows": [
                    {
                        "region": r.region,
                        "module": r.module,
                        "add": r.add,
                        "change": r.change,
                        "destroy": r.destroy,
                        "replace": r.replace,
                    }
                    for r in root.rows
                ],
                "stateful": [
                    {
                        "address": g.address,
                        "what": g.what,
                        "actions": list(g.actions),
                        "allowed": g.allowed,
                        "region": g.region,
                        "module": g.module,
                    }
                    for g in root.guarded
                ],
            }
            for root in summary.roots
        ],
    }


class SummaryFormatError(ValueError):
    """A file that is not a regionform plan summary."""


def _root_from_json(data: Mapping[str, Any]) -> RootSummary:
    root = str(data["root"])
    rows = tuple(
        Row(
            root,
            str(r["region"]),
            str(r["module"]),
            int(r["add"]),
            int(r["change"]),
            int(r["destroy"]),
            int(r.get("replace", 0)),
        )
        for r in data.get("rows") or ()
    )
    guarded = tuple(
        Guarded(
            root,
            str(g["region"]),
            str(g["module"]),
            str(g["address"]),
            str(g["what"]),
            tuple(str(a) for a in g["actions"]),
            bool(g["allowed"]),
        )
        for g in data.get("stateful") or ()
    )
    error = data.get("error")
    return RootSummary(
        root,
        str(data.get("path", root)),
        bool(data.get("changes", False)),
        rows,
        guarded,
        None if error is None else str(error),
    )


def summary_from_json(data: Any) -> Summary:
    if not isinstance(data, dict) or data.get("regionform_plan_summary") != SUMMARY_FORMAT:
        raise SummaryFormatError(
            "not a regionform plan summary (write one with `regionform plan --summary-json`)"
        )
    try:
        return Summary(tuple(_root_from_json(root) for root in data.get("roots") or ()))
    except (KeyError, TypeError, ValueError) as error:
        raise SummaryFormatError(f"malformed plan summary: {error!r}") from None


def merge(summaries: Iterable[Summary]) -> Summary:
    """One summary of many (e.g. one per root from a CI matrix); a root twice is an error."""
    roots: dict[str, RootSummary] = {}
    for summary in summaries:
        for root in summary.roots:
            if root.root in roots:
                raise SummaryFormatError(f"root {root.root!r} appears in more than one summary")
            roots[root.root] = root
    return Summary(tuple(roots[name] for name in sorted(roots)))
