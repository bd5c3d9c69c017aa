"""Defaults come from the schema: every `default` in schema.json is applied here, once.

The schema is what editors show users (yaml-language-server reads it), so it is the one
place a default is written; the model reads the filled-in data and states no default of its
own for a key the schema defaults.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _schema() -> dict[str, Any]:
    text = resources.files("regionform.spec").joinpath("schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# Each schema node resolved once (a tenant's subschema is asked for once per tenant); the
# node is kept alive with its resolution so that its id is never reused.
_RESOLVED: dict[int, tuple[Any, Any]] = {}


def _resolve(node: Any) -> Any:
    if not isinstance(node, dict) or "$ref" not in node:
        return node
    entry = _RESOLVED.get(id(node))
    if entry is None:
        resolved = node
        while isinstance(resolved, dict) and "$ref" in resolved:
            target: Any = _schema()
            for part in resolved["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            resolved = {**target, **{k: v for k, v in resolved.items() if k != "$ref"}}
        entry = _RESOLVED[id(node)] = (node, resolved)
    return entry[1]


_DEFAULTED: dict[int, tuple[Any, list[tuple[str, Any]]]] = {}


def _defaulted(node: dict[str, Any]) -> list[tuple[str, Any]]:
    """The properties of a (resolved) schema node that have a default, resolved."""
    entry = _DEFAULTED.get(id(node))
    if entry is None:
        subs = [(key, _resolve(sub)) for key, sub in node.get("properties", {}).items()]
        found = [(k, sub) for k, sub in subs if isinstance(sub, dict) and "default" in sub]
        entry = _DEFAULTED[id(node)] = (node, found)
    return entry[1]


def _fill(value: Any, node: Any) -> Any:
    if not isinstance(value, dict | list):
        return value
    node = _resolve(node)
    if not isinstance(node, dict):
        return value
    if isinstance(value, list):
        items = node.get("items")
        return [_fill(item, items) for item in value]
    properties = node.get("properties", {})
    extra = node.get("additionalProperties")
    filled = {key: _fill(item, properties.get(key, extra)) for key, item in value.items()}
    for key, sub in _defaulted(node):
        if key not in filled:
            default = sub["default"]
            # A defaulted settings object ({}) gets its own keys' defaults too.
            filled[key] = (
                _fill(copy.deepcopy(default), sub) if isinstance(default, dict | list) else default
            )
    return filled


def with_defaults(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of schema-valid spec data with every omitted key the schema defaults filled in."""
    filled: dict[str, Any] = _fill(data, _schema())
    return filled
