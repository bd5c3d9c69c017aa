"""Module references inside the document's template strings, found and rewritten.

Generators write cross-module references as `${module.<call>.<output>…}` (see
`regionform.document.ref`). A layout that splits the root walks every string and rewrites
the references whose module lives in another root, so a new generator needs no layout change.
Only the expression parts of a template are searched: spec text is escaped (`$${`) and
never mistaken for a reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from regionform.document import template_parts

# module.<call>.<output> followed by any number of ["key"] indexes.
_REFERENCE = re.compile(
    r"\bmodule\.([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)"
    r'((?:\["[^"\\]*"\])*)'
)
_INDEX = re.compile(r'\["([^"\\]*)"\]')


@dataclass(frozen=True)
class Reference:
    call: str  # the module block's label
    output: str  # the module output read
    keys: tuple[str, ...] = ()  # map keys indexed into the output, e.g. ("storage",)

    @property
    def text(self) -> str:
        return f"module.{self.call}.{self.output}" + "".join(f'["{k}"]' for k in self.keys)


def _expression_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each `${…}` / `%{…}` body in a template, escapes skipped."""
    return [(start + 2, end - 1) for kind, start, end in template_parts(text) if kind == "sequence"]


def _parse(match: re.Match[str]) -> Reference:
    keys = tuple(_INDEX.findall(match.group(3)))
    return Reference(match.group(1), match.group(2), keys)


def references_in(text: str) -> list[Reference]:
    found: list[Reference] = []
    for start, end in _expression_spans(text):
        found.extend(_parse(m) for m in _REFERENCE.finditer(text, start, end))
    return found


def rewrite_string(text: str, replace: Callable[[Reference], str | None]) -> str:
    """`text` with each reference for which `replace` returns an expression swapped for it."""
    out: list[str] = []
    last = 0
    for start, end in _expression_spans(text):
        for match in _REFERENCE.finditer(text, start, end):
            expression = replace(_parse(match))
            if expression is None:
                continue
            out.append(text[last : match.start()])
            out.append(expression)
            last = match.end()
    out.append(text[last:])
    return "".join(out)


def walk_strings(value: Any, change: Callable[[str], str]) -> Any:
    """A copy of a JSON-like value with every string (keys excepted) passed through `change`."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: walk_strings(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [walk_strings(item, change) for item in value]
    return value


def all_references(value: Any) -> list[Reference]:
    found: list[Reference] = []

    def collect(text: str) -> str:
        found.extend(references_in(text))
        return text

    walk_strings(value, collect)
    return found
