"""`regionform generate` skips typer for its plain forms and behaves exactly like the typer
command; anything else still goes to typer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

PROJECT_ONE = REPO / "examples" / "project-one.yaml"
# The console entry point (fast path first), and the typer app alone.
ENTRY = "import sys; from regionform.main import main; sys.argv[0] = 'regionform'; main()"
TYPER = "import sys; from regionform.cli import app; sys.argv[0] = 'regionform'; app()"


def run(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    spec = tmp_path / "broken.yaml"
    spec.write_text(PROJECT_ONE.read_text().replace("cidr: 10.100.0.0/16", "cidr: 10.0.128.0/17"))
    return spec


@pytest.mark.parametrize(
    "case",
    ["write", "rewrite", "check", "check-stale", "json", "findings", "cdktf-hcl", "missing"],
)
def test_fast_path_matches_the_typer_command(case: str, tmp_path: Path, broken: Path) -> None:
    spec = str(PROJECT_ONE)
    args = {
        "write": [spec, "--out", "OUT"],
        "rewrite": [spec, "--out", "OUT"],
        "check": [spec, "--out", "OUT", "--check"],
        "check-stale": [spec, "--out=OUT", "--format", "json", "--check"],
        "json": [spec, "--out", "OUT", "--format=json"],
        "findings": [str(broken), "--out", "OUT"],
        "cdktf-hcl": [spec, "--out", "OUT", "--engine", "cdktf", "--format", "hcl"],
        "missing": [str(tmp_path / "nope.yaml"), "--out", "OUT"],
    }[case]
    results = []
    for code in (ENTRY, TYPER):
        work = tmp_path / ("fast" if code is ENTRY else "typer")
        work.mkdir()
        if case in ("rewrite", "check", "check-stale"):
            run(code, "generate", spec, "--out", "OUT", cwd=work)
        result = run(code, "generate", *args, cwd=work)
        results.append((result.returncode, result.stdout, result.stderr))
    assert results[0] == results[1]
    assert "Traceback" not in results[0][2]
    expected_status = {"findings": 1, "check-stale": 1, "cdktf-hcl": 2, "missing": 2}
    assert results[0][0] == expected_status.get(case, 0), results[0]


def test_fast_path_never_loads_typer(tmp_path: Path) -> None:
    code = ENTRY.replace(
        "main()",
        "\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('typer' in sys.modules, 'pydantic' in sys.modules)",
    )
    result = run(code, "generate", str(PROJECT_ONE), "--out", "OUT", cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == "False False", result.stderr


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--format", "yaml"], ["--bogus"], []],
    ids=["help", "bad-format", "unknown-option", "no-spec"],
)
def test_anything_else_goes_to_typer(args: list[str], tmp_path: Path) -> None:
    fast = run(ENTRY, "generate", *args, cwd=tmp_path)
    typer = run(TYPER, "generate", *args, cwd=tmp_path)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        typer.returncode,
        typer.stdout,
        typer.stderr,
    )
