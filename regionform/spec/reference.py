"""The spec reference (docs/spec.md), generated from the JSON Schema so they never disagree.

python -m regionform.spec.reference > docs/spec.md
"""

from __future__ import annotations

import json
from typing import Any

from regionform.spec.validate import conditions, schema


def _type(node: dict[str, Any]) -> str:
    node = _resolve(node, schema())
    if "const" in node:
        return f"`{json.dumps(node['const'])}`"
    if "anyOf" in node:
        return " or ".join(_type(option) for option in node["anyOf"])
    if "enum" in node:
        values = node["enum"]
        if len(values) > 8:
            return "one of " + ", ".join(f"`{v}`" for v in values[:6]) + f", … ({len(values)})"
        return " \\| ".join(f"`{json.dumps(v)}`" for v in values)
    kind = node.get("type", "")
    if kind == "array":
        return f"list of {_type(node.get('items', {}))}"
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        return "map"
    return str(kind) or "object"


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        target = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return {**_resolve(target, root), **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _conditional(node: dict[str, Any]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Keys an `if`/`then` makes required, and keys it forbids, with the settings that do it."""
    required: dict[str, list[str]] = {}
    excluded: dict[str, list[str]] = {}
    for branch in node.get("allOf", []):
        setting = conditions(branch.get("if", {}))
        then = branch.get("then", {})
        if setting is None:
            continue
        for key in then.get("required", []):
            required.setdefault(key, []).append(f"`{setting}`")
        for key, sub in then.get("properties", {}).items():
            if sub is False:
                excluded.setdefault(key, []).append(f"`{setting}`")
    return required, excluded


def _rows(node: dict[str, Any], prefix: str, root: dict[str, Any], out: list[str]) -> None:
    node = _resolve(node, root)
    required = set(node.get("required", []))
    required_with, excluded_with = _conditional(node)
    for key, child in node.get("properties", {}).items():
        if child is False:
            continue
        child = _resolve(child, root)
        path = f"{prefix}.{key}" if prefix else key
        # `<project>` in prose would read as an HTML tag on the docs site.
        description = child.get("description", "").replace("|", "\\|").replace("<", "&lt;")
        default = f" Default: `{json.dumps(child['default'])}`." if "default" in child else ""
        needed = "yes" if key in required else ""
        if key in required_with:
            needed = "with " + " or ".join(required_with[key])
        if key in excluded_with:
            description += " Not allowed with " + " or ".join(excluded_with[key]) + "."
        out.append(f"| `{path}` | {_type(child)} | {needed} | {description}{default} |")
        if "properties" in child:
            _rows(child, path, root, out)
        extra = child.get("additionalProperties")
        if isinstance(extra, dict):
            _rows(extra, f"{path}.<{key.rstrip('s')}>", root, out)


def render() -> str:
    root = schema()
    lines = [
        "# Spec reference",
        "",
        "Generated from the JSON Schema (`regionform schema`); do not edit by hand. Run "
        "`python -m regionform.spec.reference > docs/spec.md` after changing the schema.",
        "",
        root.get("description", ""),
        "",
        '"required" says *yes* for keys every spec needs and *with `setting`* for keys needed '
        "only together with that setting (the `state` backend, the `modules` source). A key "
        '"not allowed with" a setting is refused there (RF010 names the setting).',
        "",
        "| key | type | required | meaning |",
        "|---|---|---|---|",
    ]
    _rows(root, "", root, lines)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
