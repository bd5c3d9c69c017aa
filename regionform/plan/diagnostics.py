"""Terraform's error diagnostics, read in full and shown without the echoed configuration.

A failed step's useful part is each diagnostic's summary, where it points (`on FILE line
N`) and its detail. Terraform's human output puts the offending source line and the values
it involves between the location and the detail; for a long variable value that snippet is
hundreds of lines and buries the message. With `-json`, terraform prints one JSON object a
line and each diagnostic carries `summary`, `detail` and `range` separately: that is read
first. Output without JSON diagnostics (a crash, an older terraform, a wrapper script) is
read as text, dropping the snippet and keeping everything else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

_START = re.compile(r"^(Error|Warning): (.*)$")
_ON = re.compile(r"^on (.+) line (\d+)(?:, in (.*?))?:?$")
# Snippet lines in terraform's human output: "  12:   code", and the value box drawn with
# box characters ("├───", "│ var.x is …").
_SNIPPET = re.compile(r"^\s*(\d+:\s|[├│╵╷])")


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" or "warning"
    summary: str
    detail: str = ""
    filename: str | None = None
    line: int | None = None
    context: str | None = None  # "module \"m\"": the block the range is in

    def render(self, indent: str = "  ") -> str:
        lines = [f"{self.severity.capitalize()}: {self.summary}"]
        if self.filename is not None:
            where = f"on {self.filename} line {self.line}"
            lines.append(f"  {where}, in {self.context}" if self.context else f"  {where}")
        if self.detail:
            lines += [f"  {line}" if line else "" for line in self.detail.splitlines()]
        return "\n".join(indent + line if line else "" for line in lines)


def from_json_lines(output: str) -> list[Diagnostic]:
    """Diagnostics in terraform's `-json` stream (one JSON object a line)."""
    found = []
    for raw in output.splitlines():
        if not raw.startswith("{"):
            continue
        try:
            message = json.loads(raw)
        except ValueError:
            continue
        diagnostic = message.get("diagnostic") if isinstance(message, dict) else None
        if not isinstance(diagnostic, dict):
            continue
        span = diagnostic.get("range") or {}
        snippet = diagnostic.get("snippet") or {}
        found.append(
            Diagnostic(
                severity=str(diagnostic.get("severity", "error")),
                summary=str(diagnostic.get("summary", "")),
                detail=str(diagnostic.get("detail") or "").strip("\n"),
                filename=span.get("filename"),
                line=(span.get("start") or {}).get("line"),
                context=snippet.get("context"),
            )
        )
    return found


def from_text(output: str) -> list[Diagnostic]:
    """Diagnostics in terraform's human output (`-no-color`)."""
    found: list[Diagnostic] = []
    block: list[str] | None = None
    severity = summary = ""
    for raw in output.splitlines():
        line = raw.rstrip().removeprefix("│ ").removeprefix("│")
        start = _START.match(line)
        if start:
            if block is not None:
                found.append(_text_block(severity, summary, block))
            severity, summary, block = start[1].lower(), start[2], []
        elif block is not None:
            block.append(line)
    if block is not None:
        found.append(_text_block(severity, summary, block))
    return found


def _text_block(severity: str, summary: str, lines: list[str]) -> Diagnostic:
    filename = context = None
    number = None
    detail: list[str] = []
    for line in lines:
        where = _ON.match(line.strip())
        if where and filename is None and not any(detail):
            filename, number, context = where[1], int(where[2]), where[3]
        elif not _SNIPPET.match(line) and line.strip() != "╵":
            detail.append(line.strip())
    return Diagnostic(severity, summary, "\n".join(detail).strip("\n"), filename, number, context)


def errors(stdout: str, stderr: str) -> list[Diagnostic]:
    """The error diagnostics of a failed terraform step, from its `-json` stream or its text."""
    found = from_json_lines(stdout) or from_text(stderr) or from_text(stdout)
    return [d for d in found if d.severity == "error"]


def describe(stdout: str, stderr: str) -> str:
    """Every error diagnostic in full, or the raw output when terraform printed none."""
    found = errors(stdout, stderr)
    if found:
        return render_all(found)
    text = stderr.strip() or "\n".join(
        line for line in stdout.splitlines() if not line.startswith("{")
    )
    return "\n".join("  " + line if line else "" for line in text.strip().splitlines())


def render_all(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n\n".join(d.render() for d in diagnostics)
