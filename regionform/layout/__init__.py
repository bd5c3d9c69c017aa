"""Layouts: how the generated Terraform is cut into roots (state files).

- `single`: one root at `OUT/<environment>/`, one state, one aliased provider per region.
- `per-region`: one root per region plus `global` at `OUT/<environment>/<root>/`, each with
  its own state, sharing the bundled modules at `OUT/<environment>/modules/`.
"""

from __future__ import annotations

from dataclasses import dataclass

from regionform.document import Document
from regionform.spec.model import Spec

LAYOUTS = ("single", "per-region")


@dataclass(frozen=True)
class Root:
    name: str  # the region, `global`, or (single layout) the environment
    folder: str  # relative to OUT/<environment>: "." for the single layout
    document: Document
    reads: tuple[str, ...] = ()  # roots whose resources this root needs, by name


@dataclass(frozen=True)
class Layout:
    environment: str  # the folder under OUT that holds the roots
    roots: tuple[Root, ...]  # in apply order
    modules: tuple[str, ...]  # our modules to bundle at OUT/<environment>/modules/
    # Roots that read each other: on a first apply, apply them in order, then again.
    cycles: tuple[tuple[str, ...], ...] = ()


def lay_out(spec: Spec, layout: str = "single") -> Layout:
    from regionform.generators.root import generate_root
    from regionform.layout.order import apply_order
    from regionform.layout.per_region import split

    generated = generate_root(spec)
    if layout == "single":
        return Layout(
            spec.environment,
            (Root(spec.environment, ".", generated.document),),
            generated.modules,
        )
    if layout != "per-region":
        raise ValueError(f"unknown layout {layout!r}")
    parts = {part.name: part for part in split(spec, generated)}
    order, cycles = apply_order(sorted(parts), {n: p.reads for n, p in parts.items()})
    roots = tuple(
        Root(name, name, parts[name].document, tuple(sorted(parts[name].reads))) for name in order
    )
    return Layout(spec.environment, roots, generated.modules, cycles)
