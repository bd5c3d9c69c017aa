"""Render the JSON-syntax document as HCL that `terraform fmt` leaves unchanged.

The formatting mirrors hclwrite's: two-space indents, `=` aligned across a run of consecutive
single-line attributes (a blank line, a nested block or a multi-line value ends the run), one
blank line between blocks, and a single trailing newline.
"""

from __future__ import annotations

import re
from typing import Any

from regionform.document import template_parts

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_KEYWORDS = {"true", "false", "null", "for", "in", "if", "else", "endif", "endfor"}

# Nested blocks (as opposed to attributes) by top-level block type; a value of None means
# the nested block takes no labels, an int gives the number of labels.
_NESTED_BLOCKS: dict[str, dict[str, int]] = {
    "terraform": {"required_providers": 0, "backend": 1, "cloud": 0},
    "provider": {"default_tags": 0, "assume_role": 0, "ignore_tags": 0},
    "check": {"assert": 0},
}
# How many labels each top-level block type has in JSON syntax.
_TOP_LABELS = {
    "terraform": 0,
    "locals": 0,
    "provider": 1,
    "module": 1,
    "output": 1,
    "variable": 1,
    "resource": 2,
    "data": 2,
    "moved": 0,
    "import": 0,
    "removed": 0,
    "check": 1,
}
# Attributes whose JSON strings are bare references, not templates.
_REFERENCE_ATTRIBUTES = {"providers", "depends_on", "from", "to"}
# Meta-arguments rendered first in a module block, then a blank line.
_MODULE_META = ("source", "version", "providers", "count", "for_each", "depends_on")


_QUOTED: dict[str, str] = {}


def _quote(text: str) -> str:
    """A quoted HCL template of JSON-syntax template text.

    The template sequences (`${…}`, `%{…}`, and their escapes `$${`, `%%{`) mean the same in
    both syntaxes and pass through; only the string escapes differ.
    """
    if "{" not in text:
        # No template sequence can start: most strings (names, ids, CIDRs) take this path,
        # and many repeat (regions, tiers, countries): each is escaped once.
        quoted = _QUOTED.get(text)
        if quoted is None:
            quoted = f'"{text.translate(_ESCAPES)}"'
            if len(_QUOTED) < 65_536:
                _QUOTED[text] = quoted
        return quoted
    out: list[str] = ['"']
    for kind, start, end in template_parts(text):
        part = text[start:end]
        out.append(part.translate(_ESCAPES) if kind == "text" else part)
    out.append('"')
    return "".join(out)


# HCL string escapes: the JSON-style short forms, and \uXXXX for the other C0 controls and DEL.
_ESCAPES: dict[int, str] = {
    **{code: f"\\u{code:04x}" for code in (*range(0x20), 0x7F)},
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


def _whole_expression(text: str) -> str | None:
    """The expression when the template is exactly one `${…}`, else None."""
    if text.startswith("${"):
        try:
            parts = list(template_parts(text))
        except ValueError:
            return None
        if parts == [("sequence", 0, len(text))]:
            return text[2:-1]
    return None


_KEYS: dict[str, str] = {}


def _key(name: str) -> str:
    # Attribute names repeat in every module call: render each once.
    rendered = _KEYS.get(name)
    if rendered is None:
        if _IDENTIFIER.match(name) and name not in _KEYWORDS:
            rendered = name
        else:
            rendered = _quote(name.replace("${", "$${").replace("%{", "%%{"))
        if len(_KEYS) < 4096:
            _KEYS[name] = rendered
    return rendered


def _scalar(value: Any, reference: bool) -> str | None:
    if type(value) is str:
        if reference:
            return value
        if value.startswith("${"):
            expression = _whole_expression(value)
            if expression is not None:
                return expression
        return _quote(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        if reference:
            return value
        expression = _whole_expression(value)
        return expression if expression is not None else _quote(value)
    return None


def _value_lines(value: Any, indent: int, reference: bool = False) -> list[str]:
    """A value as lines; the first line continues after `key = `, the rest carry indents."""
    scalar = _scalar(value, reference)
    if scalar is not None:
        return [scalar]
    pad = "  " * (indent + 1)
    closing = "  " * indent
    if isinstance(value, list):
        items = [_value_lines(item, indent + 1, reference) for item in value]
        if all(len(item) == 1 for item in items) and not any(
            isinstance(v, dict | list) and v for v in value
        ):
            return ["[" + ", ".join(item[0] for item in items) + "]"]
        lines = ["["]
        for item in items:
            lines.append(pad + item[0])
            lines.extend(item[1:])
            lines[-1] += ","
        lines.append(closing + "]")
        return lines
    if isinstance(value, dict):
        if not value:
            return ["{}"]
        lines = ["{"]
        lines.extend(_attributes(value, indent + 1, reference))
        lines.append(closing + "}")
        return lines
    raise TypeError(f"cannot render {type(value).__name__} as HCL")


def _attributes(items: dict[str, Any], indent: int, reference: bool = False) -> list[str]:
    """`key = value` lines with `=` aligned over each run of single-line attributes."""
    pad = "  " * indent
    lines: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        if run:
            width = max(len(k) for k, _ in run)
            lines.extend(f"{pad}{k.ljust(width)} = {v}" for k, v in run)
            run.clear()

    for name, value in items.items():
        key = _key(name)
        as_reference = reference or name in _REFERENCE_ATTRIBUTES
        # Most values are scalars: one line, no list to build.
        scalar = _scalar(value, as_reference)
        if scalar is not None:
            run.append((key, scalar))
            continue
        value_lines = _value_lines(value, indent, as_reference)
        if len(value_lines) == 1:
            run.append((key, value_lines[0]))
            continue
        flush()
        lines.append(f"{pad}{key} = {value_lines[0]}")
        lines.extend(value_lines[1:])
    flush()
    return lines


def _block(
    kind: str, labels: list[str], body: dict[str, Any], indent: int, nested: dict[str, int]
) -> list[str]:
    pad = "  " * indent
    header = " ".join([kind, *(_quote(label) for label in labels)])
    lines = [f"{pad}{header} {{"]
    attributes = {k: v for k, v in body.items() if k not in nested and k != "//"}
    blocks = [(k, v) for k, v in body.items() if k in nested]
    if kind == "module":
        meta = {k: attributes.pop(k) for k in _MODULE_META if k in attributes}
        lines.extend(_attributes(meta, indent + 1))
        if meta and attributes:
            lines.append("")
    if kind in ("data", "resource") and "provider" in attributes:
        # The provider meta-argument is a bare reference (aws.ap_south_1), not a template.
        lines.extend(_attributes({"provider": attributes.pop("provider")}, indent + 1, True))
        if attributes:
            lines.append("")
    lines.extend(_attributes(attributes, indent + 1))
    for name, value in blocks:
        for block_labels, block_body in _expand(value, nested[name]):
            if len(lines) > 1:
                lines.append("")
            lines.extend(_block(name, block_labels, block_body, indent + 1, {}))
    lines.append(f"{pad}}}")
    return lines


def _expand(value: Any, labels: int) -> list[tuple[list[str], dict[str, Any]]]:
    """JSON syntax nests labels as object keys and allows a list for repeated blocks."""
    if labels == 0:
        bodies = value if isinstance(value, list) else [value]
        return [([], body) for body in bodies]
    out: list[tuple[list[str], dict[str, Any]]] = []
    for label, inner in value.items():
        for rest, body in _expand(inner, labels - 1):
            out.append(([label, *rest], body))
    return out


def render_body(body: dict[str, Any], header: str | None = None) -> str:
    """One `.tf` file from one JSON-syntax file body."""
    blocks: list[list[str]] = []
    for kind, value in body.items():
        if kind == "//":
            continue
        nested = _NESTED_BLOCKS.get(kind, {})
        for labels, block_body in _expand(value, _TOP_LABELS[kind]):
            blocks.append(_block(kind, labels, block_body, 0, nested))
    parts: list[str] = []
    if header:
        parts.append("\n".join(f"# {line}" if line else "#" for line in header.splitlines()))
    parts.extend("\n".join(block) for block in blocks)
    return "\n\n".join(parts) + "\n"
