"""Printing findings (text, json, GitHub annotations) and the `lint` command's body.

Kept free of typer: `regionform lint` runs on every commit through pre-commit, and
importing the CLI framework would cost more than linting the spec.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from regionform.findings import Finding, Severity, UsageError

STYLES = ("text", "json", "github", "sarif")


def default_style() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def print_findings(findings: Sequence[Finding], style: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if style == "json":
        print(json.dumps([f.as_dict() for f in findings], indent=2), file=out)
        return
    if style == "sarif":
        from regionform.lint.sarif import render_sarif

        print(render_sarif(findings), file=out)
        return
    for finding in findings:
        if style == "github":
            loc = finding.location
            level = "error" if finding.severity is Severity.ERROR else "warning"
            message = finding.message + (f" (fix: {finding.hint})" if finding.hint else "")
            print(
                f"::{level} file={_github_escape(loc.file, True)},line={loc.line},"
                f"col={loc.column},title={finding.code}::{_github_escape(message)}",
                file=out,
            )
        else:
            print(finding.render(), file=out)


def run_lint(specs: Sequence[Path], style: str, strict: bool) -> int:
    """Lint every spec, print the findings; the exit status (0 clean, 1 findings, 2 I/O)."""
    from regionform.api import lint_spec

    findings: list[Finding] = []
    try:
        for spec in specs:
            findings.extend(lint_spec(spec))
    except UsageError as error:
        print(f"regionform: {error}", file=sys.stderr)
        return 2
    print_findings(findings, style)
    if style == "text":
        summary = (
            f"{len(findings)} finding(s) in {len(specs)} spec(s)"
            if findings
            else f"{len(specs)} spec(s) clean"
        )
        print(summary, file=sys.stderr)
    failing = [f for f in findings if strict or f.severity is Severity.ERROR]
    return 1 if failing else 0


def fast_lint(argv: Sequence[str]) -> int | None:
    """`regionform lint …` without loading typer; None when the arguments need typer
    (help, or anything this small parser does not know), which then reports usage."""
    specs: list[Path] = []
    style: str | None = None
    strict = False
    args = list(argv)
    only_paths = False
    while args:
        arg = args.pop(0)
        if only_paths or not arg.startswith("-") or arg == "-":
            specs.append(Path(arg))
        elif arg == "--":
            only_paths = True
        elif arg == "--strict":
            strict = True
        elif arg == "--no-strict":
            strict = False
        elif arg == "--format" and args and args[0] in STYLES:
            style = args.pop(0)
        elif arg.startswith("--format=") and arg.split("=", 1)[1] in STYLES:
            style = arg.split("=", 1)[1]
        else:
            return None
    if not specs:
        return None
    return run_lint(specs, style or default_style(), strict)
