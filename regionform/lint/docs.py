"""The rule reference (docs/rules.md), generated from the rules themselves.

python -m regionform.lint.docs > docs/rules.md

A semantic rule documents itself in its module docstring, in this fixed form:

    RF101: one line saying what is wrong.

    Why it matters and what the rule looks at, in paragraphs.

    Fails:

        regions:
          eu-west-2:
            vpc: {cidr: 10.1.128.0/17}

    Passes:

        regions:
          eu-west-2:
            vpc: {cidr: 10.2.0.0/16}

"Fails:" and "Passes:" close the docstring, in that order, each followed by a YAML fragment
indented four spaces. A fragment is merged into `SNIPPET_BASE` (mappings merge key by key,
anything else replaces): the failing one must make lint report the rule's code, the passing
one must lint clean (tests/test_rule_docs.py runs both). The loader's and the schema's codes
(RF0xx) come from `regionform.spec.codes`, whose fragments are linted the same way.

A quota rule whose default is too large to reach in a few lines (10,000 records in a zone)
sets `DOC_QUOTAS = {"<quota code>": <value>}` in its module: both fragments are then linted
as `lint --quotas` would with the account's quota lowered to that value, and the reference
says so.
"""

from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass

from regionform.findings import Severity
from regionform.lint import all_rules
from regionform.spec.codes import CATALOGUE

# The smallest clean spec; every fragment in the reference is read as an edit of it.
SNIPPET_BASE = """\
version: 1
project: acme
environment: prod
state: {backend: local}
regions:
  eu-west-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
"""


class DocstringError(ValueError):
    """A rule docstring that does not follow the form this module documents."""


@dataclass(frozen=True)
class RuleDoc:
    code: str
    name: str
    summary: str
    severity: Severity
    explanation: str
    fails: str | None
    passes: str | None
    # Service Quotas code → the account's value the fragments are linted against.
    quotas: tuple[tuple[str, float], ...] = ()


def _block(lines: list[str]) -> str:
    text = textwrap.dedent("\n".join(lines)).strip("\n")
    return text + "\n"


def parse_docstring(code: str, doc: str | None) -> tuple[str, str, str, str]:
    """(first line, explanation, failing fragment, passing fragment) of a rule docstring."""
    if not doc:
        raise DocstringError(f"{code}: the rule module has no docstring")
    lines = doc.strip("\n").splitlines()
    if not lines[0].startswith(f"{code}: "):
        raise DocstringError(f"{code}: the docstring must start with '{code}: <what is wrong>'")
    try:
        fails_at = lines.index("Fails:")
        passes_at = lines.index("Passes:")
    except ValueError:
        missing = f"{code}: the docstring needs 'Fails:' and 'Passes:' sections"
        raise DocstringError(missing) from None
    if not fails_at < passes_at:
        raise DocstringError(f"{code}: 'Fails:' comes before 'Passes:'")
    fails, passes = lines[fails_at + 1 : passes_at], lines[passes_at + 1 :]
    for section in (fails, passes):
        body = [line for line in section if line.strip()]
        if not body or any(not line.startswith("    ") for line in body):
            raise DocstringError(f"{code}: indent each fragment four spaces under its heading")
    # The first line may wrap onto following lines until the first blank one.
    first_end = lines.index("") if "" in lines[:fails_at] else fails_at
    first = " ".join(line.strip() for line in lines[:first_end]).removeprefix(f"{code}: ")
    explanation = "\n".join(lines[first_end:fails_at]).strip()
    return first, explanation, _block(fails), _block(passes)


def rule_docs() -> list[RuleDoc]:
    """Every code a finding can carry, in code order, with its documentation."""
    docs = [
        RuleDoc(c.code, c.name, c.summary, c.severity, c.explanation, c.fails, c.passes)
        for c in CATALOGUE
    ]
    for rule in all_rules():
        module = sys.modules[rule.module]
        first, explanation, fails, passes = parse_docstring(rule.code, module.__doc__)
        text = first[0].upper() + first[1:]
        if explanation:
            text += "\n\n" + explanation
        quotas = tuple(sorted(getattr(module, "DOC_QUOTAS", {}).items()))
        docs.append(
            RuleDoc(rule.code, rule.name, rule.summary, rule.severity, text, fails, passes, quotas)
        )
    return sorted(docs, key=lambda d: d.code)


def _section(doc: RuleDoc) -> list[str]:
    lines = [
        f"### {doc.code} {doc.name} {{#{doc.code.lower()}}}",
        "",
        f"**{doc.summary}** ({doc.severity.value})",
        "",
        doc.explanation,
        "",
    ]
    if doc.quotas:
        lowered = ", ".join(f"{value:g} ({code})" for code, value in doc.quotas)
        lines += [
            "So that they stay short, these fragments are linted as `regionform lint --quotas "
            f"FILE` lints them for an account whose quota is {lowered}.",
            "",
        ]
    for title, fragment in (("Fails", doc.fails), ("Passes", doc.passes)):
        if fragment is not None:
            lines += [f"{title}:", "", "```yaml", fragment.rstrip("\n"), "```", ""]
    return lines


def render() -> str:
    docs = rule_docs()
    shape = [d for d in docs if d.code < "RF100"]
    semantic = [d for d in docs if d.code >= "RF100"]
    lines = [
        "# Lint rules",
        "",
        "Generated from the rules' docstrings and `regionform/spec/codes.py`; do not edit by "
        "hand. Run `python -m regionform.lint.docs > docs/rules.md` after changing a rule.",
        "",
        "Every finding carries one of these codes and points at `file:line:col` with a fix. "
        "`regionform lint` reports every finding of a spec in one run; a warning fails the "
        "run only with `--strict`. The codes are stable: search, suppress and link by them.",
        "",
        "Each example is a fragment of a spec. Read it as an edit of this smallest clean "
        "spec (mappings merge key by key); the test suite lints every fragment below, so the "
        "failing ones really fail and the passing ones really pass:",
        "",
        "```yaml",
        SNIPPET_BASE.rstrip("\n"),
        "```",
        "",
        "| code | name | what is wrong |",
        "|---|---|---|",
    ]
    lines += [f"| [{d.code}](#{d.code.lower()}) | {d.name} | {d.summary} |" for d in docs]
    lines += [
        "",
        "## Reading the file and its shape (RF0xx)",
        "",
        "The loader and the JSON Schema check report these. A file the loader refuses "
        "(RF001-RF006) gets no further checks; schema findings (RF010-RF013) do not stop the "
        "semantic rules, which check every part of the spec that passed the schema.",
        "",
    ]
    for doc in shape:
        lines += _section(doc)
    lines += [
        "## Semantic rules (RF1xx)",
        "",
        "One file per rule under `regionform/lint/rules/`; the module docstring is the text below.",
        "",
    ]
    for doc in semantic:
        lines += _section(doc)
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(render(), end="")
