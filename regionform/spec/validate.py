"""Validate loaded data against the spec's JSON Schema and turn errors into located findings."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from regionform.findings import Finding
from regionform.spec.codes import BAD_VALUE, MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE
from regionform.spec.fastcheck import Check, compile_schema
from regionform.spec.loader import LoadedDocument

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing (null)",
}


def schema_text() -> str:
    return resources.files("regionform.spec").joinpath("schema.json").read_text("utf-8")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


def _inline_refs(node: Any, root: dict[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by its target.

    Resolving `$ref` through jsonschema's registry on every node costs most of lint's time;
    our schema has no recursion, so inlining once is equivalent and several times faster.
    """
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = root
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            merged = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline_refs(target, root), **_inline_refs(merged, root)}
        return {k: _inline_refs(v, root) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, root) for v in node]
    return node


_STRING_ENUMS: dict[int, frozenset[str] | None] = {}


def _string_set(enums: list[Any]) -> frozenset[str] | None:
    """The enum as a set when it holds only strings; memoised per schema list."""
    key = id(enums)
    if key not in _STRING_ENUMS:
        strings = all(isinstance(e, str) for e in enums)
        _STRING_ENUMS[key] = frozenset(enums) if strings else None
    return _STRING_ENUMS[key]


def _fast_enum(validator: Any, enums: Any, instance: Any, schema: Any) -> Any:
    """jsonschema's `enum`, with set membership for strings (249 countries per check)."""
    from jsonschema import ValidationError

    allowed = _string_set(enums) if isinstance(instance, str) else None
    if allowed is not None:
        if instance not in allowed:
            yield ValidationError(f"{instance!r} is not one of {enums!r}")
        return
    from jsonschema._keywords import enum

    yield from enum(validator, enums, instance, schema) or ()  # type: ignore[func-returns-value]


@cache
def _inlined() -> dict[str, Any]:
    inlined: dict[str, Any] = _inline_refs(schema(), schema())
    return inlined


@cache
def _is_valid() -> Check:
    return compile_schema(_inlined())


# Compiled checks of the schema's subschemas, by identity; the subschema is kept alive with
# its check so that its id is never reused.
_COMPILED: dict[int, tuple[Any, Check]] = {}


def _passes(subschema: Any, instance: Any) -> bool:
    """Whether `instance` surely satisfies `subschema` (see spec/fastcheck.py)."""
    entry = _COMPILED.get(id(subschema))
    if entry is None:
        entry = _COMPILED[id(subschema)] = (subschema, compile_schema(subschema))
    return entry[1](instance)


# The keywords that descend into children, descending only into the children that fail the
# compiled check: a finding in one tenant of 10,000 then costs one tenant's validation.


def _items(validator: Any, items: Any, instance: Any, schema: Any) -> Any:
    from jsonschema._keywords import items as every_item

    if "prefixItems" in schema or not isinstance(items, dict):
        yield from every_item(validator, items, instance, schema) or ()  # type: ignore[func-returns-value]
        return
    if not validator.is_type(instance, "array"):
        return
    for index, item in enumerate(instance):
        if not _passes(items, item):
            yield from validator.descend(item, items, path=index)


def _properties(validator: Any, properties: Any, instance: Any, schema: Any) -> Any:
    if not validator.is_type(instance, "object"):
        return
    for name, subschema in properties.items():
        if name in instance and not _passes(subschema, instance[name]):
            yield from validator.descend(instance[name], subschema, path=name, schema_path=name)


def _additional_properties(validator: Any, extra: Any, instance: Any, schema: Any) -> Any:
    from jsonschema._keywords import additionalProperties

    if not isinstance(extra, dict) or "patternProperties" in schema:
        yield from additionalProperties(validator, extra, instance, schema) or ()  # type: ignore[func-returns-value]
        return
    if not validator.is_type(instance, "object"):
        return
    known = schema.get("properties", {})
    for name, value in instance.items():
        if name not in known and not _passes(extra, value):
            yield from validator.descend(value, extra, path=name)


@cache
def _validator() -> Any:
    # Imported here: jsonschema is the slowest import on lint's path and is not needed
    # to print the schema or to render.
    from jsonschema import Draft202012Validator, validators

    fast = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        {
            "enum": _fast_enum,
            "items": _items,
            "properties": _properties,
            "additionalProperties": _additional_properties,
        },
    )
    return fast(_inlined())


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _allowed_keys(subschema: dict[str, Any]) -> list[str]:
    return sorted(subschema.get("properties", {}))


def _hint(error: Any) -> str | None:
    schema = error.schema if isinstance(error.schema, dict) else {}
    if schema.get("x-suggest") == "country" and isinstance(error.instance, str):
        # UK is no ISO code: say which one is meant rather than list 249 codes.
        from regionform.spec.jurisdictions import country_hint

        meant = country_hint(error.instance)
        if meant is not None:
            return f"did you mean {meant}? {error.instance} is no ISO 3166-1 alpha-2 country code"
    hint = schema.get("x-hint")
    return str(hint) if hint else None


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def conditions(node: dict[str, Any]) -> str | None:
    """The settings an `if` subschema tests, as the spec would write them (`backend: s3`)."""
    tested = [
        f"{key}: {sub['const']}"
        for key, sub in node.get("properties", {}).items()
        if isinstance(sub, dict) and "const" in sub
    ]
    return ", ".join(tested) or None


def _excluding_setting(schema_path: Any) -> str | None:
    """The setting whose `if`/`then` forbids a key: the `if` beside the `then` on the path."""
    node: Any = _validator().schema
    setting = None
    for step in schema_path:
        if step == "then" and isinstance(node, dict) and isinstance(node.get("if"), dict):
            setting = conditions(node["if"])
        node = node[step]
    return setting


def _findings_for(error: Any, doc: LoadedDocument) -> list[Finding]:
    path = tuple(error.absolute_path)
    where = doc.source
    validator = error.validator
    instance = error.instance
    if "propertyNames" in error.absolute_schema_path:
        # jsonschema validates a key as a value at its parent's path; point at the key.
        return [
            Finding(
                BAD_VALUE,
                f"{instance!r} is not allowed as a key here",
                where.key((*path, instance)),
                hint=_hint(error),
            )
        ]
    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = _allowed_keys(error.schema)
        extras = [key for key in instance if key not in error.schema.get("properties", {})]
        out = []
        for key in extras:
            near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}?" if near else None
            if not hint and allowed:
                hint = "allowed keys here: " + ", ".join(allowed)
            out.append(
                Finding(UNKNOWN_KEY, f"unknown key {key!r}", where.key((*path, key)), hint=hint)
            )
        return out
    if validator == "required":
        missing = [key for key in error.validator_value if key not in instance]
        return [
            Finding(
                MISSING_KEY,
                f"missing required key {key!r}" + (f" in {path[-1]!r}" if path else ""),
                where.key(path),
                hint=f"add {key}: …",
            )
            for key in missing
        ]
    if error.schema is False:
        # A `false` subschema under `properties` forbids a key in some configuration;
        # jsonschema reports it at the parent object, so find the forbidden keys present.
        node: Any = _validator().schema
        for step in error.absolute_schema_path:
            node = node[step]
        parent = _at(doc.data, path)
        keys = (
            [
                k
                for k, sub in node.items()
                if sub is False and isinstance(parent, dict) and k in parent
            ]
            if isinstance(node, dict)
            else []
        )
        setting = _excluding_setting(error.absolute_schema_path)
        return [
            Finding(
                UNKNOWN_KEY,
                f"key {key!r} is not allowed with {setting}"
                if setting
                else f"key {key!r} is not allowed here with the other settings",
                where.key((*path, key)),
                hint=f"remove {key}, or change {setting}"
                if setting
                else "remove it, or change the setting that excludes it",
            )
            for key in keys or ["?"]
        ]
    if validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return [
            Finding(
                WRONG_TYPE,
                f"expected {wanted}, got {_describe(instance)}",
                where.value(path),
                hint=_hint(error),
            )
        ]
    if validator in ("enum", "const"):
        options = error.validator_value if validator == "enum" else [error.validator_value]
        if len(options) <= 12:
            listed = ", ".join(json.dumps(o) for o in options)
            message = f"{json.dumps(instance)} is not one of: {listed}"
        else:
            message = f"{json.dumps(instance)} is not an allowed value"
        hint = _hint(error)
        if not hint and isinstance(instance, str):
            near = difflib.get_close_matches(instance, [str(o) for o in options], n=1)
            hint = f"did you mean {near[0]!r}?" if near else None
        return [Finding(BAD_VALUE, message, where.value(path), hint=hint)]
    if validator == "pattern":
        return [
            Finding(
                BAD_VALUE,
                f"{json.dumps(instance)} has the wrong form",
                where.value(path),
                hint=_hint(error),
            )
        ]
    if validator in ("minLength", "maxLength"):
        return [
            Finding(
                BAD_VALUE,
                f"{json.dumps(instance)} is {len(instance)} characters; "
                + ("at least" if validator == "minLength" else "at most")
                + f" {error.validator_value} allowed",
                where.value(path),
                hint=_hint(error),
            )
        ]
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "more than",
            "exclusiveMaximum": "less than",
        }[validator]
        return [
            Finding(
                BAD_VALUE,
                f"{instance} is out of range: must be {bound} {error.validator_value}",
                where.value(path),
                hint=_hint(error),
            )
        ]
    if validator in ("minItems", "maxItems", "minProperties", "maxProperties"):
        bound = "at least" if validator.startswith("min") else "at most"
        unit = "items" if validator.endswith("Items") else "entries"
        return [
            Finding(
                BAD_VALUE,
                f"needs {bound} {error.validator_value} {unit}, has {len(instance)}",
                where.value(path),
                hint=_hint(error),
            )
        ]
    if validator == "uniqueItems":
        seen: set[str] = set()
        for index, item in enumerate(instance):
            marker = json.dumps(item, sort_keys=True)
            if marker in seen:
                return [
                    Finding(
                        BAD_VALUE,
                        f"{json.dumps(item)} is listed twice",
                        where.value((*path, index)),
                        hint="remove the repeated entry",
                    )
                ]
            seen.add(marker)
    return [Finding(BAD_VALUE, error.message, where.value(path), hint=_hint(error))]


def validate(doc: LoadedDocument) -> list[Finding]:
    """Every schema violation in the document, each located at the offending key or value."""
    if _is_valid()(doc.data):
        return []
    return _findings(list(_validator().iter_errors(doc.data)), doc)


def _findings(errors: list[Any], doc: LoadedDocument) -> list[Finding]:
    findings: list[Finding] = []
    for error in errors:
        # if/then wrappers only repeat what their inner errors say.
        if error.validator in ("if", "allOf") and error.context:
            for inner in error.context:
                findings.extend(_findings_for(inner, doc))
            continue
        findings.extend(_findings_for(error, doc))
    unique = {(f.code, f.location, f.message): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


def _prune_paths(error: Any, data: Any) -> list[tuple[Any, ...]]:
    """The nodes to drop so that this error goes away, leaving the rest of the spec intact."""
    if error.validator in ("if", "allOf") and error.context:
        return [p for inner in error.context for p in _prune_paths(inner, data)]
    path = tuple(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path:
        return [(*path, error.instance)]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        return [(*path, key) for key in error.instance if key not in known]
    if error.schema is False:
        parent = _at(data, path)
        return [path] if not isinstance(parent, dict) else [(*path, k) for k in list(parent)]
    return [path]


def _drop(data: dict[str, Any], path: tuple[Any, ...], copied: set[int]) -> bool:
    """Remove one node; False when the node is the whole spec or a top-level key.

    The containers on the way are copied first (once each: `copied`), so the loaded
    document stays as it was without copying all of it.
    """
    # Removing a list item would shift the positions of the items after it, so a bad item
    # takes its whole list with it.
    try:
        while path and isinstance(_at(data, path[:-1]), list):
            path = path[:-1]
    except (KeyError, IndexError, TypeError):
        return True  # already gone with an enclosing node
    if len(path) <= 1:
        return False
    node: Any = data
    for step in path[:-1]:
        if not isinstance(node, dict) or step not in node:
            return True  # already gone with an enclosing node
        child = node[step]
        if id(child) not in copied:
            child = dict(child) if isinstance(child, dict) else list(child)
            copied.add(id(child))
            node[step] = child
        node = child
    if isinstance(node, dict):
        node.pop(path[-1], None)
    return True


# A named entity (a region, a tenant) removed would change the estate every rule looks at.
_ENTITIES = ("regions", "tenants")


def check(doc: LoadedDocument, rounds: int = 8) -> tuple[list[Finding], dict[str, Any] | None]:
    """The schema's findings, and the spec with every node the schema rejects removed.

    Lint reports the schema findings and the semantic findings of everything else in one
    run. The pruned spec is None when what is left would not be the user's estate: a
    top-level key, a whole region or tenant had to go (the rules would then report what is
    missing, not what is wrong).
    """
    if _is_valid()(doc.data):
        return [], doc.data if isinstance(doc.data, dict) else None
    errors = list(_validator().iter_errors(doc.data))
    findings = _findings(errors, doc)
    if not errors:
        return findings, doc.data if isinstance(doc.data, dict) else None
    if not isinstance(doc.data, dict):
        return findings, None
    data: dict[str, Any] = dict(doc.data)
    copied = {id(data)}
    for _ in range(rounds):
        paths = {p for error in errors for p in _prune_paths(error, data)}
        # Deepest first, so a parent removed later does not hide a sibling's removal.
        for path in sorted(paths, key=len, reverse=True):
            if (len(path) == 2 and path[0] in _ENTITIES) or not _drop(data, path, copied):
                return findings, None
        errors = list(_validator().iter_errors(data))
        if not errors:
            return findings, data
    return findings, None
