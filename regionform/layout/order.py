"""Apply order: every root after the roots it reads, ties broken by name.

Roots can read each other in a cycle (BizFlow's ap-south-1 replicates a bucket into
ap-southeast-1, whose database is a replica of ap-south-1's). No order satisfies a cycle, so
its roots are kept together, by name, and reported: on a first apply, apply them in that
order and then apply the cycle's roots again (the second pass replaces the placeholders).
"""

from __future__ import annotations

from collections.abc import Mapping, Set


def _reachable(reads: Mapping[str, Set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = list(reads.get(start, ()))
    while stack:
        root = stack.pop()
        if root not in seen:
            seen.add(root)
            stack.extend(reads.get(root, ()))
    return seen


def _components(roots: list[str], reads: Mapping[str, Set[str]]) -> list[tuple[str, ...]]:
    reach = {root: _reachable(reads, root) for root in roots}
    components: dict[str, tuple[str, ...]] = {}
    for root in roots:
        members = sorted({root} | {other for other in reach[root] if root in reach[other]})
        components[root] = tuple(members)
    return sorted(set(components.values()))


def apply_order(
    roots: list[str], reads: Mapping[str, Set[str]]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(roots in apply order, the cycles among them); `reads[a]` = roots `a` reads."""
    components = _components(roots, reads)
    owner = {root: component for component in components for root in component}
    needs = {
        component: {owner[dep] for root in component for dep in reads.get(root, ())} - {component}
        for component in components
    }
    order: list[str] = []
    placed: set[tuple[str, ...]] = set()
    while len(placed) < len(components):
        ready = [c for c in components if c not in placed and needs[c] <= placed]
        # Components are disjoint and acyclic between them, so one is always ready.
        first = min(ready)
        placed.add(first)
        order.extend(first)
    cycles = tuple(c for c in components if len(c) > 1)
    return tuple(order), cycles
