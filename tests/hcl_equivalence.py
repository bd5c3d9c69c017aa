"""Canonical forms of a `.tf` file (parsed by hcl2, an independent parser) and of a
`.tf.json` file, so the two renderings of a root can be compared as configurations.

Two distributions provide the `hcl2` module: python-hcl2 (>= 7 keeps strings quoted) and
bc-python-hcl2, the fork checkov pins (strings unquoted, escapes raw, each attribute's value
wrapped in a one-element list). Only one can be installed at a time, and the dev extra
installs checkov, so both output styles are understood here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import hcl2


@cache
def _wrapped_style() -> bool:
    """True for bc-python-hcl2's style: `a = "q"` parses as {"a": ["q"]}."""
    return bool(hcl2.loads('a = "q"\n')["a"] == ["q"])


# Labels per top-level block type, as in Terraform's JSON syntax.
LABELS = {
    "terraform": 0,
    "locals": 0,
    "provider": 1,
    "module": 1,
    "output": 1,
    "variable": 1,
    "resource": 2,
    "data": 2,
    "moved": 0,
    "check": 1,
}
NESTED_BLOCKS = {"required_providers", "backend", "default_tags", "assume_role", "assert"}
REFERENCES = {"providers", "provider", "depends_on", "from", "to"}
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def _unquote_hcl(source: str) -> str:
    """HCL quoted-template source → the same template in JSON syntax (escapes decoded)."""
    body = source[1:-1]
    out, i, depth = [], 0, 0
    while i < len(body):
        if depth == 0 and body.startswith(("$${", "%%{"), i):
            out.append(body[i : i + 3])
            i += 3
        elif body.startswith(("${", "%{"), i):
            depth += 1
            out.append(body[i : i + 2])
            i += 2
        elif depth and body[i] == "}":
            depth -= 1
            out.append("}")
            i += 1
        elif depth == 0 and body[i] == "\\":
            nxt = body[i + 1]
            if nxt == "u":
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
            else:
                out.append(_ESCAPES[nxt])
                i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _hcl_value(value: Any, reference: bool = False) -> Any:
    if isinstance(value, str) and _wrapped_style():
        # Unquoted text in template form (expressions already as ${…}), escapes still raw.
        text = _unquote_hcl(f'"{value}"')
        if reference and text.startswith("${") and text.endswith("}"):
            return text[2:-1]
        return text
    if isinstance(value, str):
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            return _unquote_hcl(value)
        expression = value[2:-1] if value.startswith("${") and value.endswith("}") else value
        return expression if reference else "${" + expression + "}"
    if isinstance(value, list):
        return [_hcl_value(v, reference) for v in value]
    if isinstance(value, dict):
        return {
            _hcl_key(k): _hcl_value(v, reference or k in REFERENCES)
            for k, v in value.items()
            if k not in ("__is_block__", "__comments__")
        }
    return value


def _hcl_key(key: str) -> str:
    return key[1:-1] if key.startswith('"') and key.endswith('"') else key


def _hcl_body(body: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key in ("__is_block__", "__comments__", "__start_line__", "__end_line__"):
            continue
        # `backend` is also an attribute (of terraform_remote_state); blocks are lists of objects.
        if key in NESTED_BLOCKS and all(isinstance(block, dict) for block in value):
            bodies = []
            for block in value:
                if key == "backend":
                    ((label, inner),) = block.items()
                    bodies.append({_hcl_key(label): _hcl_body(inner)})
                else:
                    bodies.append(_hcl_body(block))
            out[key] = bodies
        else:
            if _wrapped_style():
                (value,) = value
            out[key] = _hcl_value(value, key in REFERENCES)
    return out


def canonical_hcl(path: Path) -> dict[str, Any]:
    parsed = hcl2.loads(path.read_text("utf-8"))
    out: dict[str, Any] = {}
    for kind, blocks in parsed.items():
        if kind == "__comments__":
            continue
        for block in blocks:
            labels: list[str] = []
            for _ in range(LABELS[kind]):
                ((label, block),) = block.items()
                labels.append(_hcl_key(label))
            out.setdefault(kind, []).append({".".join(labels): _hcl_body(block)})
    return out


def _json_body(body: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key == "//":
            continue
        if key in NESTED_BLOCKS and isinstance(value, dict | list):
            values = value if isinstance(value, list) else [value]
            if key == "backend":
                out[key] = [
                    {label: _json_body(inner)} for v in values for label, inner in v.items()
                ]
            else:
                out[key] = [_json_body(v) for v in values]
        else:
            out[key] = value
    return out


def canonical_json(path: Path) -> dict[str, Any]:
    parsed = json.loads(path.read_text("utf-8"))
    out: dict[str, Any] = {}
    for kind, value in parsed.items():
        if kind == "//":
            continue
        for labels, bodies in _labelled(value, LABELS[kind]):
            for body in bodies if isinstance(bodies, list) else [bodies]:
                out.setdefault(kind, []).append({".".join(labels): _json_body(body)})
    return out


def _labelled(value: Any, labels: int) -> list[tuple[list[str], Any]]:
    """JSON syntax nests a block's labels as object keys."""
    if labels == 0:
        return [([], value)]
    return [
        ([label, *rest], body)
        for label, inner in value.items()
        for rest, body in _labelled(inner, labels - 1)
    ]


def numbers_as_json(value: Any) -> Any:
    """python-hcl2 may give 3 or 3.0; compare numbers by value."""
    return json.loads(json.dumps(value), parse_float=float, parse_int=float)
