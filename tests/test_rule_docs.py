"""Every code documents itself with a failing and a passing spec fragment, and they are true.

docs/rules.md is generated from the rule docstrings and regionform/spec/codes.py; each
fragment in it is merged into the reference's base spec and linted here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from regionform.api import lint_spec
from regionform.findings import Finding, SpecError
from regionform.lint import all_rules
from regionform.lint.docs import SNIPPET_BASE, DocstringError, parse_docstring, render, rule_docs
from regionform.spec.loader import parse_text
from regionform.spec.quotas import account_quotas

# A file over the size limit and bytes that are not UTF-8 cannot be shown as YAML text.
NOT_SHOWABLE = {"RF003", "RF004"}
DOCS = rule_docs()


def merged(fragment: str) -> dict[str, Any]:
    """The base spec with the fragment laid over it: mappings merge, anything else replaces."""

    def merge(base: Any, over: Any) -> Any:
        if isinstance(base, dict) and isinstance(over, dict):
            return {**base, **{k: merge(base.get(k), v) for k, v in over.items()}}
        return over

    over = parse_text(fragment, "fragment").data
    base: dict[str, Any] = parse_text(SNIPPET_BASE, "base").data
    result: dict[str, Any] = merge(base, over)
    return result


def lint_fragment(fragment: str, tmp_path: Path, quotas: Any = ()) -> list[Finding]:
    """Lint the fragment laid over the base, against the account quotas the rule names."""
    spec = tmp_path / "spec.yaml"
    try:
        spec.write_text(yaml.safe_dump(merged(fragment), sort_keys=False))
    except SpecError:
        # The fragment itself does not load (RF001, RF002, RF005, RF006): lint it as it is.
        spec.write_text(fragment)
    with account_quotas(dict(quotas)):
        return lint_spec(spec)


def test_the_reference_is_generated_from_the_rules(update_golden: bool) -> None:
    reference = REPO / "docs" / "rules.md"
    if update_golden:
        reference.write_text(render())
    assert reference.read_text() == render(), (
        "docs/rules.md is stale: python -m regionform.lint.docs > docs/rules.md"
    )


def test_every_code_is_documented_once_with_both_fragments() -> None:
    codes = [doc.code for doc in DOCS]
    assert len(codes) == len(set(codes))
    assert {rule.code for rule in all_rules()} <= set(codes)
    for doc in DOCS:
        assert doc.explanation.strip(), f"{doc.code} explains nothing"
        if doc.code in NOT_SHOWABLE:
            assert doc.fails is None and doc.passes is None
        else:
            assert doc.fails and doc.passes, f"{doc.code} needs a failing and a passing fragment"


def test_the_base_spec_lints_clean(tmp_path: Path) -> None:
    spec = tmp_path / "base.yaml"
    spec.write_text(SNIPPET_BASE)
    assert lint_spec(spec) == []


@pytest.mark.parametrize("doc", [d for d in DOCS if d.fails], ids=lambda d: d.code)
def test_the_failing_fragment_reports_its_code(doc: Any, tmp_path: Path) -> None:
    findings = lint_fragment(doc.fails, tmp_path, doc.quotas)
    assert doc.code in {f.code for f in findings}, [f.render() for f in findings]


@pytest.mark.parametrize("doc", [d for d in DOCS if d.passes], ids=lambda d: d.code)
def test_the_passing_fragment_lints_clean(doc: Any, tmp_path: Path) -> None:
    findings = lint_fragment(doc.passes, tmp_path, doc.quotas)
    assert findings == [], [f.render() for f in findings]


@pytest.mark.parametrize(
    ("docstring", "problem"),
    [
        (None, "no docstring"),
        ("RF999 what\n\nFails:\n\n    a: 1\n\nPasses:\n\n    a: 2\n", "must start with"),
        ("RF999: what\n\nwhy\n", "'Fails:' and 'Passes:'"),
        ("RF999: what\n\nPasses:\n\n    a: 2\n\nFails:\n\n    a: 1\n", "comes before"),
        ("RF999: what\n\nFails:\n\na: 1\n\nPasses:\n\n    a: 2\n", "indent"),
        ("RF999: what\n\nFails:\n\nPasses:\n\n    a: 2\n", "indent"),
    ],
)
def test_a_malformed_docstring_is_refused_with_the_reason(
    docstring: str | None, problem: str
) -> None:
    with pytest.raises(DocstringError, match=problem):
        parse_docstring("RF999", docstring)


def test_a_docstring_splits_into_summary_explanation_and_fragments() -> None:
    docstring = (
        "RF999: two things\n  on two lines.\n\nBecause.\n\nFails:\n\n    a:\n      b: 1\n"
        "\nPasses:\n\n    a: {b: 2}\n"
    )
    assert parse_docstring("RF999", docstring) == (
        "two things on two lines.",
        "Because.",
        "a:\n  b: 1\n",
        "a: {b: 2}\n",
    )
