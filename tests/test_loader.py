"""The loader: positions for every node, and hostile input refused fast and clearly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.synthetic import synthetic_spec
from regionform.findings import SpecError
from regionform.spec import loader
from regionform.spec.limits import MAX_BYTES
from regionform.spec.loader import load_file, parse_text


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


def test_the_largest_promised_estate_written_out_plainly_is_accepted() -> None:
    # 16 regions by 50,000 tenants: the estate the size caps are sized for.
    text = synthetic_spec(16, 50_000)
    assert len(text.encode()) < MAX_BYTES
    doc = parse_text(text, "estate.yaml")
    assert len(doc.data["tenants"]) == 50_000
    assert str(doc.source.key(("tenants", "tenant-49999", "tier"))) == "estate.yaml:200118:5"


def test_written_nodes_over_the_size_cap_are_refused_as_too_large(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "MAX_NODES", 1_000)
    with pytest.raises(SpecError) as info:
        parse_text("a: [" + "x, " * 1_000 + "x]\n", "big.yaml")
    (finding,) = info.value.findings
    assert (finding.code, finding.location.line) == ("RF003", 1)
    assert "more than 1000 values" in finding.message


def test_aliases_may_add_a_few_times_what_the_document_writes_out() -> None:
    # A defaults anchor merged into each of 30,000 tenants: 150,000 nodes copied against
    # 60,000 written (the 100,000-node allowance alone would not do).
    tenants = "".join(f"  t{n}: {{<<: *d, id: {n}}}\n" for n in range(30_000))
    text = "d: &d {home: x, tier: pooled, countries: [IE]}\ntenants:\n" + tenants
    doc = parse_text(text, "s.yaml")
    assert doc.data["tenants"]["t29999"] == {
        "home": "x",
        "tier": "pooled",
        "countries": ["IE"],
        "id": 29999,
    }


def test_aliases_that_add_more_than_the_document_holds_are_a_bomb() -> None:
    # Each line copies the previous one 8 times: 9 lines write 80 nodes and expand to 10^7.
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 8) + "]" for i in range(1, 9)]
    with pytest.raises(SpecError) as info:
        parse_text("\n".join(lines) + "\n", "bomb.yaml")
    (finding,) = info.value.findings
    assert finding.code == "RF006"
    assert "more than 100000 nodes" in finding.message
