"""Specs written as a base text with one edit, for tests whose cases must stay in Python.

A lint rule's cases are data files under tests/rules/ (see test_rules.py). This helper serves
the tests that build many specs from one base in code: the residency cases, whose base states
the seeds' conflict once, and the rename and generation tests.
"""

from __future__ import annotations

from pathlib import Path

from regionform.api import lint_spec


def edit(text: str, old: str, new: str) -> str:
    """`text` with its only occurrence of `old` replaced, so an edit never lands twice or not
    at all when the base changes."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times, not once"
    return text.replace(old, new)


def write_spec(directory: Path, text: str, name: str = "spec.yaml") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_lints_to(directory: Path, text: str, expected: list[tuple[str, int, int]]) -> None:
    """Lint `text` as a spec file: its findings, as (code, line, column), are exactly `expected`."""
    findings = lint_spec(write_spec(directory, text))
    found = sorted((f.code, f.location.line, f.location.column) for f in findings)
    assert found == sorted(expected), "\n".join(f.render() for f in findings)
