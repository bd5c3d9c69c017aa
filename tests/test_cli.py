"""The command line: exit statuses, output formats, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

BIZFLOW = REPO / "examples" / "bizflow.yaml"
# The line of ap-southeast-1's VPC CIDR, which the `broken` fixture makes overlap.
CIDR_LINE = BIZFLOW.read_text().splitlines().index("      cidr: 10.2.0.0/16") + 1


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "regionform", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    spec = tmp_path / "broken.yaml"
    spec.write_text(BIZFLOW.read_text().replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/17"))
    return spec


def test_lint_clean_spec_exits_0() -> None:
    result = run("lint", str(BIZFLOW))
    assert result.returncode == 0
    assert "clean" in result.stderr


def test_lint_findings_exit_1_with_file_line_col(broken: Path) -> None:
    result = run("lint", str(broken))
    assert result.returncode == 1
    assert f"{broken}:{CIDR_LINE}:13: RF101 " in result.stdout


def test_lint_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("lint", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_lint_json_format(broken: Path) -> None:
    result = run("lint", "--format", "json", str(broken))
    findings = json.loads(result.stdout)
    assert {f["code"] for f in findings} == {"RF101"}
    assert findings[0]["line"] == CIDR_LINE and findings[0]["column"] == 13


def test_lint_github_format_is_chosen_in_github_actions(broken: Path) -> None:
    result = run("lint", str(broken), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    line = result.stdout.strip().splitlines()[0]
    assert line.startswith(f"::error file={broken},line={CIDR_LINE},col=13,title=RF101::")


def test_lint_reports_every_spec_and_every_finding(broken: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("version: 1\nproject: X\n")
    result = run("lint", str(broken), str(other))
    assert result.returncode == 1
    assert "RF101" in result.stdout
    assert f"{other}:2:10: RF013" in result.stdout
    assert f"{other}:1:1: RF011 missing required key 'regions'" in result.stdout


def test_generate_with_a_broken_spec_writes_nothing(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("generate", str(broken), "--out", str(out))
    assert result.returncode == 1
    assert "RF101" in result.stderr
    assert not out.exists()


def test_generate_then_check(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("generate", str(BIZFLOW), "--out", str(out)).returncode == 0
    assert run("generate", str(BIZFLOW), "--out", str(out), "--check").returncode == 0
    (out / "production" / "outputs.tf").write_text("# stale\n")
    result = run("generate", str(BIZFLOW), "--out", str(out), "--check")
    assert result.returncode == 1
    assert f"stale: {out / 'production' / 'outputs.tf'}" in result.stdout


def test_generate_json_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("generate", str(BIZFLOW), "--out", str(out), "--format", "json").returncode == 0
    assert (out / "production" / "providers.tf.json").exists()


def test_schema_prints_the_json_schema() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_version() -> None:
    from regionform import __version__

    assert run("--version").stdout.strip() == f"regionform {__version__}"


def test_rules_lists_every_rule_code() -> None:
    result = run("rules")
    assert "RF101" in result.stdout and "RF111" in result.stdout


def test_internal_errors_exit_3_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import regionform.pipeline
    from regionform import cli

    def explode(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(regionform.pipeline, "lint_spec", explode)
    monkeypatch.delenv("REGIONFORM_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["lint", str(BIZFLOW)])
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "report" in err
    assert "Traceback" not in err


def test_lint_loads_no_generator_layout_plan_or_cdktf_code() -> None:
    # pre-commit runs lint on every commit: only the stages lint needs are imported.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "regionform", "lint", str(BIZFLOW)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    heavy = {"regionform.plan.run", "regionform.render.hcl", "cdktf", "typer", "pydantic"}
    assert not heavy & imported


def test_lint_help_lists_its_options() -> None:
    result = run("lint", "--help")
    assert result.returncode == 0
    assert "--format" in result.stdout
