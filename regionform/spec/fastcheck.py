"""A yes/no answer to "does this data satisfy the schema?", compiled once, in one pass.

jsonschema builds a validator object and an error generator for every node it visits, which
made schema validation about half of lint's time on large estates (0.4 ms a tenant). A clean
spec needs no messages, only the answer, so the schema is compiled into nested closures that
answer it ten times faster; only when the answer is no does `validate` ask jsonschema for
the located, explained errors.

The closures may say no where jsonschema says yes (that costs only time: jsonschema then
runs and finds nothing), never the other way round. Any keyword this module does not know
compiles to "no", so a schema that grows a new keyword stays correct, just slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that describe or annotate and never reject a value.
_ANNOTATIONS = frozenset(
    {
        *("description", "x-hint", "x-suggest", "default", "title"),
        *("$schema", "$id", "examples", "$comment"),
    }
)


def _never(_: Any) -> bool:
    return False


def _always(_: Any) -> bool:
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    # jsonschema counts 3.0 as an integer; so do we.
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


def _type(expected: Any) -> Check:
    names = [expected] if isinstance(expected, str) else list(expected)
    if not all(name in _TYPES for name in names):
        return _never
    checks = [_TYPES[name] for name in names]
    if len(checks) == 1:
        return checks[0]
    return lambda v: any(check(v) for check in checks)


def _enum(options: list[Any]) -> Check:
    strings = frozenset(o for o in options if isinstance(o, str))
    others = [o for o in options if not isinstance(o, str)]

    def check(value: Any) -> bool:
        if isinstance(value, str):
            return value in strings
        # Same type and equal: stricter than jsonschema for 1 against 1.0, which is allowed.
        return any(type(o) is type(value) and o == value for o in others)

    return check


def _unique(value: Any) -> bool:
    if not isinstance(value, list):
        return True
    if all(isinstance(item, str) for item in value):
        return len(set(value)) == len(value)
    return False  # jsonschema's equality rules for mixed items: let it decide


def _keyword(name: str, argument: Any, schema: dict[str, Any]) -> Check | None:
    """One keyword's check; None for keywords that never reject (annotations)."""
    if name in _ANNOTATIONS:
        return None
    if name == "type":
        return _type(argument)
    if name == "enum":
        return _enum(argument)
    if name == "const":
        return _enum([argument])
    if name == "pattern":
        search = re.compile(argument).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if name == "maxLength":
        return lambda v: not isinstance(v, str) or len(v) <= argument
    if name == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= argument
    if name == "minimum":
        return lambda v: not _is_number(v) or v >= argument
    if name == "maximum":
        return lambda v: not _is_number(v) or v <= argument
    if name == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= argument
    if name == "maxItems":
        return lambda v: not isinstance(v, list) or len(v) <= argument
    if name == "minProperties":
        return lambda v: not isinstance(v, dict) or len(v) >= argument
    if name == "maxProperties":
        return lambda v: not isinstance(v, dict) or len(v) <= argument
    if name == "uniqueItems":
        return _unique if argument is True else None
    if name == "required":
        keys = tuple(argument)
        return lambda v: not isinstance(v, dict) or all(k in v for k in keys)
    if name == "items":
        if not isinstance(argument, dict | bool):
            return _never
        item = compile_schema(argument)
        return lambda v: not isinstance(v, list) or all(item(i) for i in v)
    if name == "propertyNames":
        key = compile_schema(argument)
        return lambda v: not isinstance(v, dict) or all(key(k) for k in v)
    if name == "properties":
        return _properties(argument)
    if name == "additionalProperties":
        return _additional(argument, schema)
    if name == "allOf":
        parts = [compile_schema(s) for s in argument]
        return lambda v: all(part(v) for part in parts)
    if name == "anyOf":
        parts = [compile_schema(s) for s in argument]
        return lambda v: any(part(v) for part in parts)
    if name == "oneOf":
        parts = [compile_schema(s) for s in argument]
        return lambda v: sum(1 for part in parts if part(v)) == 1
    if name == "if":
        condition = compile_schema(argument)
        then = compile_schema(schema.get("then", True))
        otherwise = compile_schema(schema.get("else", True))
        return lambda v: then(v) if condition(v) else otherwise(v)
    if name in ("then", "else"):
        return None  # compiled with their `if`
    return _never


def _properties(properties: dict[str, Any]) -> Check:
    checks = {key: compile_schema(sub) for key, sub in properties.items()}

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for key, item in value.items():
            known = checks.get(key)
            if known is not None and not known(item):
                return False
        return True

    return check


def _additional(argument: Any, schema: dict[str, Any]) -> Check:
    if "patternProperties" in schema:
        return _never
    known = frozenset(schema.get("properties", {}))
    extra = compile_schema(argument)

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        return all(extra(item) for key, item in value.items() if key not in known)

    return check


def compile_schema(schema: Any) -> Check:
    """A function telling whether a value satisfies `schema` (refs already inlined)."""
    if schema is True:
        return _always
    if schema is False or not isinstance(schema, dict):
        return _never
    if "$ref" in schema or "$dynamicRef" in schema:
        return _never
    checks = [
        check
        for name, argument in schema.items()
        if (check := _keyword(name, argument, schema)) is not None
    ]
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    return lambda v: all(check(v) for check in checks)
