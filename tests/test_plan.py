"""`regionform plan` for real: Terraform plans every example against moto's server.

One moto server serves the whole file (started once, reset before each test that applies,
stopped at the end). Each generated root gets `regionform_moto_override.tf.json` from the
`prepare` hook (or is planned with `--no-generate` after a test wrote it): the generated code
itself never knows about moto. Counts are checked against Terraform's own `show -json`,
computed here without regionform's summary code.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import EXAMPLES, Terraform
from moto_server import MotoServer, moto_server, write_moto_override

from regionform.api import generate
from regionform.plan.run import PlanResult, run_plan
from regionform.plan.runner import PLAN_FILE, Target

pytestmark = pytest.mark.terraform

LAYOUTS = ("single", "per-region")

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


def point_at(server: MotoServer) -> Callable[[Target], None]:
    """The prepare hook: this root talks to moto and keeps local state next to it."""

    def prepare(target: Target) -> None:
        # Per-region roots read their neighbours' state: `<alias>` → `<root>/terraform.tfstate`.
        neighbours = {
            d.name.replace("-", "_"): d / "terraform.tfstate"
            for d in target.path.parent.iterdir()
            if d.is_dir()
        }
        write_moto_override(
            target.path, server.endpoint, target.path / "terraform.tfstate", neighbours
        )

    return prepare


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regionform", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


@pytest.fixture(scope="session")
def planned(
    moto: MotoServer, terraform_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[PlanResult, Path]]:
    """Every example in every layout, planned on an empty account (two plans at a time).

    The single layout is planned as HCL (the default format), per-region roots as JSON: each
    rendering meets `terraform plan` in one layout, and the equivalence tests in
    test_terraform.py and test_layout.py prove the other rendering of each layout is the
    same configuration.
    """
    moto.reset()
    cases = [(spec.stem, layout) for spec in EXAMPLES for layout in LAYOUTS]

    def plan(case: tuple[str, str]) -> tuple[PlanResult, Path]:
        example, layout = case
        out = tmp_path_factory.mktemp(f"plan-{example}-{layout}")
        result = run_plan(
            next(spec for spec in EXAMPLES if spec.stem == example),
            out=out,
            output_format="hcl" if layout == "single" else "json",
            layout=layout,
            env=terraform_env,
            prepare=point_at(moto),
            parallel=4,
        )
        return result, out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(cases, pool.map(plan, cases), strict=True))


def independent_counts(plan: dict[str, object]) -> Counter[tuple[str, str]]:
    """(module call, add|change|destroy) → count, straight from `terraform show -json`."""
    counts: Counter[tuple[str, str]] = Counter()
    for rc in plan["resource_changes"]:  # type: ignore[attr-defined]
        if rc["mode"] != "managed":
            continue
        address = rc["address"]
        module = address.split(".")[1].split("[")[0] if address.startswith("module.") else "(root)"
        actions = rc["change"]["actions"]
        if "create" in actions:
            counts[(module, "add")] += 1
        if "delete" in actions:
            counts[(module, "destroy")] += 1
        if actions == ["update"]:
            counts[(module, "change")] += 1
    return counts


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("example", [spec.stem for spec in EXAMPLES])
def test_plan_succeeds_and_counts_equal_terraforms(
    planned: dict[tuple[str, str], tuple[PlanResult, Path]],
    example: str,
    layout: str,
) -> None:
    result, out = planned[(example, layout)]
    assert result.failures == ()
    assert result.exit_code(detailed_exitcode=True) == 2  # an empty account: all to add
    assert result.summary.roots, "no roots planned"
    for root in result.summary.roots:
        # Terraform's own `show -json` of the saved plan, as the runner read it; the counts
        # below are computed from it here, without regionform's summary code.
        shown = result.plans[root.root]
        assert (out / root.path / PLAN_FILE).is_file(), "the saved plan stays for apply"
        ours = Counter(
            {
                (row.module, kind): n
                for row in root.rows
                for kind, n in (("add", row.add), ("change", row.change), ("destroy", row.destroy))
                if n
            }
        )
        assert ours == independent_counts(shown), root.root
        assert all(row.region != "-" for row in root.rows), "every module's region is known"


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
    merged = cli(terraform_env, "summarize", str(tmp_path / "summary.json"))
    assert merged.stdout == (tmp_path / "summary.md").read_text()


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
