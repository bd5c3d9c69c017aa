"""The Python API: everything the CLI does, as functions.

    import regionform
    spec = regionform.load_spec("examples/bizflow.yaml")
    result = regionform.generate(spec, out="out", output_format="hcl")

This module only re-exports: the stages live in `regionform.pipeline`, planning in
`regionform.plan.run`.
"""

from __future__ import annotations

from regionform.choices import ENGINES, FORMATS, LAYOUTS
from regionform.findings import Finding, Location, Severity, SpecError, UsageError
from regionform.layout import Layout
from regionform.pipeline import (
    generate,
    lint_spec,
    load_spec,
    read,
    render_files,
    roots,
)
from regionform.plan.run import PlanResult
from regionform.plan.run import run_plan as plan
from regionform.spec.model import Spec
from regionform.writer import GenerateResult

__all__ = [
    "ENGINES",
    "FORMATS",
    "LAYOUTS",
    "Finding",
    "GenerateResult",
    "Layout",
    "Location",
    "PlanResult",
    "Severity",
    "Spec",
    "SpecError",
    "UsageError",
    "generate",
    "lint_spec",
    "load_spec",
    "plan",
    "read",
    "render_files",
    "roots",
]
