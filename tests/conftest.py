"""Shared fixtures: example specs, and real Terraform run offline through a provider mirror."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
PROVIDER = "registry.terraform.io/hashicorp/aws"
# Where provider mirrors usually live; REGIONFORM_TF_MIRROR overrides.
MIRROR_ROOTS = (
    "/opt/tf-plugins",
    "/usr/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    str(Path.home() / ".terraform.d/plugins"),
    str(Path.home() / ".local/share/terraform/plugins"),
)


# The files that take longest, longest first. pytest-xdist hands out whole files
# (`--dist loadfile --no-loadscope-reorder`, in pyproject.toml) in collection order, so these
# start at once on separate workers instead of last; the many quick files fill in around them.
# test_spec_edits spends most of its time in the aws provider's waiters (sleeping), which is
# why a third worker pays on two cores.
SLOWEST_FIRST = (
    "test_spec_edits.py",
    "test_plan.py",
    "test_terraform.py",
    "test_plan_apply.py",
    "test_checkov.py",
    "test_cdktf.py",
    "test_hostile.py",
    "test_layout.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return SLOWEST_FIRST.index(name) if name in SLOWEST_FIRST else len(SLOWEST_FIRST)

    items.sort(key=rank)  # stable: within a file, tests keep their order


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current renderers instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def find_provider_mirror() -> Path | None:
    candidates = [os.environ.get("REGIONFORM_TF_MIRROR", ""), *MIRROR_ROOTS]
    for root in candidates:
        if root and (Path(root) / PROVIDER).is_dir():
            return Path(root)
    return None


@pytest.fixture(scope="session")
def terraform_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for running terraform: our own CLI config, offline when a mirror exists."""
    if shutil.which("terraform") is None:
        pytest.skip("terraform is not on PATH")
    home = tmp_path_factory.mktemp("terraform")
    cache = home / "plugin-cache"
    cache.mkdir()
    mirror = find_provider_mirror()
    if mirror is not None:
        installation = f"""
provider_installation {{
  filesystem_mirror {{
    path    = "{mirror}"
    include = ["registry.terraform.io/hashicorp/*"]
  }}
  direct {{
    exclude = ["registry.terraform.io/hashicorp/*"]
  }}
}}
"""
    else:
        installation = ""
    config = home / "terraform.rc"
    config.write_text(installation + f'plugin_cache_dir = "{cache}"\n')
    env = dict(os.environ)
    env.update(
        TF_CLI_CONFIG_FILE=str(config),
        TF_IN_AUTOMATION="1",
        CHECKPOINT_DISABLE="1",
        TF_INPUT="0",
    )
    # Most of the suite's time is the aws provider starting: every provider process builds
    # the schemas of ~1,500 resource types, and Go's collector runs through that many times.
    # Collecting at 5x the live heap instead of 2x cuts the CPU of `terraform test`, plan and
    # apply by about a third here (kms module tests: 26.7 s -> 16.3 s user time) for ~10%
    # more memory per process. Go reads it in terraform and, inherited, in every provider.
    env.setdefault("GOGC", "400")
    env.pop("TF_PLUGIN_CACHE_DIR", None)
    # Tests run many inits at once (plans in parallel, xdist workers). Without a lock file
    # entry, every init rewrites the provider's cache entry, and an init reading it at that
    # moment fails ("open .terraform/providers/…: no such file or directory"). So fill the
    # cache once here and let later inits only link to it: for a test suite whose provider
    # comes from a local mirror or the registry, checksums in a lock file guard nothing.
    env["TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE"] = "true"
    warm = home / "warm"
    warm.mkdir()
    (warm / "versions.tf").write_text(
        'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n'
        '      version = "~> 5.100"\n    }\n  }\n}\n'
    )
    subprocess.run(
        ["terraform", "init", "-backend=false", "-input=false", "-no-color"],
        cwd=warm,
        env=env,
        capture_output=True,
        check=True,
        timeout=600,
    )
    return env


class Terraform:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def run(
        self, cwd: Path, *args: str, check: bool = True, input_text: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            ["terraform", *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            input=input_text,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"terraform {' '.join(args)} failed in {cwd}:\n{result.stdout}\n{result.stderr}"
            )
        return result


@pytest.fixture(scope="session")
def terraform(terraform_env: dict[str, str]) -> Iterator[Terraform]:
    yield Terraform(terraform_env)


@pytest.fixture
def example_text() -> str:
    return (REPO / "examples" / "bizflow.yaml").read_text()
