"""`roots --changed-since REF`: only the roots a change affects, and every root reading them.

The spec at REF and now are generated in memory and compared root by root; the tests build a
throwaway git repository, commit a spec, edit it, and ask which roots must be planned.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_runner import invoke
from conftest import REPO
from spec_edit import edit

from regionform.layout import Layout, Root
from regionform.plan.affected import affected_roots, bundled_modules, changed_since

BIZFLOW = (REPO / "examples" / "bizflow.yaml").read_text()
THAMES_SILO = "    tier: silo\n    residency: {jurisdiction: GB"
THAMES_POOLED = "    tier: pooled\n    residency: {jurisdiction: GB"


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "bizflow.yaml").write_text(BIZFLOW)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def test_one_tenant_edit_marks_its_home_root_and_the_global_root(repo: Path) -> None:
    spec = repo / "bizflow.yaml"
    spec.write_text(edit(BIZFLOW, THAMES_SILO, THAMES_POOLED))
    affected = changed_since(spec, "HEAD", "per-region")
    # thames-retail lives in eu-west-2 (its silo database, bucket and key go); the global
    # root lists every tenant in its outputs. Nothing reads eu-west-2.
    assert affected.names == ("eu-west-2", "global")
    assert affected.reasons == {
        "eu-west-2": "generated files changed",
        "global": "generated files changed",
    }


def test_a_root_reading_an_affected_root_is_affected(repo: Path) -> None:
    spec = repo / "bizflow.yaml"
    old = (
        "  lion-city-logistics:\n    home: ap-southeast-1\n    countries: [SG, MY]\n    tier: silo"
    )
    spec.write_text(edit(BIZFLOW, old, old.replace("silo", "pooled")))
    affected = changed_since(spec, "HEAD", "per-region")
    # ap-south-1 reads ap-southeast-1's values (the replica pair): it is planned too.
    assert affected.names == ("ap-south-1", "ap-southeast-1", "global")
    assert affected.reasons["ap-south-1"] == "reads ap-southeast-1"


def test_the_single_layout_has_one_root_to_mark(repo: Path) -> None:
    spec = repo / "bizflow.yaml"
    spec.write_text(edit(BIZFLOW, THAMES_SILO, THAMES_POOLED))
    assert changed_since(spec, "HEAD", "single").names == ("production",)


def test_no_change_marks_nothing(repo: Path) -> None:
    assert changed_since(repo / "bizflow.yaml", "HEAD", "per-region").names == ()


def test_a_spec_absent_at_the_ref_marks_every_root(repo: Path) -> None:
    copy = repo / "copy.yaml"
    copy.write_text(BIZFLOW)
    affected = changed_since(copy, "HEAD", "per-region")
    assert len(affected.names) == len(affected.layout.roots) == 5
    assert set(affected.reasons.values()) == {"the spec did not exist at the ref"}


def test_a_changed_bundled_module_marks_every_root_calling_it(repo: Path) -> None:
    modules = repo / "modules"
    skip = shutil.ignore_patterns(".terraform*", "tests", "examples")
    shutil.copytree(REPO / "modules" / "redis", modules / "redis", ignore=skip)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "modules")
    with (modules / "redis" / "main.tf").open("a") as main:
        main.write("\n# a comment is a change too\n")
    affected = changed_since(repo / "bizflow.yaml", "HEAD", "per-region", modules_dir=modules)
    callers = [r.name for r in affected.layout.roots if "redis" in bundled_modules(r.document)]
    assert callers  # bizflow caches in several regions
    for name in affected.names:
        expected = "calls changed module redis" if name in callers else "reads"
        assert affected.reasons[name].startswith(expected)
    assert set(callers) <= set(affected.names)


def root(name: str, *reads: str) -> Root:
    return Root(name, name, {"main": {"locals": {"name": name}}}, reads)


def test_reads_are_followed_down_the_whole_chain_in_apply_order() -> None:
    layout = Layout("prod", (root("a"), root("b", "a"), root("c", "b"), root("d")), ())
    files = {name: {"main.tf.json": name.encode()} for name in "abcd"}
    before = {**files, "a": {"main.tf.json": b"old"}, "gone": {}}
    affected = affected_roots(layout, files, before)
    assert affected.names == ("a", "b", "c")
    assert affected.reasons == {
        "a": "generated files changed",
        "b": "reads a",
        "c": "reads b",
    }
    assert affected.removed == ("gone",)


def test_a_root_new_since_the_ref_is_affected() -> None:
    layout = Layout("prod", (root("a"), root("b")), ())
    files = {name: {"main.tf.json": name.encode()} for name in "ab"}
    assert affected_roots(layout, files, {"a": files["a"]}).reasons == {"b": "new root"}


def test_the_command_prints_only_affected_roots_in_the_usual_formats(repo: Path) -> None:
    spec = repo / "bizflow.yaml"
    spec.write_text(edit(BIZFLOW, THAMES_SILO, THAMES_POOLED))
    args = ["roots", str(spec), "--layout", "per-region", "--changed-since", "HEAD"]
    result = invoke(args)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {"root": "eu-west-2", "path": "production/eu-west-2"},
        {"root": "global", "path": "production/global"},
    ]
    assert "2 of 5 roots affected since HEAD" in result.stderr
    text = invoke([*args, "--format", "text"])
    assert text.stdout.splitlines() == ["production/eu-west-2", "production/global"]


def test_an_unknown_ref_is_a_usage_error(repo: Path) -> None:
    result = invoke(["roots", str(repo / "bizflow.yaml"), "--changed-since", "no-such-ref"])
    assert result.exit_code == 2
    assert "'no-such-ref' is not a commit" in result.stderr
