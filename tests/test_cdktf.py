"""The cdktf engine: the same root as the json engine, through CDK for Terraform.

The bindings (cdktf, cdktf-cdktf-provider-aws, node through jsii) load once per session;
tests that need them skip when the cdktf extra is not installed. The json roots of the same
examples are validated by tests/test_terraform.py; here the cdktf roots and the example app
are.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import EXAMPLES, REPO, Terraform

from regionform.api import generate
from regionform.findings import UsageError

PROJECT_ONE = REPO / "examples" / "project-one.yaml"
APP = REPO / "examples" / "cdktf-app"
# What the native engine must never load.
CDKTF_MODULES = ("cdktf", "cdktf_cdktf_provider_aws", "constructs", "jsii")


@pytest.fixture(scope="session")
def bindings() -> ModuleType:
    """regionform's cdktf stack, with cdktf and the aws bindings loaded (once: ~20 s)."""
    # Through regionform's module, which quiets jsii's Node.js banners before node starts.
    return pytest.importorskip(
        "regionform.render.cdktf_stack",
        reason="the cdktf extra is not installed",
        exc_type=ImportError,
    )


@pytest.fixture(scope="session")
def templates_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Project One with spec text that looks like Terraform templates."""
    text = PROJECT_ONE.read_text()
    text = text.replace(
        "description: SEBI-registered financial advisors",
        'description: "SEBI ${local.x} advisors %{if y}"',
    )
    spec = tmp_path_factory.mktemp("templates") / "templates.yaml"
    spec.write_text(text)
    return spec


def _specs(templates_spec: Path) -> dict[str, Path]:
    return {**{e.stem: e for e in EXAMPLES}, "templates": templates_spec}


@pytest.fixture(scope="session")
def roots(
    bindings: ModuleType, templates_spec: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Path]:
    """(spec, engine) → generated root, for every example and both engines."""
    generated = {}
    for name, spec in _specs(templates_spec).items():
        for engine in ("native", "cdktf"):
            out = tmp_path_factory.mktemp(f"{name}-{engine}")
            generated[(name, engine)] = generate(spec, out, "json", engine=engine).root
    return generated


def _without_comments(value: Any) -> Any:
    """Drop every "//" property: cdktf's metadata and our header."""
    if isinstance(value, dict):
        return {k: _without_comments(v) for k, v in value.items() if k != "//"}
    if isinstance(value, list):
        return [_without_comments(v) for v in value]
    return value


def _merge(into: dict[str, Any], body: dict[str, Any], where: str) -> None:
    """Merge one .tf.json body into the whole configuration, as Terraform does per block."""
    for key, value in body.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value, f"{where}.{key}")
        else:
            assert key not in into, f"{where}.{key} defined twice"
            into[key] = value


def _configuration(root: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted(root.glob("*.tf.json")):
        _merge(merged, _without_comments(json.loads(path.read_text())), path.name)
    return merged


@pytest.mark.cdktf
@pytest.mark.parametrize("name", [*(e.stem for e in EXAMPLES), "templates"])
def test_cdktf_document_equals_the_json_engines(
    roots: dict[tuple[str, str], Path], name: str
) -> None:
    native = roots[(name, "native")]
    cdktf = roots[(name, "cdktf")]
    assert [p.name for p in cdktf.glob("*.tf.json")] == ["cdk.tf.json"]
    assert _configuration(cdktf) == _configuration(native)
    # Same modules next to both roots.
    modules = sorted(p.relative_to(native) for p in native.glob("modules/**/*") if p.is_file())
    assert modules == sorted(
        p.relative_to(cdktf) for p in cdktf.glob("modules/**/*") if p.is_file()
    )


@pytest.mark.cdktf
def test_spec_text_that_looks_like_a_template_stays_literal(
    roots: dict[tuple[str, str], Path],
) -> None:
    text = (roots[("templates", "cdktf")] / "cdk.tf.json").read_text()
    assert '"description": "SEBI $${local.x} advisors %%{if y}"' in text


@pytest.mark.cdktf
def test_logical_ids_are_the_documents_names(roots: dict[tuple[str, str], Path]) -> None:
    config = json.loads((roots[("bizflow", "cdktf")] / "cdk.tf.json").read_text())
    assert "vpc_ap_south_1" in config["module"]
    assert config["module"]["vpc_ap_south_1"]["providers"] == {"aws": "aws.ap_south_1"}
    assert "region_ap_south_1" in config["output"]
    aliases = [p["alias"] for p in config["provider"]["aws"]]
    assert aliases == ["ap_south_1", "ap_southeast_1", "eu_west_2", "me_south_1", "us_east_1"]
    # cdktf's metadata stays, and names the construct path it came from.
    assert config["module"]["vpc_ap_south_1"]["//"]["metadata"]["uniqueId"] == "vpc_ap_south_1"


@pytest.mark.cdktf
@pytest.mark.terraform
@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_cdktf_root_inits_offline_and_validates(
    roots: dict[tuple[str, str], Path], terraform: Terraform, example: str
) -> None:
    root = roots[(example, "cdktf")]
    terraform.run(root, "init", "-backend=false", "-input=false", "-no-color")
    assert "Success" in terraform.run(root, "validate", "-no-color").stdout


@pytest.mark.cdktf
def test_check_mode_reports_a_fresh_cdktf_root_up_to_date(
    roots: dict[tuple[str, str], Path],
) -> None:
    root = roots[("project-one", "cdktf")]
    result = generate(PROJECT_ONE, root.parent, engine="cdktf", check=True)
    assert result.up_to_date, (result.stale, result.missing, result.extra)


def test_cdktf_engine_refuses_hcl() -> None:
    with pytest.raises(UsageError, match="writes JSON only"):
        generate(PROJECT_ONE, "unused", "hcl", engine="cdktf", check=True)


def _run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


_LOADED_AFTER = """
import sys
from regionform.cli import main
sys.argv = ["regionform", *{args!r}]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print(sorted(m for m in sys.modules if m.split(".")[0] in {modules!r}))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["lint", str(REPO / "examples" / "bizflow.yaml")],
        ["generate", str(PROJECT_ONE), "--out", "out", "--format", "hcl"],
        ["generate", str(PROJECT_ONE), "--out", "out", "--format", "json"],
    ],
    ids=["lint", "generate-hcl", "generate-json"],
)
def test_lint_and_the_native_engine_never_import_cdktf(args: list[str], tmp_path: Path) -> None:
    result = _run_python(_LOADED_AFTER.format(args=args, modules=set(CDKTF_MODULES)), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


_WITHOUT_EXTRA = """
import sys
from importlib.abc import MetaPathFinder

class NoCdktf(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {modules!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, NoCdktf())
from regionform.cli import main
sys.argv = ["regionform", "generate", {spec!r}, "--out", "out", "--engine", "cdktf"]
main()
"""


def test_without_the_extra_the_cdktf_engine_says_how_to_install_it(tmp_path: Path) -> None:
    code = _WITHOUT_EXTRA.format(modules=set(CDKTF_MODULES), spec=str(PROJECT_ONE))
    result = _run_python(code, tmp_path)
    assert result.returncode == 2
    assert "pip install 'regionform[cdktf]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_without_node_the_cdktf_engine_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "regionform", "generate", str(PROJECT_ONE), "--engine", "cdktf"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PATH": str(tmp_path)},  # no node here
    )
    assert result.returncode == 2
    assert "needs Node.js" in result.stderr
    assert "Traceback" not in result.stderr


# -- the example app -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def app_stack(bindings: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/cdktf-app synthesized; the stack's folder."""
    module_spec = importlib.util.spec_from_file_location("cdktf_app_main", APP / "main.py")
    assert module_spec is not None and module_spec.loader is not None
    app_main = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(app_main)
    outdir = tmp_path_factory.mktemp("cdktf-app")
    app_main.build_app(str(outdir)).synth()
    return outdir / "stacks" / "production"


@pytest.mark.cdktf
def test_example_app_adds_its_queue_next_to_the_generated_modules(app_stack: Path) -> None:
    config = json.loads((app_stack / "cdk.tf.json").read_text())
    queue = config["resource"]["aws_sqs_queue"]["whatsapp_jobs"]
    assert queue["provider"] == "aws.ap_south_1"
    # Wired to the generated kms module's output: Terraform orders the key before the queue.
    assert queue["kms_master_key_id"] == "${module.kms_ap_south_1.key_arns.storage}"
    assert config["output"]["whatsapp_jobs_queue_url"]["value"] == (
        "${aws_sqs_queue.whatsapp_jobs.url}"
    )
    # The generated root is all there, under its own names.
    assert {"vpc_ap_south_1", "kms_ap_south_1", "route53"} <= set(config["module"])
    # Modules are bundled as cdktf assets, so the stack folder is self-contained.
    source = config["module"]["vpc_ap_south_1"]["source"]
    assert source.startswith("./assets/module_vpc/")
    assert (app_stack / source / "main.tf").is_file()


@pytest.mark.cdktf
@pytest.mark.terraform
def test_example_app_inits_offline_and_validates(app_stack: Path, terraform: Terraform) -> None:
    terraform.run(app_stack, "init", "-backend=false", "-input=false", "-no-color")
    assert "Success" in terraform.run(app_stack, "validate", "-no-color").stdout
