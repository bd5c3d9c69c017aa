"""One exit-code contract for every command: 0 ok, 1 findings / stale / refused, 2 usage or
I/O, 3 internal error (and, with `plan --detailed-exitcode` only, 2 for changes)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from cli_runner import invoke
from conftest import REPO

from regionform.cli import COMMANDS, ExitCode, main

SPEC = str(REPO / "examples" / "project-one.yaml")


def test_the_contract_values() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_exits_0(command: str) -> None:
    result = invoke([command, "--help"])
    assert result.exit_code == ExitCode.OK
    assert f"regionform {command}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_is_a_usage_error(command: str) -> None:
    result = invoke([command, "--no-such-option"])
    assert result.exit_code == ExitCode.USAGE
    assert "error:" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bug_exits_3_without_a_traceback(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = importlib.import_module(f"regionform.cli.{command}")

    def explode(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "run", explode)
    monkeypatch.delenv("REGIONFORM_DEBUG", raising=False)
    arguments = {
        "lint": [SPEC],
        "generate": [SPEC],
        "check": [SPEC],
        "roots": [SPEC],
        "plan": [SPEC],
        "lock": [SPEC],
        "atlantis": [SPEC],
        "map": [SPEC],
        "summarize": ["summary.json"],
        "explain": [SPEC],
    }.get(command, [])
    with pytest.raises(SystemExit) as done:
        main([command, *arguments])
    assert done.value.code == ExitCode.INTERNAL
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "MISSING"],
        ["generate", "MISSING"],
        ["check", "MISSING"],
        ["roots", "MISSING"],
        ["plan", "MISSING"],
        ["lock", "MISSING"],
        ["atlantis", "MISSING"],
        ["map", "MISSING"],
        ["summarize", "MISSING"],
        ["explain", "MISSING"],
    ],
    ids=lambda args: args[0],
)
def test_a_missing_file_is_an_io_error(args: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    result = invoke([missing if a == "MISSING" else a for a in args])
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "nope.yaml" in result.stderr


@pytest.mark.parametrize("command", ["lint", "generate", "check", "roots", "plan"])
def test_findings_exit_1(command: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = Path(SPEC).read_text()
    broken.write_text(text.replace("cidr: 10.100.0.0/16", "cidr: 10.0.128.0/17"))
    out = [] if command in ("lint", "roots") else ["--out", str(tmp_path)]
    result = invoke([command, str(broken), *out])
    assert result.exit_code == ExitCode.FINDINGS, result.stderr
    assert "RF101" in result.stdout + result.stderr


def test_stale_output_exits_1(tmp_path: Path) -> None:
    assert invoke(["generate", SPEC, "--out", str(tmp_path)]).exit_code == ExitCode.OK
    (tmp_path / "production" / "outputs.tf").write_text("# edited\n")
    assert invoke(["check", SPEC, "--out", str(tmp_path)]).exit_code == ExitCode.FINDINGS


def test_a_refused_write_exits_1(tmp_path: Path) -> None:
    root = tmp_path / "production"
    root.mkdir()
    (root / "providers.tf").write_text("# mine, not regionform's\n")
    result = invoke(["generate", SPEC, "--out", str(tmp_path)])
    assert result.exit_code == ExitCode.FINDINGS
    assert "not written by regionform" in result.stderr


def test_plan_with_detailed_exitcode_never_exits_2_for_a_usage_error() -> None:
    # 2 means "changes" there, as with terraform plan -detailed-exitcode.
    result = invoke(["plan", SPEC, "--detailed-exitcode", "--parallel", "0"])
    assert result.exit_code == ExitCode.FINDINGS
    result = invoke(["plan", SPEC, "--detailed-exitcode", "--no-such-option"])
    assert result.exit_code == ExitCode.FINDINGS


def test_no_command_prints_help_and_is_a_usage_error() -> None:
    result = invoke([])
    assert result.exit_code == ExitCode.USAGE
    assert "COMMAND" in result.stderr
