"""`regionform plan` after an apply: no changes, the refusal of stateful deletes, a failing root.

Apart from tests/test_plan.py (every example planned on an empty account) so that pytest-xdist
runs the two files on different workers: these tests spend most of their time in the aws
provider's waiters while moto's server creates what they apply.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Terraform
from moto_server import MotoServer, moto_server, point_at

from regionform.api import generate
from regionform.plan.run import run_plan
from regionform.plan.runner import PLAN_FILE

pytestmark = pytest.mark.terraform

TINY = """\
version: 1
project: tiny
environment: test
state: {backend: local}
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16, az_count: 2, nat: none}
BUCKETS
tenants:
  acme: {home: ap-south-1, countries: [IN]}
# moto's Security Hub never brings the account into state, and the audit bucket's access
# logging never reads back (tests/test_spec_edits.py, MOTO_CANNOT_CREATE): the tiny estate
# leaves them to an organisation.
security_baseline: {securityhub: false, cloudtrail: false, config: false, centrally_by: the tests}
"""
BUCKETS = """\
    buckets:
      documents: {}
      exports: {}
"""
EXPORTS = 'module.s3_ap_south_1.aws_s3_bucket.this["exports"]'


@pytest.fixture(scope="session")
def moto() -> Iterator[MotoServer]:
    with moto_server() as server:
        yield server


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regionform", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


def test_plan_then_apply_then_plan_again_is_no_changes(
    moto: MotoServer, terraform: Terraform, terraform_env: dict[str, str], tmp_path: Path
) -> None:
    moto.reset()
    spec = tmp_path / "tiny.yaml"
    spec.write_text(TINY.replace("BUCKETS\n", ""))
    out = tmp_path / "out"
    first = run_plan(spec, out=out, output_format="json", env=terraform_env, prepare=point_at(moto))
    assert first.exit_code(detailed_exitcode=True) == 2
    assert first.exit_code(detailed_exitcode=False) == 0
    root = out / "test"
    terraform.run(root, "apply", "-input=false", "-no-color", PLAN_FILE)

    # The override file stays: regionform never touches files it did not write.
    again = cli(
        terraform_env,
        "plan", str(spec), "--out", str(out), "--format", "json", "--no-generate",
        "--detailed-exitcode",
        "--summary-json", str(tmp_path / "summary.json"),
        "--summary-markdown", str(tmp_path / "summary.md"),
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "Plan: 0 to add, 0 to change, 0 to destroy.\nno changes: test\n" in again.stdout
    assert "test: planned: no changes" in again.stderr  # the progress lines
    # The pull-request comment: merged summaries with the estate map, as plan wrote it.
    merged = cli(terraform_env, "summarize", str(tmp_path / "summary.json"), "--map", str(spec))
    assert merged.stdout == (tmp_path / "summary.md").read_text()
    assert "```mermaid" in merged.stdout


def test_refuses_to_delete_a_bucket_unless_allowed(
    moto: MotoServer, terraform: Terraform, terraform_env: dict[str, str], tmp_path: Path
) -> None:
    moto.reset()
    spec = tmp_path / "tiny.yaml"
    spec.write_text(TINY.replace("BUCKETS\n", BUCKETS))
    out = tmp_path / "out"
    run_plan(spec, out=out, output_format="json", env=terraform_env, prepare=point_at(moto))
    root = out / "test"
    # moto never finishes aws_s3_bucket_logging (partitioned key format); the buckets are
    # what this test needs in state.
    terraform.run(
        root, "apply", "-input=false", "-no-color", "-auto-approve",
        "-target=module.s3_ap_south_1.aws_s3_bucket.this",
    )  # fmt: skip

    spec.write_text(TINY.replace("BUCKETS\n", BUCKETS.replace("      exports: {}\n", "")))
    refused = cli(terraform_env, "plan", str(spec), "--out", str(out), "--format", "json")
    assert refused.returncode == 1
    assert f"delete bucket: {EXPORTS} (root test)" in refused.stderr
    assert f"--allow-destroy '{EXPORTS}'" in refused.stderr
    assert "REFUSED: 1 stateful" in refused.stdout
    assert not (root / PLAN_FILE).exists(), "a refused plan must not be left to apply"

    allowed = cli(
        terraform_env,
        "plan", str(spec), "--out", str(out), "--format", "json", "--allow-destroy", EXPORTS,
    )  # fmt: skip
    assert allowed.returncode == 0, allowed.stderr
    assert f"allowed: delete bucket {EXPORTS} (root test)" in allowed.stdout
    assert (root / PLAN_FILE).exists()


def test_a_failing_root_is_named_with_terraforms_error(
    terraform_env: dict[str, str], tmp_path: Path
) -> None:
    spec = tmp_path / "tiny.yaml"
    spec.write_text(TINY.replace("BUCKETS\n", ""))
    out = tmp_path / "out"
    generate(spec, out=out, output_format="json")
    (out / "test" / "broken.tf").write_text('output "x" { value = var.nope }\n')
    result = cli(
        terraform_env, "plan", str(spec), "--out", str(out), "--no-generate", "--format", "json"
    )
    assert result.returncode == 1
    assert f"regionform: root test: terraform init failed in {out / 'test'}:" in result.stderr or (
        f"regionform: root test: terraform plan failed in {out / 'test'}:" in result.stderr
    )
    assert "Error: Reference to undeclared input variable" in result.stderr
    assert "FAILED: test: terraform" in result.stdout
    assert "Traceback" not in result.stderr
