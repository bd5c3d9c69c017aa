"""The pipeline flows one way, and the import contract that says so is enforced."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def test_the_layers_contract_is_kept() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_a_back_edge_breaks_the_contract(tmp_path: Path) -> None:
    # A copy of the package where lint imports the API above it, inside a function.
    shutil.copytree(
        REPO / "regionform",
        tmp_path / "regionform",
        ignore=shutil.ignore_patterns("__pycache__", "_modules"),
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    report = tmp_path / "regionform" / "lint" / "report.py"
    report.write_text(report.read_text() + "\n\ndef _late() -> None:\n    import regionform.api\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "regionform.lint is not allowed to import regionform.api" in result.stdout


def test_every_stage_module_imports_on_its_own() -> None:
    # No import circle hides behind function-level imports: each stage imports first.
    for module in (
        "regionform.api",
        "regionform.writer",
        "regionform.layout",
        "regionform.plan.run",
        "regionform.lint",
        "regionform.spec.names",
    ):
        done = subprocess.run(
            [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, (module, done.stderr)
