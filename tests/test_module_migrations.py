"""A module whose resource addresses changed carries `moved` blocks, and they work.

Each migration below applies the module as it was before the change (read from git history)
with a mocked aws provider, then plans the current module over that state. A resource that the
plan would replace has unknown computed attributes, so asserting that every moved resource keeps
the id it was applied with fails on any replacement.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, Terraform
from hcl2.api import loads

pytestmark = pytest.mark.terraform


@dataclass(frozen=True)
class Migration:
    module: str
    # The last commit with the old addresses; the module's files are read from it.
    before: str
    # Mocks, overrides and variables both versions plan with (tftest syntax).
    setup: str
    # Old address (in the old version) -> new address (in the current version).
    moves: dict[str, str]


EKS_SETUP = """
# ARN-valued attributes the provider validates where they are passed on.
mock_provider "aws" {
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-2:123456789012:key/mock" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/bizflow-eks-role" }
  }
  mock_resource "aws_iam_openid_connect_provider" {
    defaults = { arn = "arn:aws:iam::123456789012:oidc-provider/oidc.example" }
  }
}

override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

override_data {
  target = data.aws_partition.current
  values = { partition = "aws", dns_suffix = "amazonaws.com" }
}

override_data {
  target = data.aws_region.current
  values = { name = "eu-west-2" }
}

override_data {
  target = data.aws_subnet.this[0]
  values = { vpc_id = "vpc-0123456789abcdef0", availability_zone = "eu-west-2a" }
}

override_data {
  target = data.aws_subnet.this[1]
  values = { vpc_id = "vpc-0123456789abcdef0", availability_zone = "eu-west-2b" }
}

override_resource {
  target = aws_eks_cluster.this
  values = {
    identity              = [{ oidc = [{ issuer = "https://oidc.example" }] }]
    certificate_authority = [{ data = "bW9jaw==" }]
  }
}

variables {
  cluster_name = "bizflow-euw2"
  vpc_id       = "vpc-0123456789abcdef0"
  subnet_ids   = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
}
"""

MIGRATIONS = (
    Migration(
        module="eks",
        before="d5c78e84668c0bda294b227b2a6adc191783da70",
        setup=EKS_SETUP,
        moves={
            "aws_iam_role.vpc_cni[0]": 'aws_iam_role.irsa["vpc-cni"]',
            "aws_iam_role_policy_attachment.vpc_cni[0]": (
                'aws_iam_role_policy_attachment.irsa["vpc-cni"]'
            ),
            "aws_iam_role.ebs_csi[0]": 'aws_iam_role.irsa["aws-ebs-csi-driver"]',
            "aws_iam_role_policy_attachment.ebs_csi[0]": (
                'aws_iam_role_policy_attachment.irsa["aws-ebs-csi-driver"]'
            ),
        },
    ),
)


def old_module_files(module: str, commit: str) -> dict[str, str]:
    known = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True
    )
    if known.returncode != 0:
        pytest.fail(
            f"commit {commit} is missing: this test needs the history (git fetch --unshallow)"
        )
    listing = subprocess.run(
        ["git", "-C", str(REPO), "ls-tree", "--name-only", commit, f"modules/{module}/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {
        Path(path).name: subprocess.run(
            ["git", "-C", str(REPO), "show", f"{commit}:{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for path in listing
        if path.endswith(".tf")
    }


def migration_test(migration: Migration) -> tuple[str, str]:
    """Outputs exposing each old resource's id, and a test that applies the old version and
    plans the current one over its state."""
    outputs = "".join(
        f'output "moved_{i}" {{\n  value = {old}.id\n}}\n' for i, old in enumerate(migration.moves)
    )
    kept = "".join(
        f"  assert {{\n"
        f"    condition     = {new}.id == run.old.moved_{i}\n"
        f"    error_message = {json.dumps(f'{new} must keep the object applied as {old}.')}\n"
        f"  }}\n"
        for i, (old, new) in enumerate(migration.moves.items())
    )
    test = f"""{migration.setup}
run "old" {{
  state_key = "migration"
  module {{
    source = "./old"
  }}
}}

run "current" {{
  command   = plan
  state_key = "migration"
{kept}}}
"""
    return outputs, test


@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda m: m.module)
def test_moved_blocks_carry_state_from_the_old_version(
    terraform: Terraform, migration: Migration, tmp_path: Path
) -> None:
    work = tmp_path / migration.module
    shutil.copytree(
        REPO / "modules" / migration.module,
        work,
        ignore=shutil.ignore_patterns(".terraform", ".terraform.lock.hcl", "tests", "examples"),
    )
    old = work / "old"
    old.mkdir()
    outputs, test = migration_test(migration)
    for name, text in old_module_files(migration.module, migration.before).items():
        (old / name).write_text(text)
    (old / "migration_outputs.tf").write_text(outputs)
    (work / "tests").mkdir()
    (work / "tests" / "migration.tftest.hcl").write_text(test)

    terraform.run(work, "init", "-backend=false", "-input=false", "-no-color")
    result = terraform.run(work, "test", "-no-color", check=False)
    assert "2 passed, 0 failed" in result.stdout, result.stdout + result.stderr


def address(reference: str) -> str:
    """hcl2 writes a reference as an interpolation: `${aws_iam_role.irsa["vpc-cni"]}`."""
    return reference.removeprefix("${").removesuffix("}")


def test_every_moved_block_of_a_module_is_proven_here() -> None:
    """A `moved` block added to a module without a migration above would go untested."""
    declared = set()
    for tf in sorted((REPO / "modules").glob("*/*.tf")):
        for moved in loads(tf.read_text()).get("moved", []):
            old, new = (address(moved[end][0]) for end in ("from", "to"))
            declared.add((tf.parent.name, old, new))
    proven = {(m.module, old, new) for m in MIGRATIONS for old, new in m.moves.items()}
    assert declared == proven
