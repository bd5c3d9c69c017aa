"""The loader: positions for every node, and hostile input refused fast and clearly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from regionform.findings import SpecError
from regionform.spec.loader import MAX_BYTES, load_file, parse_text


def codes(error: SpecError) -> list[str]:
    return [f.code for f in error.findings]


def test_positions_of_keys_and_values() -> None:
    doc = parse_text("a:\n  b: [x, {c: 1}]\n", "s.yaml")
    assert str(doc.source.key(("a", "b"))) == "s.yaml:2:3"
    assert str(doc.source.value(("a", "b", 1, "c"))) == "s.yaml:2:14"


def test_yaml_1_2_scalars_keep_norway_a_country() -> None:
    doc = parse_text("c: [NO, yes, on, 'true', true, 010, 1e3, ~]\n", "s.yaml")
    assert doc.data == {"c": ["NO", "yes", "on", "true", True, 10, 1000.0, None]}


def test_all_duplicate_keys_are_reported_at_once() -> None:
    with pytest.raises(SpecError) as info:
        parse_text("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "s.yaml")
    assert [(f.code, f.location.line) for f in info.value.findings] == [
        ("RF002", 4),
        ("RF002", 5),
    ]


def test_anchors_and_merge_keys_work() -> None:
    doc = parse_text("base: &b {az_count: 3}\nvpc:\n  <<: *b\n  cidr: x\n", "s.yaml")
    assert doc.data["vpc"] == {"az_count": 3, "cidr": "x"}


def test_alias_bomb_is_refused_fast() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    start = time.monotonic()
    with pytest.raises(SpecError) as info:
        parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert time.monotonic() - start < 1
    assert codes(info.value) == ["RF006"]


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(SpecError) as info:
        parse_text("a: " + "[" * 100 + "]" * 100 + "\n", "deep.yaml")
    assert codes(info.value) == ["RF005"]


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    start = time.monotonic()
    with pytest.raises(SpecError) as info:
        load_file(big)
    assert time.monotonic() - start < 1
    assert codes(info.value) == ["RF003"]


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [(b"a: 1\nb: caf\xe9\n", 2, 7), (b"\xff\xfeb\x00", 1, 1), (b"a: 1\n\x00\x01\x02", 2, 1)],
    ids=["latin-1", "utf-16", "binary"],
)
def test_undecodable_files_are_refused_with_a_position(
    tmp_path: Path, content: bytes, line: int, column: int
) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_bytes(content)
    with pytest.raises(SpecError) as info:
        load_file(spec)
    (finding,) = info.value.findings
    assert (finding.code, finding.location.line, finding.location.column) == ("RF004", line, column)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_file(spec).data == {"a": 1}


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(SpecError) as info:
        parse_text("a: &a [1, *a]\n", "s.yaml")
    assert codes(info.value) == ["RF006"]
