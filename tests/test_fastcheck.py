"""The compiled schema check: it may send a valid spec to jsonschema, never let a bad one by."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regionform.findings import SpecError
from regionform.spec import validate
from regionform.spec.fastcheck import compile_schema
from regionform.spec.loader import load_file

REPO = Path(__file__).resolve().parent.parent
SPECS = sorted(
    [
        *REPO.glob("examples/*.yaml"),
        *REPO.glob("tests/rules/*/*.yaml"),
        *REPO.glob("tests/hostile/*.yaml"),
    ]
)


def _data(path: Path) -> Any:
    try:
        return load_file(path).data
    except SpecError:
        pytest.skip("the loader refuses it; the schema never sees it")


@pytest.mark.parametrize("path", SPECS, ids=[str(p.relative_to(REPO)) for p in SPECS])
def test_it_agrees_with_jsonschema_on_every_spec_in_the_repository(path: Path) -> None:
    data = _data(path)
    has_errors = any(True for _ in validate._validator().iter_errors(data))
    assert validate._is_valid()(data) is not has_errors


@pytest.mark.parametrize(
    ("schema", "good", "bad"),
    [
        ({"type": "integer"}, [3, 3.0], [True, "3", 3.5]),
        ({"type": ["string", "null"]}, ["x", None], [1, []]),
        ({"enum": ["a", 1]}, ["a", 1], ["b", True, 2]),
        ({"const": False}, [False], [0, None]),
        ({"pattern": "^a+$", "maxLength": 3}, ["aa", 5], ["ab", "aaaa"]),
        ({"minimum": 1, "maximum": 2}, [1, 2.0, "x"], [0, 2.5]),
        (
            {"items": {"type": "string"}, "uniqueItems": True, "minItems": 1},
            [["a"]],
            [[], ["a", "a"], [1]],
        ),
        (
            {
                "properties": {"a": {"type": "integer"}},
                "required": ["a"],
                "additionalProperties": False,
            },
            [{"a": 1}],
            [{}, {"a": "1"}, {"a": 1, "b": 2}],
        ),
        (
            {"propertyNames": {"pattern": "^[a-z]+$"}, "maxProperties": 1},
            [{"ab": 1}],
            [{"A": 1}, {"a": 1, "b": 2}],
        ),
        (
            {"if": {"required": ["a"]}, "then": {"required": ["b"]}},
            [{}, {"a": 1, "b": 1}],
            [{"a": 1}],
        ),
        ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, [-1, "x" * 0 + "s"], [1]),
        ({"anyOf": [{"type": "integer"}, {"type": "null"}]}, [1, None], ["x"]),
        ({"allOf": [{"minimum": 0}, {"maximum": 1}]}, [0, 1], [2]),
        ({"not": {"type": "integer"}}, [], ["x", 1]),
        (False, [], [None, 1]),
    ],
    ids=lambda v: str(v)[:40],
)
def test_each_keyword_answers_as_the_specification_says(
    schema: Any, good: list[Any], bad: list[Any]
) -> None:
    from jsonschema import Draft202012Validator

    check = compile_schema(schema)
    reference = Draft202012Validator(schema)
    for value in good:
        assert reference.is_valid(value) and check(value), value
    for value in bad:
        # Unknown keywords (`not`) say no even where jsonschema says yes: never the reverse.
        assert not check(value), value
