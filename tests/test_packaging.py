"""The wheel carries the Terraform modules and the scaffold templates; a git module source is
referenced, not copied."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO

from regionform.api import load_spec, render_files


def test_wheel_ships_the_modules_and_the_schema(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("regionform-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "regionform/spec/schema.json" in names
    # Countries, unions and Route 53's continents, read by lint.
    assert "regionform/spec/jurisdictions.json" in names
    # `regionform init` renders these templates from the installed package.
    for template in ("spec.yaml", "pre-commit-config.yaml", "regionform.yml"):
        assert f"regionform/scaffold/{template}" in names
    for module in sorted(p.name for p in (REPO / "modules").iterdir() if (p / "main.tf").exists()):
        for part in ("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md"):
            assert f"regionform/_modules/{module}/{part}" in names
    # Only what a root runs: each module's own .tf and .md, never its tests or examples.
    shipped = [n for n in names if n.startswith("regionform/_modules/")]
    assert all(n.count("/") == 3 and n.endswith((".tf", ".md")) for n in shipped), shipped


def test_a_generated_root_copies_each_module_without_its_tests_or_examples() -> None:
    files = render_files(load_spec(REPO / "examples" / "bizflow.yaml"), "hcl", "bizflow.yaml")
    copied = [name for name in files if name.startswith("modules/")]
    assert "modules/eks/main.tf" in copied
    assert (REPO / "modules" / "eks" / "examples" / "basic" / "main.tf").exists()
    assert all(name.count("/") == 2 and name.endswith((".tf", ".md")) for name in copied), copied


def test_git_module_source_is_pinned_and_nothing_is_copied(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        (REPO / "examples" / "bizflow.yaml").read_text()
        + "modules:\n  source: git\n  url: https://github.com/example/regionform.git\n"
        "  ref: v0.1.0\n"
    )
    files = render_files(load_spec(spec_file), "hcl", "spec.yaml")
    assert not any(name.startswith("modules/") for name in files)
    assert (
        'source = "git::https://github.com/example/regionform.git//modules/vpc?ref=v0.1.0"'
        in files["ap-south-1.tf"].decode()
    )
