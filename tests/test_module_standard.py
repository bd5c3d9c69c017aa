"""Every Terraform module keeps the terraform-aws-modules layout: its files, typed and described
inputs, described outputs, and an `examples/basic` root that its own `terraform test` plans."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from hcl2.api import loads

MODULES = sorted(p for p in (REPO / "modules").iterdir() if (p / "main.tf").is_file())
EXAMPLE_SOURCE = re.compile(r'module\s*\{\s*source\s*=\s*"\./examples/basic"\s*\}')
PLAN = re.compile(r"^\s*command\s*=\s*plan\s*$", re.MULTILINE)


def blocks(path: Path, kind: str) -> dict[str, dict[str, Any]]:
    parsed = loads(path.read_text())
    return {name: body for entry in parsed.get(kind, []) for name, body in entry.items()}


def test_the_modules_are_found() -> None:
    assert {"eks", "kms", "rds", "redis", "route53", "s3", "vpc", "waf"} <= {
        m.name for m in MODULES
    }


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_module_has_the_standard_files(module: Path) -> None:
    for name in ("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md"):
        assert (module / name).is_file(), f"{module.name} lacks {name}"
    assert list((module / "tests").glob("*.tftest.hcl")), f"{module.name} has no terraform test"
    assert (module / "examples" / "basic" / "main.tf").is_file()
    assert "required_providers" in (module / "versions.tf").read_text()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_every_input_is_typed_and_described(module: Path) -> None:
    for name, body in blocks(module / "variables.tf", "variable").items():
        assert body.get("description", [""])[0].strip(), f"{module.name}: var.{name}"
        assert "type" in body, f"{module.name}: var.{name} has no type"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_every_output_is_described(module: Path) -> None:
    for name, body in blocks(module / "outputs.tf", "output").items():
        assert body.get("description", [""])[0].strip(), f"{module.name}: output.{name}"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_the_basic_example_is_planned_by_the_modules_tests(module: Path) -> None:
    tests = "\n".join(p.read_text() for p in sorted((module / "tests").glob("*.tftest.hcl")))
    # Each chunk runs from one `run` block to the next.
    runs = re.split(r'^run\s+"', tests, flags=re.MULTILINE)[1:]
    assert any(EXAMPLE_SOURCE.search(run) and PLAN.search(run) for run in runs), (
        f"{module.name}: no run block plans ./examples/basic "
        '(run "example_basic" { command = plan  module { source = "./examples/basic" } })'
    )
    example = (module / "examples" / "basic" / "main.tf").read_text()
    assert re.search(r'source\s*=\s*"\.\./\.\."', example), "the example must call ../.."
    assert 'provider "aws"' in example, "the example configures its provider"
