"""The spec reference (docs/spec.md), generated from the JSON Schema so they never disagree.

python -m regionform.spec.reference > docs/spec.md
"""

from __future__ import annotations

import json
from typing import Any

from regionform.spec.validate import schema


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


def _rows(node: dict[str, Any], prefix: str, root: dict[str, Any], out: list[str]) -> None:
    node = _resolve(node, root)
    required = set(node.get("required", []))
    for key, child in node.get("properties", {}).items():
        if child is False:
            continue
        child = _resolve(child, root)
        path = f"{prefix}.{key}" if prefix else key
        description = child.get("description", "").replace("|", "\\|")
        default = f" Default: `{json.dumps(child['default'])}`." if "default" in child else ""
        needed = "yes" if key in required else ""
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
        "| key | type | required | meaning |",
        "|---|---|---|---|",
    ]
    _rows(root, "", root, lines)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
