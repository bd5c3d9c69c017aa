"""`regionform lock`: each root's provider lock file, written by Terraform, kept by generate.

The lock file is the user's: `generate` never lists it in its manifest, so a regenerate (even
one that drops a root) leaves it byte for byte as it was, and `--check` never calls it stale.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from conftest import REPO, find_provider_mirror
from spec_edit import edit

from regionform.findings import UsageError
from regionform.pipeline import generate
from regionform.plan.lock import DEFAULT_PLATFORMS, LOCK_FILE, lock_arguments, lock_roots

SPEC = REPO / "examples" / "project-one.yaml"


def test_lock_arguments_name_every_platform_and_mirror() -> None:
    assert lock_arguments(DEFAULT_PLATFORMS) == [
        "providers",
        "lock",
        "-no-color",
        "-platform=linux_amd64",
        "-platform=darwin_arm64",
    ]
    assert lock_arguments(["linux_amd64"], fs_mirror="/opt/m")[-1] == "-fs-mirror=/opt/m"
    with pytest.raises(UsageError, match="at least one --platform"):
        lock_arguments([])


@pytest.fixture(scope="module")
def mirror() -> Path:
    found = find_provider_mirror()
    if found is None:
        pytest.skip("no local provider mirror holds hashicorp/aws (the tests run offline)")
    return found


def test_every_root_gets_a_lock_file_that_survives_regenerates(
    terraform_env: dict[str, str], mirror: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    results = lock_roots(
        SPEC,
        out=out,
        layout="per-region",
        platforms=["linux_amd64"],
        fs_mirror=str(mirror),
        env=terraform_env,
    )
    assert [r.error for r in results] == [None] * len(results)
    locks = {r.target.path / LOCK_FILE: (r.target.path / LOCK_FILE).read_bytes() for r in results}
    assert len(locks) == len(results) > 1
    for text in locks.values():
        assert b'provider "registry.terraform.io/hashicorp/aws"' in text
        assert b"h1:" in text  # the linux_amd64 package checksum

    generate(SPEC, out=out, layout="per-region")
    assert {path: path.read_bytes() for path in locks} == locks
    assert generate(SPEC, out=out, layout="per-region", check=True).up_to_date

    # A spec edit that rewrites the roots' files leaves the lock files alone too.
    edited = tmp_path / "project-one.yaml"
    text = SPEC.read_text()
    edited.write_text(edit(text, "project: ", "description: edited\nproject: "))
    generate(edited, out=out, layout="per-region")
    assert {path: path.read_bytes() for path in locks} == locks


def test_the_command_reports_each_lock_file(
    terraform_env: dict[str, str], mirror: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in terraform_env.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "out"
    result = invoke(
        [
            "lock",
            str(SPEC),
            "--out",
            str(out),
            "--platform",
            "linux_amd64",
            "--fs-mirror",
            str(mirror),
        ]
    )
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith("locked ") and line.endswith(LOCK_FILE)
    assert Path(line.removeprefix("locked ")).is_file()


def test_a_platform_the_mirror_lacks_fails_with_terraforms_message(
    terraform_env: dict[str, str], mirror: Path, tmp_path: Path
) -> None:
    results = lock_roots(
        SPEC,
        out=tmp_path / "out",
        platforms=["windows_386"],
        fs_mirror=str(mirror),
        env=terraform_env,
    )
    (result,) = results
    assert result.error is not None
    assert "terraform providers failed" in result.error
    assert "Error: Could not retrieve providers for locking" in result.error
    assert "not available for\nwindows_386" in result.error or "windows_386" in result.error
    assert "\x1b[" not in result.error  # no terminal colours in what we print
