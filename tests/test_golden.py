"""Rendered output is pinned in tests/golden/; refresh with `pytest --update-golden`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from regionform.api import load_spec, render_files
from regionform.spec.reference import render as render_reference

GOLDEN = Path(__file__).parent / "golden"


def _root_files(example: Path, output_format: str) -> dict[str, bytes]:
    files = render_files(load_spec(example), output_format, example.name)
    # Bundled modules are copies of modules/; their own tests cover them.
    return {k: v for k, v in files.items() if not k.startswith("modules/")}


@pytest.mark.parametrize("output_format", ["hcl", "json"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_rendered_root_matches_golden_files(
    example: Path, output_format: str, update_golden: bool
) -> None:
    files = _root_files(example, output_format)
    folder = GOLDEN / example.stem / output_format
    if update_golden:
        shutil.rmtree(folder, ignore_errors=True)
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    expected = {
        str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    assert sorted(files) == sorted(expected), "run pytest --update-golden and review the diff"
    for name, data in files.items():
        assert data == expected[name], f"{name} differs; run pytest --update-golden and review"


def test_spec_reference_is_generated_from_the_schema(update_golden: bool) -> None:
    reference = REPO / "docs" / "spec.md"
    if update_golden:
        reference.write_text(render_reference())
    assert reference.read_text() == render_reference(), (
        "docs/spec.md is stale: python -m regionform.spec.reference > docs/spec.md"
    )
