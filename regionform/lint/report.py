"""Printing findings: text, json, GitHub workflow annotations or SARIF."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO

from regionform.findings import Finding, Severity


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
