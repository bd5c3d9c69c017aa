"""One lint run reports every finding: the schema's, and the semantic rules' over every part
of the spec that passed the schema, each once, in file order."""

from __future__ import annotations

from pathlib import Path

from regionform.api import lint_spec

SPEC = """\
version: 1
project: acme
environment: prod
state:
  backend: local
regions:
  ap-south-1:
    role: primary
    colour: blue
    vpc: {cidr: 10.1.0.0/16, az_count: 9}
  ap-southeast-1:
    role: dr
    vpc: {cidr: 10.1.0.0/17}
tenants:
  Bad_Tenant:
    home: ap-south-1
    countries: [IN]
"""


def lint(tmp_path: Path, text: str) -> list[tuple[str, int, int]]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    return [(f.code, f.location.line, f.location.column) for f in lint_spec(spec)]


def test_an_unknown_key_does_not_hide_the_semantic_findings(tmp_path: Path) -> None:
    assert lint(tmp_path, SPEC) == [
        ("RF010", 9, 5),  # unknown key colour
        ("RF013", 10, 40),  # az_count out of range
        ("RF101", 13, 17),  # overlapping CIDR
        ("RF108", 15, 3),  # tenant id not DNS-safe
    ]


def test_a_region_the_schema_cannot_read_stops_at_the_schema(tmp_path: Path) -> None:
    # Without its vpc, ap-southeast-1 would vanish from the estate, and the rules would
    # report what is missing (tenants homed nowhere) instead of what is wrong.
    broken = SPEC.replace("    vpc: {cidr: 10.1.0.0/17}\n", "")
    assert lint(tmp_path, broken) == [("RF010", 9, 5), ("RF013", 10, 40), ("RF011", 11, 3)]


def test_each_finding_is_reported_once(tmp_path: Path) -> None:
    found = lint(tmp_path, SPEC)
    assert len(found) == len(set(found))
    assert found == sorted(found, key=lambda f: (f[1], f[2]))
