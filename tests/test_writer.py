"""The writer: same spec → same bytes; atomic; never touches files it did not write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

import regionform.writer as writer
from regionform.api import generate
from regionform.findings import UsageError
from regionform.writer import MANIFEST, WriteConflict

BIZFLOW = REPO / "examples" / "bizflow.yaml"


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
@pytest.mark.parametrize("output_format", ["hcl", "json"])
def test_same_spec_gives_the_same_bytes(tmp_path: Path, example: Path, output_format: str) -> None:
    first = generate(example, tmp_path / "a", output_format).root
    second = generate(example, tmp_path / "b", output_format).root
    assert snapshot(first) == snapshot(second)


def test_reordering_regions_and_tenants_changes_nothing(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(BIZFLOW.read_text())
    data["regions"] = dict(reversed(list(data["regions"].items())))
    data["tenants"] = dict(reversed(list(data["tenants"].items())))
    reordered = tmp_path / "bizflow.yaml"
    reordered.write_text(yaml.safe_dump(data, sort_keys=False))
    original = generate(BIZFLOW, tmp_path / "a").root
    shuffled = generate(reordered, tmp_path / "b").root
    assert snapshot(original) == snapshot(shuffled)


def test_a_second_run_rewrites_nothing(tmp_path: Path) -> None:
    generate(BIZFLOW, tmp_path)
    result = generate(BIZFLOW, tmp_path)
    assert result.written == () and result.removed == ()


def test_check_reports_nothing_when_up_to_date(tmp_path: Path) -> None:
    generate(BIZFLOW, tmp_path)
    result = generate(BIZFLOW, tmp_path, check=True)
    assert result.up_to_date


def test_check_lists_stale_missing_and_extra_files_and_writes_nothing(tmp_path: Path) -> None:
    root = generate(BIZFLOW, tmp_path).root
    (root / "outputs.tf").write_text("# changed\n")
    (root / "providers.tf").unlink()
    text = BIZFLOW.read_text().replace(
        "      nat: per_az\n    residency:\n      jurisdiction: AE",
        "      nat: single\n    residency:\n      jurisdiction: AE",
    )
    changed = tmp_path / "bizflow.yaml"
    changed.write_text(text)
    before = snapshot(root)
    result = generate(changed, tmp_path, check=True)
    assert snapshot(root) == before
    assert "outputs.tf" in result.stale and "me-south-1.tf" in result.stale
    assert result.missing == ("providers.tf",)
    assert not result.up_to_date


def test_check_lists_files_no_longer_generated(tmp_path: Path) -> None:
    root = generate(BIZFLOW, tmp_path).root
    fewer = tmp_path / "bizflow.yaml"
    fewer.write_text(_without_region(BIZFLOW.read_text(), "eu-west-2"))
    result = generate(fewer, tmp_path, check=True)
    assert result.extra == ("eu-west-2.tf",)
    assert (root / "eu-west-2.tf").exists()


def _without_region(text: str, region: str) -> str:
    import yaml

    data = yaml.safe_load(text)
    del data["regions"][region]
    data["tenants"] = {k: v for k, v in data["tenants"].items() if v["home"] != region}
    dns = data.get("dns", {})
    for routes in ("countries", "continents"):
        dns[routes] = {k: v for k, v in dns.get(routes, {}).items() if v != region}
    dns["failover"] = {k: v for k, v in dns.get("failover", {}).items() if region not in v.values()}
    return yaml.safe_dump(data, sort_keys=False)


def test_removes_its_own_stale_files_but_never_a_file_it_did_not_write(tmp_path: Path) -> None:
    root = generate(BIZFLOW, tmp_path).root
    (root / "my_extras.tf").write_text('# hand-written\nlocals { team = "platform" }\n')
    (root / "terraform.tfstate").write_text("{}")
    (root / ".terraform").mkdir()
    (root / ".terraform" / "keep").write_text("x")
    fewer = tmp_path / "bizflow.yaml"
    fewer.write_text(_without_region(BIZFLOW.read_text(), "eu-west-2"))
    result = generate(fewer, tmp_path)
    assert result.removed == ("eu-west-2.tf",)
    assert not (root / "eu-west-2.tf").exists()
    assert (root / "my_extras.tf").read_text().startswith("# hand-written")
    assert (root / "terraform.tfstate").read_text() == "{}"
    assert (root / ".terraform" / "keep").read_text() == "x"


def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path) -> None:
    root = tmp_path / "production"
    root.mkdir()
    (root / "providers.tf").write_text("# mine\n")
    with pytest.raises(WriteConflict, match=r"providers\.tf: exists but was not written"):
        generate(BIZFLOW, tmp_path)
    assert (root / "providers.tf").read_text() == "# mine\n"
    assert sorted(p.name for p in root.iterdir()) == ["providers.tf"]


def test_refuses_to_overwrite_a_generated_file_edited_by_hand(tmp_path: Path) -> None:
    root = generate(BIZFLOW, tmp_path).root
    (root / "ap-south-1.tf").write_text("# my tweak\n")
    changed = tmp_path / "bizflow.yaml"
    changed.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    before = snapshot(root)
    with pytest.raises(WriteConflict, match="edited by hand"):
        generate(changed, tmp_path)
    assert snapshot(root) == before


def test_a_failure_while_staging_leaves_the_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(BIZFLOW, tmp_path).root
    before = snapshot(root)
    changed = tmp_path / "bizflow.yaml"
    changed.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    calls = {"n": 0}
    real = writer._write_durably

    def disk_fills_up(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(writer, "_write_durably", disk_fills_up)
    with pytest.raises(UsageError, match="No space left on device"):
        generate(changed, tmp_path)
    assert snapshot(root) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "staging" in p.name) == []


def test_a_failure_while_swapping_restores_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(BIZFLOW, tmp_path).root
    before = snapshot(root)
    changed = tmp_path / "bizflow.yaml"
    changed.write_text(
        _without_region(BIZFLOW.read_text(), "me-south-1").replace("10.1.0.0/16", "10.11.0.0/16")
    )
    calls = {"n": 0}
    real = os.replace

    def fails_midway(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(5, "Input/output error")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(writer.os, "replace", fails_midway)
    with pytest.raises(UsageError, match="restored"):
        generate(changed, tmp_path)
    monkeypatch.setattr(writer.os, "replace", real)
    assert snapshot(root) == before


def test_an_interrupted_write_is_undone_by_the_next_run(tmp_path: Path) -> None:
    root = generate(BIZFLOW, tmp_path).root
    before = snapshot(root)
    # Simulate a crash after two renames: the journal and a half-swapped root remain.
    changed = tmp_path / "bizflow.yaml"
    changed.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    script = f"""
import os, sys
import regionform.writer as w
count = 0
real = os.replace
def crash(src, dst):
    global count
    count += 1
    if count == 3:
        os._exit(9)
    real(src, dst)
w.os.replace = crash
from regionform.api import generate
generate({str(changed)!r}, {str(tmp_path)!r})
"""
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert (root / writer.JOURNAL).exists()
    assert snapshot(root) != before
    result = generate(BIZFLOW, tmp_path, check=True)  # check mode never recovers or writes
    assert (root / writer.JOURNAL).exists()
    generate(BIZFLOW, tmp_path)
    assert not (root / writer.JOURNAL).exists()
    after = snapshot(root)
    assert after == before
    assert result is not None


def test_two_runs_at_once_do_not_mix(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text(BIZFLOW.read_text())
    b.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "regionform", "generate", str(spec), "--out", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for spec in (a, b)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    root = tmp_path / "production"
    ours_a = generate(a, tmp_path / "ref-a").files
    ours_b = generate(b, tmp_path / "ref-b").files
    on_disk = {k: v for k, v in snapshot(root).items() if k != MANIFEST}
    assert on_disk in (ours_a, ours_b)
