"""`.pre-commit-hooks.yaml` works with the real pre-commit.

pre-commit installs regionform and its dependencies from PyPI into its own environment:
these tests need PyPI access. `pre-commit try-repo` (what a hook author runs) builds that
environment in a throwaway store every time, so only the two cases the issue names use it;
the rest run `pre-commit run` with a config like a user's, pinned to one snapshot commit of
this checkout, so their environment is built once per session.
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

from regionform.api import generate

pytestmark = pytest.mark.precommit

BIZFLOW = (REPO / "examples" / "bizflow.yaml").read_text()
BROKEN = BIZFLOW.replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/17")
# The line of ap-southeast-1's VPC CIDR, which BROKEN makes overlap ap-south-1's.
CIDR_LINE = BIZFLOW.splitlines().index("      cidr: 10.2.0.0/16") + 1


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, timeout=120
    ).stdout


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.com",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    return environment


@pytest.fixture(scope="session")
def hooks(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """This checkout as one commit (uncommitted changes included): the repo and its rev."""
    snapshot = tmp_path_factory.mktemp("regionform-repo")
    listed = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    subprocess.run(["git", "init", "-q"], cwd=snapshot, check=True, env=env, timeout=60)
    subprocess.run(["git", "add", "-A"], cwd=snapshot, check=True, env=env, timeout=60)
    subprocess.run(
        ["git", "commit", "-q", "-m", "snapshot"], cwd=snapshot, check=True, env=env, timeout=60
    )
    return snapshot, git(snapshot, "rev-parse", "HEAD").strip()


@pytest.fixture
def user_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, env=env, timeout=60)
    return tmp_path


def add(repo: Path, name: str, text: str) -> Path:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    git(repo, "add", name)
    return path


def try_repo(
    repo: Path, hook: str, hooks: tuple[Path, str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    source, rev = hooks
    options = ["--ref", rev, "--all-files", "--color", "never"]
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(source), hook, *options],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def run_hooks(
    repo: Path, hook_ids: list[str], hooks: tuple[Path, str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """`pre-commit run --all-files` with a user's config naming the snapshot and its rev."""
    source, rev = hooks
    # Inside .git: a config the hooks never see as a file of the repository.
    config = repo / ".git" / "pre-commit-config.yaml"
    entry = {"repo": str(source), "rev": rev, "hooks": [{"id": hook} for hook in hook_ids]}
    config.write_text(yaml.safe_dump({"repos": [entry]}))
    options = ["--config", str(config), "--all-files", "--color", "never"]
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *options],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_lint_hook_fails_on_a_broken_spec_and_prints_file_and_line(
    user_repo: Path, hooks: tuple[Path, str], env: dict[str, str]
) -> None:
    add(user_repo, "specs/production.yaml", BROKEN)
    result = try_repo(user_repo, "regionform-lint", hooks, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "regionform lint" in result.stdout and "Failed" in result.stdout
    assert f"specs/production.yaml:{CIDR_LINE}:13: RF101 VPC CIDR" in result.stdout


def test_lint_hook_passes_on_a_clean_spec(
    user_repo: Path, hooks: tuple[Path, str], env: dict[str, str]
) -> None:
    add(user_repo, "specs/production.yaml", BIZFLOW)
    result = try_repo(user_repo, "regionform-lint", hooks, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hooks_leave_other_yaml_alone(
    user_repo: Path, hooks: tuple[Path, str], env: dict[str, str]
) -> None:
    # Workflows and configs are YAML too; only specs/ is regionform's.
    add(user_repo, ".github/workflows/ci.yml", "on: push\njobs: {}\n")
    result = run_hooks(user_repo, ["regionform-lint", "regionform-check"], hooks, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("(no files to check)Skipped") == 2


def test_check_hook_fails_when_the_generated_output_is_stale(
    user_repo: Path, hooks: tuple[Path, str], env: dict[str, str]
) -> None:
    spec = add(user_repo, "specs/production.yaml", BIZFLOW)
    generate(spec, out=user_repo / "out")
    fresh = run_hooks(user_repo, ["regionform-check"], hooks, env)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr

    add(user_repo, "specs/production.yaml", BIZFLOW.replace("Owner: platform-team", "Owner: sre"))
    stale = run_hooks(user_repo, ["regionform-check"], hooks, env)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "stale: out/production/providers.tf" in stale.stdout
    assert "run `regionform generate specs/production.yaml --out out --format hcl" in stale.stdout


def test_the_config_regionform_init_writes_passes_on_a_fresh_repository(
    user_repo: Path, hooks: tuple[Path, str], env: dict[str, str]
) -> None:
    from cli_runner import invoke

    assert invoke(["init", str(user_repo), "--project", "acme"]).exit_code == 0
    config = yaml.safe_load((user_repo / ".pre-commit-config.yaml").read_text())
    (entry,) = config["repos"]
    spec = user_repo / "specs" / "production.yaml"
    out = user_repo / "out"
    generated = invoke(["generate", str(spec), "--out", str(out), "--layout", "per-region"])
    assert generated.exit_code == 0, generated.stderr
    git(user_repo, "add", "-A")
    # The user's config, pointed at this checkout instead of the published repository.
    source, rev = hooks
    entry.update(repo=str(source), rev=rev)
    own_config = user_repo / ".git" / "scaffolded-config.yaml"
    own_config.write_text(yaml.safe_dump(config))
    options = ["--config", str(own_config), "--all-files", "--color", "never"]
    command = [sys.executable, "-m", "pre_commit", "run", *options]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=user_repo, env=env, capture_output=True, text=True, timeout=900
        )

    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.count("Passed") == 2
    spec.write_text(spec.read_text().replace("Owner: platform", "Owner: sre"))
    git(user_repo, "add", "-A")
    stale = run()
    assert stale.returncode == 1
    assert "regionform check" in stale.stdout and "stale: out/production/" in stale.stdout
