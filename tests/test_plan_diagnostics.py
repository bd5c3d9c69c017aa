"""A failed plan shows each diagnostic in full (summary, where, detail), never bare counts.

Terraform echoes the offending source line and the values in it between a diagnostic's
location and its detail; for a long variable value that is hundreds of lines, and the
message the user needs comes after them.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from regionform.plan.diagnostics import Diagnostic, describe, from_json_lines, from_text
from regionform.plan.runner import RootFailure, Runner, Target, find_terraform
from regionform.plan.summary import RootSummary, Summary
from regionform.plan.table import markdown_table, text_table

LONG_VALUE = ",".join(f'"item{i}"' for i in range(600))
MESSAGE = "At most two things, please."

VALIDATION_TEXT = f"""
Error: Invalid value for variable

  on main.tf line 3, in module "m":
   3:   things = [{LONG_VALUE}]
    ├────────────────
    │ var.things is list of string with 600 elements

{MESSAGE}

This was checked by the validation rule at m/main.tf:3,3-13.
"""


def test_text_diagnostics_drop_the_echoed_snippet_and_keep_the_message() -> None:
    [diagnostic] = from_text(VALIDATION_TEXT)
    assert diagnostic == Diagnostic(
        severity="error",
        summary="Invalid value for variable",
        detail=f"{MESSAGE}\n\nThis was checked by the validation rule at m/main.tf:3,3-13.",
        filename="main.tf",
        line=3,
        context='module "m"',
    )
    assert "item599" not in diagnostic.render()


def test_every_diagnostic_is_kept_in_order() -> None:
    text = (
        "Error: First\n\nfirst detail\n\nWarning: Careful\n\nError: Second\n\n  on b.tf line 9:\n"
    )
    found = from_text(text)
    assert [(d.severity, d.summary) for d in found] == [
        ("error", "First"),
        ("warning", "Careful"),
        ("error", "Second"),
    ]
    assert (found[2].filename, found[2].line) == ("b.tf", 9)
    # Only errors are why a step failed.
    assert "Careful" not in describe("", text)
    assert "first detail" in describe("", text)


def json_diagnostic(summary: str, detail: str, line: int) -> str:
    diagnostic = {
        "severity": "error",
        "summary": summary,
        "detail": detail,
        "range": {"filename": "main.tf", "start": {"line": line, "column": 1}},
        "snippet": {"context": 'module "m"', "code": f"  things = [{LONG_VALUE}]"},
    }
    return json.dumps({"@level": "error", "type": "diagnostic", "diagnostic": diagnostic})


def test_json_diagnostics_are_read_from_terraforms_stream() -> None:
    stream = "\n".join(
        [
            json.dumps({"@level": "info", "type": "version", "@message": "Terraform 1.11"}),
            json_diagnostic("Invalid value for variable", MESSAGE, 3),
            json_diagnostic("Unsupported argument", "An argument named x is not expected.", 7),
        ]
    )
    found = from_json_lines(stream)
    assert [(d.summary, d.line) for d in found] == [
        ("Invalid value for variable", 3),
        ("Unsupported argument", 7),
    ]
    assert describe(stream, "") == (
        "  Error: Invalid value for variable\n"
        '    on main.tf line 3, in module "m"\n'
        f"    {MESSAGE}\n"
        "\n"
        "  Error: Unsupported argument\n"
        '    on main.tf line 7, in module "m"\n'
        "    An argument named x is not expected."
    )


def test_output_without_diagnostics_is_shown_as_it_is() -> None:
    assert describe("", "panic: runtime error\ngoroutine 1\n") == (
        "  panic: runtime error\n  goroutine 1"
    )


def fake_terraform(tmp_path: Path, plan_output: str) -> str:
    (tmp_path / "plan.out").write_text(plan_output)
    script = tmp_path / "terraform"
    script.write_text(
        '#!/bin/sh\ncase "$1" in\n  init) exit 0 ;;\n'
        f"  plan) cat {tmp_path / 'plan.out'}; exit 1 ;;\nesac\nexit 1\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_a_failed_plan_keeps_the_message_after_a_long_snippet(tmp_path: Path) -> None:
    stream = json_diagnostic("Invalid value for variable", MESSAGE, 3) + "\n"
    runner = Runner(fake_terraform(tmp_path, stream), dict(os.environ))
    outcome = runner.plan(Target("eu-west-1", tmp_path))
    assert isinstance(outcome, RootFailure)
    assert MESSAGE in outcome.detail
    assert 'on main.tf line 3, in module "m"' in outcome.detail
    assert "item599" not in outcome.detail
    assert "more lines" not in outcome.detail


def test_real_terraform_validation_failure_reads_in_full(
    terraform_env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text(
        'variable "things" {\n  type = list(string)\n  validation {\n'
        "    condition     = length(var.things) < 3\n"
        f'    error_message = "{MESSAGE}"\n  }}\n}}\n'
    )
    (tmp_path / "main.tf").write_text(
        f'module "m" {{\n  source = "./m"\n  things = [{LONG_VALUE}]\n}}\n'
    )
    runner = Runner(find_terraform(), terraform_env)
    outcome = runner.plan(Target("broken", tmp_path))
    assert isinstance(outcome, RootFailure)
    assert outcome.step == "plan"
    assert outcome.detail.splitlines()[:3] == [
        "  Error: Invalid value for variable",
        '    on main.tf line 3, in module "m"',
        f"    {MESSAGE}",
    ]
    assert "item599" not in outcome.detail


FAILED = RootSummary("eu-west-1", "prod/eu-west-1", error="terraform plan failed: Error: boom")
PLANNED = RootSummary("us-east-1", "prod/us-east-1")


def test_a_summary_with_no_planned_root_shows_no_counts() -> None:
    summary = Summary((FAILED,))
    for table in (text_table(summary), markdown_table(summary)):
        assert "to add" not in table
        assert "no root planned (1 failed)" in table
        assert "FAILED: eu-west-1: terraform plan failed: Error: boom" in table


def test_counts_with_a_failed_root_say_they_cover_the_planned_roots_only() -> None:
    table = text_table(Summary((FAILED, PLANNED)))
    assert "Plan: 0 to add, 0 to change, 0 to destroy in the 1 planned roots; 1 failed." in table
