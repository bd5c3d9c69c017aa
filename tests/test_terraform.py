"""Ground truth: what regionform generates must pass real Terraform, offline."""

from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, Terraform
from hcl_equivalence import canonical_hcl, canonical_json, numbers_as_json

from regionform.api import generate

pytestmark = pytest.mark.terraform
MODULES = sorted(p for p in (REPO / "modules").iterdir() if (p / "main.tf").exists())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    roots = {}
    for example in EXAMPLES:
        for output_format in ("hcl", "json"):
            out = tmp_path_factory.mktemp(f"{example.stem}-{output_format}")
            roots[(example.stem, output_format)] = generate(example, out, output_format).root
    return roots


# test_plan.py plans this HCL root of every example against moto (a plan validates first);
# here Terraform itself reads both renderings (init decodes every file) and `fmt` leaves the
# HCL as it is. The equivalence test below proves both are one configuration.
@pytest.mark.parametrize("output_format", ["hcl", "json"])
@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_example_inits_and_is_formatted(
    generated: dict[tuple[str, str], Path], terraform: Terraform, example: str, output_format: str
) -> None:
    root = generated[(example, output_format)]
    terraform.run(root, "init", "-backend=false", "-input=false", "-no-color")
    fmt = terraform.run(root, "fmt", "-check", "-recursive", "-diff", "-no-color", check=False)
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_hcl_and_json_renderings_are_the_same_configuration(
    generated: dict[tuple[str, str], Path], example: str
) -> None:
    hcl_root = generated[(example, "hcl")]
    json_root = generated[(example, "json")]
    hcl_files = sorted(p.name for p in hcl_root.glob("*.tf"))
    json_files = sorted(p.name.removesuffix(".json") for p in json_root.glob("*.tf.json"))
    assert hcl_files == json_files
    for name in hcl_files:
        assert numbers_as_json(canonical_hcl(hcl_root / name)) == numbers_as_json(
            canonical_json(json_root / f"{name}.json")
        ), name
    # The bundled modules are the same files in both.
    for module_file in sorted(hcl_root.glob("modules/**/*")):
        if module_file.is_file():
            twin = json_root / module_file.relative_to(hcl_root)
            assert twin.read_bytes() == module_file.read_bytes()


def _module_test(terraform: Terraform, module: str, work: Path) -> tuple[str, str]:
    """`fmt -check` output and `terraform test` output of one module, run in a copy of it."""
    shutil.copytree(
        REPO / "modules" / module,
        work,
        ignore=shutil.ignore_patterns(".terraform", ".terraform.lock.hcl"),
    )
    with _INIT:
        terraform.run(work, "init", "-backend=false", "-input=false", "-no-color")
    fmt = terraform.run(work, "fmt", "-check", "-recursive", "-no-color", check=False)
    result = terraform.run(work, "test", "-no-color", check=False)
    return fmt.stdout if fmt.returncode else "", result.stdout + result.stderr


# Concurrent inits race on the shared plugin cache ("mkdir …: file exists"); tests don't.
_INIT = threading.Lock()


@pytest.fixture(scope="module")
def module_tests(
    terraform: Terraform, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[str, str]]:
    """Every module's own tests, two modules at a time: one `terraform test` runs its `run`
    blocks one after another and keeps a core busy about half the time (each block starts a
    provider), so a second one fills the gaps."""
    work = tmp_path_factory.mktemp("module-tests")
    names = [m.name for m in MODULES]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda name: _module_test(terraform, name, work / name), names)
        return dict(zip(names, results, strict=True))


@pytest.mark.parametrize("module", [m.name for m in MODULES])
def test_module_passes_its_own_terraform_tests(
    module_tests: dict[str, tuple[str, str]], module: str
) -> None:
    unformatted, output = module_tests[module]
    assert unformatted == "", unformatted
    assert "0 failed" in output, output
