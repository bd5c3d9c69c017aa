"""Names that several stages need: module call names, the AWS names the generated Terraform
creates, and ARN shapes a root can compute without reading another root's state.

Generators build their module calls from these, the per-region layout computes cross-root
ARNs from them, and lint (RF109) checks every derived name against its AWS length limit, so
the three never disagree. One file per module kind; each defines `derived(spec)`, the AWS
names that kind creates. Adding a kind means adding a file here and a generator.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regionform.spec.model import Spec

# Terraform expressions for the partition and account a root runs in: every root declares
# these data sources (see generators/root.py), so ARN shapes can use them.
PARTITION = "${data.aws_partition.current.partition}"
ACCOUNT = "${data.aws_caller_identity.current.account_id}"


@dataclass(frozen=True)
class DerivedName:
    """An AWS name the generated Terraform will create, checked against its length limit."""

    value: str
    limit: int
    what: str  # e.g. "IAM role for VPC flow logs"
    path: tuple[str | int, ...]  # the spec node the name derives from, for the finding


@cache
def _kinds() -> tuple[Callable[[Spec], list[DerivedName]], ...]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        derived = getattr(module, "derived", None)
        if derived is not None:
            found.append(derived)
    return tuple(found)


def derived_names(spec: Spec) -> list[DerivedName]:
    """Every AWS name the spec's estate creates, with the spec node it comes from."""
    return [name for derived in _kinds() for name in derived(spec)]
