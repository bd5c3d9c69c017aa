"""Budget names: one module call in the global root; budgets <prefix>-<key>."""

from __future__ import annotations

from regionform.spec.model import Spec
from regionform.spec.names import DerivedName

CALL = "budgets"
ENVIRONMENT = "environment"
NAME_LIMIT = 100


def keys(spec: Spec) -> list[tuple[str, tuple[str, ...]]]:
    """(budget key, regions it filters on) for every budget the spec asks for."""
    budgets = spec.budgets
    if budgets is None:
        return []
    found: list[tuple[str, tuple[str, ...]]] = []
    if budgets.environment_usd is not None:
        found.append((ENVIRONMENT, ()))
    found += [(region, (region,)) for region in budgets.region_amounts(spec.region_names)]
    return found


def derived(spec: Spec) -> list[DerivedName]:
    return [
        DerivedName(f"{spec.prefix}-{key}", NAME_LIMIT, "AWS Budgets budget", ("budgets",))
        for key, _ in keys(spec)
    ]
