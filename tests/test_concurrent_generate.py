"""Two `generate` runs into the same folder at once: one wins, the other waits; never a mix."""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

BIZFLOW = REPO / "examples" / "bizflow.yaml"


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def start(spec: Path, out: Path, gate: Path, prelude: str = "") -> subprocess.Popen[str]:
    """A generate run that waits for `gate` to exist, so both start together."""
    code = (
        "import os, sys, time\n"
        f"while not os.path.exists({str(gate)!r}): time.sleep(0.001)\n"
        f"{prelude}\n"
        "from regionform.cli import main\n"
        f"sys.argv = ['regionform', 'generate', {str(spec)!r}, '--out', {str(out)!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture(scope="module")
def specs(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, dict[str, str], dict[str, str]]:
    """Two specs with different outputs, and the complete tree each one generates alone."""
    folder = tmp_path_factory.mktemp("specs")
    a, b = folder / "a.yaml", folder / "b.yaml"
    a.write_text(BIZFLOW.read_text())
    b.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    trees = []
    for spec in (a, b):
        out = folder / f"alone-{spec.stem}"
        subprocess.run(
            [sys.executable, "-m", "regionform", "generate", str(spec), "--out", str(out)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        trees.append(tree(out / "production"))
    assert trees[0] != trees[1]
    return a, b, trees[0], trees[1]


@pytest.mark.parametrize("attempt", range(4))
def test_two_runs_at_once_leave_exactly_one_complete_output(
    tmp_path: Path, specs: tuple[Path, Path, dict[str, str], dict[str, str]], attempt: int
) -> None:
    a, b, tree_a, tree_b = specs
    out, gate = tmp_path / "out", tmp_path / "go"
    # Alternate who is asked first, and start from an empty and from a generated folder.
    first, second = (a, b) if attempt % 2 else (b, a)
    if attempt >= 2:
        subprocess.run(
            [sys.executable, "-m", "regionform", "generate", str(first), "--out", str(out)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    runs = [start(first, out, gate), start(second, out, gate)]
    gate.touch()
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr
    assert tree(out / "production") in (tree_a, tree_b)
    assert not [p for p in out.iterdir() if "staging" in p.name]
    assert not (out / "production" / ".regionform-journal.json").exists()


def test_a_run_that_cannot_get_the_lock_says_who_holds_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # The writer locks the output folder itself.
    descriptor = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        gate = tmp_path / "go"
        gate.touch()
        run = start(BIZFLOW, out, gate, "import regionform.writer as w; w.LOCK_WAIT_SECONDS = 0.5")
        _, stderr = run.communicate(timeout=120)
    finally:
        os.close(descriptor)
    assert run.returncode == 2
    assert stderr == (
        f"regionform: another regionform is writing {out / 'production'} and held it for 0.5 s; "
        "try again when it is done\n"
    )
    assert not (out / "production").exists()


def test_a_run_killed_while_staging_leaves_nothing_behind_after_the_next_run(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    gate = tmp_path / "go"
    gate.touch()
    # SIGKILL itself after staging the first file: no journal yet, no chance to clean up.
    killed = start(
        BIZFLOW,
        out,
        gate,
        "import os, signal, regionform.writer as w\n"
        "real = w._write_durably\n"
        "def dying(path, data):\n"
        "    real(path, data)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "w._write_durably = dying",
    )
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert [p for p in out.iterdir() if "staging" in p.name], "the kill left a staging folder"
    again = start(BIZFLOW, out, gate)
    again.communicate(timeout=120)
    assert again.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["production"]
