"""The codes the loader and the schema check report (RF0xx), described like lint rules.

Semantic rules describe themselves (`regionform.lint.all_rules()`); these codes are raised
inline by `regionform/spec/loader.py` and `regionform/spec/validate.py`, so their catalogue
lives here for tools that list every code a finding can carry (SARIF's `rules`).
"""

from __future__ import annotations

from dataclasses import dataclass

from regionform.findings import Severity


@dataclass(frozen=True)
class ShapeRule:
    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR


SHAPE_RULES: tuple[ShapeRule, ...] = (
    ShapeRule("RF001", "yaml-syntax", "The file is not valid YAML"),
    ShapeRule("RF002", "duplicate-key", "A mapping has the same key twice"),
    ShapeRule(
        "RF003", "file-too-large", "The spec is over the size limits (16 MiB, 1,000,000 values)"
    ),
    ShapeRule("RF004", "not-utf8", "The file is not UTF-8 text"),
    ShapeRule("RF005", "nested-too-deep", "The document is nested over 50 levels"),
    ShapeRule(
        "RF006",
        "alias-expansion",
        "Aliases and merge keys expand the spec many times over (an alias bomb)",
    ),
    ShapeRule("RF010", "unknown-key", "A key the schema does not define"),
    ShapeRule("RF011", "missing-key", "A required key is missing"),
    ShapeRule("RF012", "wrong-type", "A value has the wrong type"),
    ShapeRule("RF013", "bad-value", "A value the schema does not accept"),
)
