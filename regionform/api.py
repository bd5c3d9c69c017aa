"""The Python API: everything the CLI does, as functions.

import regionform
spec = regionform.load_spec("examples/bizflow.yaml")
result = regionform.generate("examples/bizflow.yaml", out="out", output_format="hcl")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regionform.findings import Finding, Location, Severity, SpecError, UsageError
from regionform.spec.codes import WRONG_TYPE
from regionform.spec.loader import load_file
from regionform.spec.model import Spec, build

if TYPE_CHECKING:
    from regionform.layout import Layout
    from regionform.plan.run import PlanResult


def _read(path: str | Path) -> tuple[Spec | None, list[Finding]]:
    from regionform.spec.validate import validate

    name = str(path)
    try:
        doc = load_file(path, name)
    except SpecError as error:
        return None, error.findings
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory, not a spec file") from None
    except OSError as error:
        raise UsageError(f"{name}: cannot read: {error.strerror}") from None
    if not isinstance(doc.data, dict):
        return None, [
            Finding(
                WRONG_TYPE,
                "the spec must be a mapping of keys (version, project, regions, …)",
                Location(name, 1, 1),
                hint="start from an example in examples/ or `regionform schema`",
            )
        ]
    findings = validate(doc)
    if findings:
        return None, findings
    return build(doc.data, doc.source), []


def lint_spec(path: str | Path) -> list[Finding]:
    """Every finding for one spec file: shape first, then the semantic rules."""
    from regionform.lint import run_rules

    spec, findings = _read(path)
    if spec is None:
        return findings
    return run_rules(spec)


def load_spec(path: str | Path) -> Spec:
    """Load, validate and lint a spec; raise SpecError listing every error finding."""
    from regionform.lint import run_rules

    spec, findings = _read(path)
    if spec is None:
        raise SpecError(findings)
    errors = [f for f in run_rules(spec) if f.severity is Severity.ERROR]
    if errors:
        raise SpecError(errors)
    return spec


@dataclass(frozen=True)
class GenerateResult:
    root: Path
    written: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    # Filled by check mode: what differs from what generate would write.
    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    files: dict[str, bytes] = field(default_factory=dict, repr=False)
    # Root folders relative to `root`, in apply order ("." for the single layout).
    roots: tuple[str, ...] = (".",)

    @property
    def up_to_date(self) -> bool:
        return not (self.stale or self.missing or self.extra)


ENGINES = ("native", "cdktf")


def _check_layout(layout: str) -> None:
    from regionform.layout import LAYOUTS

    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}: use {' or '.join(LAYOUTS)}")


def render_files(
    spec: Spec,
    output_format: str,
    spec_name: str,
    layout: str = "single",
    engine: str = "native",
) -> dict[str, bytes]:
    """Every file under OUT/<environment>/, relative path → bytes, without touching the disk."""
    return _render(spec, roots(spec, layout), output_format, spec_name, engine)


def _render(
    spec: Spec, laid_out: Layout, output_format: str, spec_name: str, engine: str = "native"
) -> dict[str, bytes]:
    from regionform.bundle import module_files

    files: dict[str, bytes] = {}
    for root in laid_out.roots:
        prefix = "" if root.folder == "." else f"{root.folder}/"
        if engine == "cdktf":
            # Imported only here: lint and the native engine never load cdktf (or node).
            from regionform.render import cdktf

            rendered = cdktf.render(root.document, spec.environment)
        else:
            from regionform.render import render

            rendered = render(root.document, output_format, spec_name)
        files.update({prefix + name: data for name, data in rendered.items()})
    if spec.modules.kind == "bundled":
        for module in laid_out.modules:
            files.update(module_files(module))
    return dict(sorted(files.items()))


def roots(spec: str | Path | Spec, layout: str = "single") -> Layout:
    """The roots `generate` writes for this layout, in apply order."""
    from regionform.layout import lay_out

    _check_layout(layout)
    return lay_out(spec if isinstance(spec, Spec) else load_spec(spec), layout)


def generate(
    spec: str | Path | Spec,
    out: str | Path = "out",
    output_format: str | None = None,
    check: bool = False,
    layout: str = "single",
    engine: str = "native",
) -> GenerateResult:
    """Generate `<out>/<environment>/`; with check=True, write nothing and report staleness.

    output_format defaults to hcl. engine="cdktf" synthesizes the same root through CDK
    for Terraform (the cdktf extra); cdktf writes JSON only, so it implies json and
    refuses hcl. It supports the single layout only.
    """
    from dataclasses import replace

    from regionform.writer import check_root, root_folder, write_root

    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: use native or cdktf")
    if output_format is None:
        output_format = "json" if engine == "cdktf" else "hcl"
    if output_format not in ("hcl", "json"):
        raise UsageError(f"unknown format {output_format!r}: use hcl or json")
    if engine == "cdktf" and output_format != "json":
        raise UsageError(
            "the cdktf engine writes JSON only (cdk.tf.json): drop --format hcl, or use "
            "--format hcl without --engine cdktf"
        )
    _check_layout(layout)
    if engine == "cdktf" and layout != "single":
        raise UsageError(
            "the cdktf engine synthesizes the single layout only: drop --layout per-region, "
            "or use --layout per-region with the native engine"
        )
    model = spec if isinstance(spec, Spec) else load_spec(spec)
    laid_out = roots(model, layout)
    files = _render(model, laid_out, output_format, Path(model.source.file).name, engine)
    root = root_folder(out, model.environment)
    folders = tuple(r.folder for r in laid_out.roots)
    if check:
        return replace(check_root(root, files), roots=folders)
    return replace(write_root(root, files), roots=folders)


def plan(spec: str | Path | Spec, out: str | Path = "out", **options: Any) -> PlanResult:
    """Generate, then `terraform init` + `plan` every root and summarise: `regionform plan`.

    Options are those of `regionform.plan.run.run_plan` (output_format, layout, roots,
    parallel, allow_destroy, generate, env, prepare, progress). Exit status:
    `result.exit_code(detailed_exitcode)`; the table: `regionform.plan.table.text_table(
    result.summary)`.
    """
    from regionform.plan.run import run_plan

    return run_plan(spec, out=out, **options)
