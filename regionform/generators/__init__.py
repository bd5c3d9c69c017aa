"""Generators: one per module kind, each turning the model into module calls.

A generator is a module in this package that defines `GENERATOR`, an object with:

- `kind`: the module it calls (vpc, rds, …);
- `calls(spec) -> list[ModuleCall]`;
- `region_outputs(spec, region) -> dict[str, str]`: values exported per region;
- optionally `calls_over(spec, calls) -> list[ModuleCall]`: calls built over every other
  generator's calls (`calls`, in generator order), run after all `calls` (the dashboards,
  which list each root's alarm-carrying calls); such calls are not seen by another
  `calls_over`;

Adding a module kind means adding one file here; root.py assembles them.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Protocol

from regionform.document import ModuleCall
from regionform.spec.model import Region, Spec


class Generator(Protocol):
    kind: str

    def calls(self, spec: Spec) -> list[ModuleCall]: ...

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]: ...


@cache
def all_generators() -> tuple[Generator, ...]:
    found: list[Generator] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "root":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        generator = getattr(module, "GENERATOR", None)
        if generator is not None:
            found.append(generator)
    return tuple(found)
