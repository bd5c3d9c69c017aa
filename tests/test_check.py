"""`regionform check SPEC...`: `generate --check` over every spec pre-commit passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from regionform.api import generate

EXAMPLES = REPO / "examples"


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regionform", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
    )


@pytest.fixture
def specs(tmp_path: Path) -> list[Path]:
    names = ["bizflow.yaml", "project-one.yaml"]
    copies = [tmp_path / name for name in names]
    for name, copy in zip(names, copies, strict=True):
        copy.write_text(
            (EXAMPLES / name)
            .read_text()
            .replace("environment: production", f"environment: {copy.stem}")
        )
        generate(copy, out=tmp_path / "out")
    return copies


def test_up_to_date_specs_pass(specs: list[Path]) -> None:
    result = check("--out", "out", *[spec.name for spec in specs], cwd=specs[0].parent)
    assert result.returncode == 0, result.stderr
    assert "out/bizflow: up to date" in result.stdout
    assert "out/project-one: up to date" in result.stdout


def test_one_stale_spec_fails_and_names_what_to_run(specs: list[Path]) -> None:
    first, second = specs
    second.write_text(second.read_text().replace("Owner: platform", "Owner: sre"))
    result = check(first.name, second.name, cwd=first.parent)
    assert result.returncode == 1
    assert "out/bizflow: up to date" in result.stdout
    assert "stale: out/project-one/providers.tf" in result.stdout
    assert "run `regionform generate project-one.yaml --out out --format hcl" in result.stderr


def test_a_spec_with_errors_fails_with_its_findings(specs: list[Path]) -> None:
    first = specs[0]
    first.write_text(first.read_text().replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/17"))
    result = check(first.name, specs[1].name, cwd=first.parent)
    assert result.returncode == 1
    assert "bizflow.yaml:" in result.stderr and "RF101" in result.stderr
    assert "out/project-one: up to date" in result.stdout
