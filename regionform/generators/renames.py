"""Renames: the `moved` blocks that let Terraform state follow a key the user renamed.

Generators that name addresses after user keys (tenants, bucket purposes) define
`moves(spec) -> list[Move]`; the root collects them, and this file's VERSION_MOVES, into
`moved.tf`. Only addresses move: AWS names keep the oldest key (`renamed_from`), because AWS
replaces a database, bucket or key alias whose name changes, whatever the state says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

from regionform.document import Move
from regionform.generators import route53
from regionform.spec.model import Spec

# Addresses that changed between regionform versions: one entry per change, each a function
# of the spec returning the moves it implies, e.g. if a future version renamed every
# `kms_<region>` call to `keys_<region>`:
#     lambda spec: [Move(f"module.kms_{r.alias}", f"module.keys_{r.alias}") for r in spec.regions]
# Entries stay for good: a user may upgrade from any older version.
VERSION_MOVES: tuple[Callable[[Spec], Iterable[Move]], ...] = (
    # 0.x → route53 records in one resource with dynamic routing blocks.
    route53.one_record_resource,
)


def steps(history: tuple[str, ...]) -> list[tuple[str, str]]:
    """Consecutive (old, new) pairs of a key's history, oldest first; Terraform chains them."""
    return list(pairwise(history))
