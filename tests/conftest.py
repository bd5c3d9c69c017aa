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
    env.pop("TF_PLUGIN_CACHE_DIR", None)
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
