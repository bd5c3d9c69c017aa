"""The repository's own .pre-commit-config.yaml: valid, offline, and its lint hook bites.

Every hook is `repo: local` with `language: system`, so pre-commit fetches nothing and runs
the tools of the dev extra, the versions CI runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

CONFIG = REPO / ".pre-commit-config.yaml"
BIZFLOW = (REPO / "examples" / "bizflow.yaml").read_text()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,
    }


def pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_config_is_valid(env: dict[str, str]) -> None:
    result = pre_commit(REPO, env, "validate-config", str(CONFIG))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hook_is_local_and_the_checks_ci_runs_are_there() -> None:
    config = yaml.safe_load(CONFIG.read_text())
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert set(hooks) == {"ruff", "ruff-format", "mypy", "terraform-fmt", "regionform-lint"}
    assert all(hook["language"] == "system" for hook in hooks.values())
    assert hooks["terraform-fmt"]["entry"] == "terraform fmt -check -recursive modules"
    assert hooks["regionform-lint"]["entry"] == "python -m regionform lint"


@pytest.mark.parametrize("broken", [False, True], ids=["clean", "broken"])
def test_the_lint_hook_fails_on_a_broken_example_at_its_line(
    tmp_path: Path, env: dict[str, str], broken: bool
) -> None:
    repo = tmp_path / "repo"
    (repo / "examples").mkdir(parents=True)
    shutil.copy(CONFIG, repo / ".pre-commit-config.yaml")
    text = BIZFLOW.replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/17") if broken else BIZFLOW
    (repo / "examples" / "bizflow.yaml").write_text(text)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env, timeout=60)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env, timeout=60)
    result = pre_commit(repo, env, "run", "regionform-lint", "--all-files")
    output = result.stdout + result.stderr
    if broken:
        line = BIZFLOW.splitlines().index("      cidr: 10.2.0.0/16") + 1
        assert result.returncode == 1, output
        assert f"examples/bizflow.yaml:{line}:13: RF101" in output
    else:
        assert result.returncode == 0, output
        assert "Passed" in output
