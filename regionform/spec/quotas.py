"""AWS quotas, and how much of each the estate will use.

The table (quotas.json) holds each quota's default value and its Service Quotas code. The
counts come from the module kinds: a file in `regionform/spec/names/` that defines
`counts(spec)` reports what its module creates, per region or account, so a new module kind
reports its own usage beside its derived names. The quota rules (RF17x) compare the two.

An account's raised quotas replace the defaults: `regionform lint --quotas FILE` reads the
JSON that `aws service-quotas list-service-quotas` prints and sets them for the run.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from regionform.findings import UsageError

if TYPE_CHECKING:
    from regionform.spec.model import Spec
    from regionform.spec.source import Path


@dataclass(frozen=True)
class Quota:
    id: str
    name: str
    service: str  # the Service Quotas service code, e.g. "rds"
    code: str  # the Service Quotas quota code, e.g. "L-7B6409FD"
    default: int
    per: str  # "region", "account" or "hosted zone"
    source: str
    date: str
    # The one region AWS views and raises this quota in (Route 53 and S3 buckets: us-east-1).
    region: str | None = None


@dataclass(frozen=True)
class Usage:
    """How many of a quota's resources the estate creates in one scope (a region, …)."""

    quota: str  # a Quota id
    scope: str  # the region name, "account", or the hosted zone's domain
    count: int
    path: Path  # the spec node that asks for them, for the finding


@cache
def quota_table() -> dict[str, Quota]:
    text = resources.files("regionform.spec").joinpath("quotas.json").read_text("utf-8")
    return {entry["id"]: Quota(**entry) for entry in json.loads(text)["quotas"]}


# Quota code → the account's value, set for one run by `account_quotas`.
_RAISED: ContextVar[dict[str, float] | None] = ContextVar("raised_quotas", default=None)


def limit(quota: Quota) -> float:
    """The quota's value for this run: the account's when given, else AWS's default."""
    raised = _RAISED.get()
    if raised is not None and quota.code in raised:
        return raised[quota.code]
    return quota.default


def parse_service_quotas(text: str, name: str) -> dict[str, float]:
    """Quota code → value from `aws service-quotas list-service-quotas` output (one or more
    services' listings, as one JSON object or a list of them)."""
    try:
        loaded: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{name}: not JSON ({error.msg} at line {error.lineno})") from None
    listings = loaded if isinstance(loaded, list) else [loaded]
    values: dict[str, float] = {}
    for listing in listings:
        quotas = listing.get("Quotas") if isinstance(listing, dict) else None
        if not isinstance(quotas, list):
            raise UsageError(
                f"{name}: expected the output of `aws service-quotas list-service-quotas` "
                '(an object with "Quotas")'
            )
        for quota in quotas:
            code, value = quota.get("QuotaCode"), quota.get("Value")
            if isinstance(code, str) and isinstance(value, int | float):
                values[code] = value
    return values


@contextmanager
def account_quotas(values: dict[str, float]) -> Iterator[None]:
    """Count against these quota values (by code) instead of the defaults, inside the block."""
    token = _RAISED.set(values)
    try:
        yield
    finally:
        _RAISED.reset(token)


@cache
def _counters() -> tuple[Callable[[Spec], list[Usage]], ...]:
    from regionform.spec import names

    found = []
    for info in sorted(pkgutil.iter_modules(names.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{names.__name__}.{info.name}")
        counts = getattr(module, "counts", None)
        if counts is not None:
            found.append(counts)
    return tuple(found)


def usage(spec: Spec, quota_id: str) -> list[Usage]:
    """What the estate creates against one quota, scope by scope. Several module kinds may
    count into one scope (every module's IAM roles count against the account's): their
    counts add up, located at the first one's spec node."""
    merged: dict[str, Usage] = {}
    for counts in _counters():
        for used in counts(spec):
            if used.quota != quota_id:
                continue
            seen = merged.get(used.scope)
            merged[used.scope] = (
                used if seen is None else replace(seen, count=seen.count + used.count)
            )
    return list(merged.values())
