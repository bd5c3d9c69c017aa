"""Layouts: how the generated Terraform is cut into roots (state files).

- `single`: one root at `OUT/<environment>/`, one state, one aliased provider per region.
- `per-region`: one root per region plus `global` at `OUT/<environment>/<root>/`, each with
  its own state, sharing the bundled modules at `OUT/<environment>/modules/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from regionform.document import Document
from regionform.generators.root import GeneratedRoot
from regionform.layout.order import apply_order
from regionform.layout.per_region import split
from regionform.spec.model import Spec


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
    # Module call name → the region whose provider it uses (plan summaries group by it).
    module_regions: dict[str, str] = field(default_factory=dict, compare=False)


def lay_out(spec: Spec, generated: GeneratedRoot, layout: str = "single") -> Layout:
    """Cut the generated root into the layout's roots, in apply order."""
    regions = {call.name: call.region for call in generated.calls}
    if layout == "single":
        return Layout(
            spec.environment,
            (Root(spec.environment, ".", generated.document),),
            generated.modules,
            module_regions=regions,
        )
    if layout != "per-region":
        raise ValueError(f"unknown layout {layout!r}")
    parts = {part.name: part for part in split(spec, generated)}
    order, cycles = apply_order(sorted(parts), {n: p.reads for n, p in parts.items()})
    roots = tuple(
        Root(name, name, parts[name].document, tuple(sorted(parts[name].reads))) for name in order
    )
    return Layout(spec.environment, roots, generated.modules, cycles, regions)
