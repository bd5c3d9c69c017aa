"""The Terraform document: plain dicts in Terraform's JSON configuration syntax.

Generators build it, renderers turn it into files; it is the only thing renderers see.
Strings in the document are Terraform string templates, as in `.tf.json`: text that comes
from the spec goes through `literal()` so `${` and `%{` stay literal, and references go
through `ref()`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# File stem → that file's body in JSON configuration syntax.
Document = dict[str, dict[str, Any]]


def literal(text: str) -> str:
    """Spec text as a template that evaluates to exactly that text."""
    return text.replace("${", "$${").replace("%{", "%%{")


def ref(expression: str) -> str:
    """A reference or expression, e.g. ref("module.vpc_ap_south_1.vpc_id")."""
    return "${" + expression + "}"


@dataclass(frozen=True)
class ModuleCall:
    """One `module` block of the root."""

    name: str  # the block label; part of every resource address below it, so never changes
    module: str  # which of our modules: vpc, rds, …
    region: str  # the AWS region whose provider it uses
    arguments: dict[str, Any] = field(default_factory=dict)
    file: str | None = None  # file stem; default: the region's file


@dataclass(frozen=True)
class Move:
    """A `moved` block: the object at `source` in state now lives at `target`.

    Addresses are Terraform addresses, e.g. `module.rds_tenant_acme` or
    `module.s3_ap_south_1.aws_s3_bucket.this["tenant-acme"]`.
    """

    source: str
    target: str

    def block(self) -> dict[str, str]:
        return {"from": self.source, "to": self.target}


def instance(resource: str, key: str) -> str:
    """The address of one `for_each` instance: resource["key"]."""
    return f"{resource}[{json.dumps(key)}]"


_TEMPLATE_STOP = re.compile(r'[\\"{}]')


def template_end(text: str, start: int) -> int:
    """Index just past the `}` that closes a template sequence whose body starts at `start`.

    Strings inside the sequence may hold braces; they do not count.
    """
    depth = 1
    i = start
    in_string = False
    # Only quotes, braces and backslashes matter: jump from one to the next.
    while stop := _TEMPLATE_STOP.search(text, i):
        char = stop.group()
        i = stop.end()
        if in_string:
            if char == "\\":
                i += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unterminated template sequence in {text!r}")


_TEMPLATE_MARKER = re.compile(r"\$\$\{|%%\{|\$\{|%\{")


def template_parts(text: str) -> Iterator[tuple[str, int, int]]:
    """The parts of a template string as (kind, start, end), in order.

    kind is "text" (one literal character run), "escape" (`$${` or `%%{`, a literal `${` /
    `%{`) or "sequence" (a whole `${…}` or `%{…}`). The one scanner the renderers and the
    layout's reference rewriting share.
    """
    run = 0
    n = len(text)
    # The leftmost marker, escapes before sequences at the same spot.
    while marker := _TEMPLATE_MARKER.search(text, run):
        i = marker.start()
        if run < i:
            yield "text", run, i
        if marker.end() - i == 3:
            yield "escape", i, i + 3
            run = i + 3
        else:
            end = template_end(text, i + 2)
            yield "sequence", i, end
            run = end
    if run < n:
        yield "text", run, n
