"""The stages in order: read (load → validate → model), lint, generate (generators → layout →
render → write).

Each function here hands one stage's output to the next; the stages themselves never call
back up. The CLI and the Python API (`regionform.api`) are built on these functions.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from regionform.choices import ENGINES, FORMATS, LAYOUTS
from regionform.findings import Finding, Location, Severity, SpecError, UsageError
from regionform.lint import run_rules
from regionform.spec.codes import WRONG_TYPE
from regionform.spec.include import load_spec_file
from regionform.spec.model import Spec, build
from regionform.spec.validate import check

if TYPE_CHECKING:
    from regionform.layout import Layout
    from regionform.writer import GenerateResult

# The generate stages (generators, layout, render, writer) are imported by the functions
# that use them: `regionform lint` runs on every commit and needs none of them.


def read(path: str | Path) -> tuple[Spec | None, list[Finding]]:
    """Load, validate and build the model of one spec file.

    Returns the model and the schema findings. When the spec breaks the schema, the model is
    built from the parts that passed it (`spec.validate.check`), so lint can still report every
    semantic finding in the same run; None only when nothing usable is left.
    """
    name = str(path)
    try:
        doc = load_spec_file(path, name)
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
    findings, data = check(doc)
    return (build(data, doc.source) if data is not None else None), findings


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Each finding once, in file order (a pruned spec can repeat a schema finding's spot)."""
    seen: set[tuple[str, int, int, str, str]] = set()
    unique = []
    for finding in sorted(findings, key=Finding.sort_key):
        key = finding.sort_key()
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def lint_spec(path: str | Path) -> list[Finding]:
    """Every finding for one spec file: the schema's and every semantic rule's, in file order."""
    spec, findings = read(path)
    if spec is None:
        return findings
    return _dedupe([*findings, *run_rules(spec)])


def load_spec(path: str | Path) -> Spec:
    """Load, validate and lint a spec; raise SpecError listing every error finding."""
    spec, findings = read(path)
    if spec is None or findings:
        raise SpecError(_dedupe([*findings, *(run_rules(spec) if spec else [])]))
    errors = [f for f in run_rules(spec) if f.severity is Severity.ERROR]
    if errors:
        raise SpecError(errors)
    return spec


def _model(spec: str | Path | Spec) -> Spec:
    return spec if isinstance(spec, Spec) else load_spec(spec)


def check_layout(layout: str) -> None:
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}: use {' or '.join(LAYOUTS)}")


def roots(spec: str | Path | Spec, layout: str = "single") -> Layout:
    """The roots `generate` writes for this layout, in apply order."""
    from regionform.generators.root import generate_root
    from regionform.layout import lay_out

    check_layout(layout)
    model = _model(spec)
    return lay_out(model, generate_root(model), layout)


def render_laid_out(
    spec: Spec, laid_out: Layout, output_format: str, spec_name: str, engine: str = "native"
) -> dict[str, bytes]:
    """Every file of the laid-out roots, relative path → bytes, without touching the disk."""
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


def render_files(
    spec: Spec,
    output_format: str,
    spec_name: str,
    layout: str = "single",
    engine: str = "native",
) -> dict[str, bytes]:
    """Every file under OUT/<environment>/, relative path → bytes, without touching the disk."""
    return render_laid_out(spec, roots(spec, layout), output_format, spec_name, engine)


def check_options(output_format: str | None, layout: str, engine: str) -> str:
    """The output format to use; UsageError for a combination the engines cannot write."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: use native or cdktf")
    if output_format is None:
        output_format = "json" if engine == "cdktf" else "hcl"
    if output_format not in FORMATS:
        raise UsageError(f"unknown format {output_format!r}: use hcl or json")
    if engine == "cdktf" and output_format != "json":
        raise UsageError(
            "the cdktf engine writes JSON only (cdk.tf.json): drop --format hcl, or use "
            "--format hcl without --engine cdktf"
        )
    check_layout(layout)
    if engine == "cdktf" and layout != "single":
        raise UsageError(
            "the cdktf engine synthesizes the single layout only: drop --layout per-region, "
            "or use --layout per-region with the native engine"
        )
    return output_format


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
    from regionform.writer import check_root, root_folder, write_root

    output_format = check_options(output_format, layout, engine)
    model = _model(spec)
    laid_out = roots(model, layout)
    spec_name = Path(model.source.file).name
    files = render_laid_out(model, laid_out, output_format, spec_name, engine)
    root = root_folder(out, model.environment)
    folders = tuple(r.folder for r in laid_out.roots)
    result = check_root(root, files) if check else write_root(root, files)
    return replace(result, roots=folders, module_regions=laid_out.module_regions)
