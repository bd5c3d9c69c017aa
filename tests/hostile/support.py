"""Helpers the hostile-input tests share: the free-text fields of the schema, YAML quoting of
arbitrary text, and Terraform evaluating rendered strings in one batch."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from regionform.spec.validate import schema

HERE = Path(__file__).resolve().parent
BASE = HERE / "base.yaml"

FieldPath = tuple[str, ...]  # "*" stands for every key of a map


def _fields(node: Any, path: FieldPath, target: str, seen: frozenset[str]) -> Iterator[FieldPath]:
    if isinstance(node, list):
        for item in node:
            yield from _fields(item, path, target, seen)
        return
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if ref == target:
        yield path
        return
    if isinstance(ref, str) and ref not in seen:
        name = ref.rsplit("/", 1)[-1]
        yield from _fields(schema()["$defs"][name], path, target, seen | {ref})
    for key, sub in node.get("properties", {}).items():
        yield from _fields(sub, (*path, key), target, seen)
    if isinstance(node.get("additionalProperties"), dict):
        yield from _fields(node["additionalProperties"], (*path, "*"), target, seen)
    for combinator in ("allOf", "anyOf", "oneOf", "then", "else"):
        if combinator in node:
            yield from _fields(node[combinator], path, target, seen)


def schema_fields(definition: str) -> list[FieldPath]:
    """Every place in a spec whose schema is `#/$defs/<definition>`, found from the schema so
    a field added later is covered without touching the tests."""
    return sorted(set(_fields(schema(), (), f"#/$defs/{definition}", frozenset())))


def places(data: dict[str, Any], field: FieldPath) -> list[tuple[dict[str, Any], str]]:
    """(parent mapping, key) for every place of `field` that the spec's sections hold."""
    parents: list[dict[str, Any]] = [data]
    for step in field[:-1]:
        nxt: list[dict[str, Any]] = []
        for parent in parents:
            children = parent.values() if step == "*" else [parent.get(step)]
            nxt.extend(c for c in children if isinstance(c, dict))
        parents = nxt
    last = field[-1]
    if last == "*":
        return [(p, k) for p in parents for k in p]
    return [(p, last) for p in parents]


# Line separators YAML folds, a BOM, and non-characters: always written as escapes.
_ESCAPED = frozenset([0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, *range(0xD800, 0xE000)])


def yaml_quote(text: str) -> str:
    """A double-quoted YAML scalar that loads back to exactly `text`."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F or (code >= 0xA0 and code not in _ESCAPED):
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def yaml_dump(value: Any, indent: int = 0) -> str:
    """Block-style YAML with every string double-quoted by `yaml_quote`."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            rendered = yaml_dump(item, indent + 1)
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{yaml_quote(key)}:\n{rendered}")
            else:
                lines.append(f"{pad}{yaml_quote(key)}: {rendered}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n".join(f"{pad}- {yaml_dump(item, indent + 1).lstrip()}" for item in value)
    if isinstance(value, str):
        return yaml_quote(value)
    return json.dumps(value)


# The expected renderings are written out here, independently of regionform's literal() and
# HCL quoting, so a renderer that stops escaping cannot agree with itself.
_HCL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _template_literal(text: str) -> str:
    """Terraform template text that evaluates to `text`: `${` and `%{` doubled."""
    return text.replace("${", "$${").replace("%{", "%%{")


def hcl_token(text: str) -> str:
    """How spec text must appear in generated HCL: a quoted template of literal text."""
    out = []
    for char in _template_literal(text):
        if char in _HCL_ESCAPES:
            out.append(_HCL_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def json_token(text: str) -> str:
    """How spec text must appear in generated `.tf.json`."""
    return json.dumps(_template_literal(text), ensure_ascii=False)


def terraform_reads_back(terraform: Any, folder: Path, texts: list[str]) -> list[str]:
    """What Terraform makes of each text rendered both ways: one console run per format.

    Returns the strings Terraform evaluated, HCL ones first, then JSON ones.
    """
    results: list[str] = []
    for output_format in ("hcl", "json"):
        root = folder / output_format
        root.mkdir(parents=True)
        if output_format == "hcl":
            items = ",\n".join(f"    {hcl_token(t)}" for t in texts)
            (root / "values.tf").write_text(f"locals {{\n  v = [\n{items},\n  ]\n}}\n", "utf-8")
        else:
            items = ", ".join(json_token(t) for t in texts)
            (root / "values.tf.json").write_text(f'{{"locals": {{"v": [{items}]}}}}', "utf-8")
        terraform.run(root, "init", "-backend=false", "-no-color")
        # base64: the console quotes strings its own (Go) way, so keep its output ASCII.
        result = terraform.run(
            root, "console", "-no-color", input_text="base64encode(jsonencode(local.v))\n"
        )
        results.extend(json.loads(base64.b64decode(json.loads(result.stdout))))
    return results
