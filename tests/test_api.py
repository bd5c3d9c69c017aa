"""The Python API the README documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

import regionform
from regionform.findings import SpecError

BIZFLOW = REPO / "examples" / "bizflow.yaml"


def test_load_generate_and_check_from_the_package_root(tmp_path: Path) -> None:
    spec = regionform.load_spec(BIZFLOW)
    assert [r.name for r in spec.regions] == [
        "ap-south-1",
        "ap-southeast-1",
        "eu-west-2",
        "me-south-1",
    ]
    result = regionform.generate(spec, out=tmp_path, output_format="json")
    assert "providers.tf.json" in result.written
    assert regionform.generate(spec, out=tmp_path, output_format="json", check=True).up_to_date


def test_load_spec_raises_with_every_finding(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        BIZFLOW.read_text()
        .replace("10.2.0.0/16", "10.1.0.0/16")
        .replace("home: eu-west-2", "home: eu-west-3")
    )
    with pytest.raises(SpecError) as info:
        regionform.load_spec(broken)
    assert [f.code for f in info.value.findings] == ["RF101", "RF106"]


def test_lint_spec_returns_findings_instead_of_raising(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\n")
    assert {f.code for f in regionform.lint_spec(broken)} == {"RF011"}
