"""RF150: a `renamed_from` that cannot be a rename.

`renamed_from` says "this is the thing that used to be called X": regionform moves X's
Terraform state to the new key and keeps X in AWS names. That only makes sense when X is gone
from the spec (otherwise two entries would claim the same resources), when only one entry
claims X, and when the history does not loop back to the entry's own key.

Fails:

    tenants:
      alpha: {home: eu-west-1, countries: [IE]}
      beta: {home: eu-west-1, countries: [IE], renamed_from: alpha}

Passes:

    tenants:
      beta: {home: eu-west-1, countries: [IE], renamed_from: alpha}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.source import Path

RESERVED_BUCKET_KEYS = ("access-logs",)


def _path(base: Path, history: tuple[str, ...], index: int) -> Path:
    """Where one old key is written: the scalar itself, or an item of the list."""
    return (*base, "renamed_from") if len(history) == 1 else (*base, "renamed_from", index)


def _check_keys(
    rule: Rule,
    spec: Spec,
    what: str,
    entries: list[tuple[str, tuple[str, ...], Path]],
) -> Iterator[Finding]:
    """entries: (current key, renamed_from, spec path of the entry), in spec order."""
    current = {key for key, _, _ in entries}
    claimed: dict[str, str] = {}
    for key, history, base in entries:
        for index, old in enumerate(history):
            where = spec.source.value(_path(base, history, index))
            if old == key:
                yield rule.finding(
                    f"{what} {key!r} is renamed from itself",
                    where,
                    hint="remove this entry from renamed_from",
                )
            elif old in current:
                yield rule.finding(
                    f"{what} {key!r} is renamed from {old!r}, which still exists: both would "
                    "claim the same resources",
                    where,
                    hint=f"delete {what} {old!r} (this entry takes over its resources), or "
                    "remove renamed_from",
                )
            elif old in claimed:
                yield rule.finding(
                    f"{what}s {claimed[old]!r} and {key!r} are both renamed from {old!r}; "
                    "its resources can move to only one",
                    where,
                    hint=f"keep renamed_from: {old} on one of them",
                )
            else:
                claimed[old] = key


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    yield from _check_keys(
        rule,
        spec,
        "tenant",
        [(t.id, t.renamed_from, ("tenants", t.id)) for t in spec.tenants],
    )
    for region in spec.regions:
        base: Path = ("regions", region.name, "buckets")
        entries = [(b.purpose, b.renamed_from, (*base, b.purpose)) for b in region.buckets]
        yield from _check_keys(rule, spec, "bucket", entries)
        for purpose, history, path in entries:
            for index, old in enumerate(history):
                if old in RESERVED_BUCKET_KEYS or old.startswith("tenant-"):
                    yield rule.finding(
                        f"bucket {purpose!r} is renamed from {old!r}, a key regionform "
                        "reserves (the access-log bucket, silo tenants' buckets)",
                        spec.source.value(_path(path, history, index)),
                        hint="rename a tenant with renamed_from on the tenant itself",
                    )


RULE = Rule(
    "RF150", "renamed-from", "renamed_from names a key that exists, twice, or itself", check
)
