"""Write a generated root atomically, deterministically, and without touching foreign files.

How a write goes:

1. Take a lock next to the root, so two runs into the same folder never interleave.
2. Finish or undo an interrupted earlier write (its journal says what it was doing).
3. Refuse, before changing anything, when a file we would write exists but is not ours, or
   when one of our files was edited by hand since we wrote it.
4. Write every new or changed file into a staging folder beside the root. Anything that can
   fail for lack of space or permission fails here, while the root is untouched.
5. Record a journal, then move old versions aside and staged files in (renames on one file
   system: no new space needed). On any error, move everything back.

The manifest (`.regionform-manifest.json`) lists the files regionform wrote with their
hashes; only those are ever replaced or deleted.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from regionform import __version__
from regionform.api import GenerateResult
from regionform.findings import UsageError

MANIFEST = ".regionform-manifest.json"
JOURNAL = ".regionform-journal.json"
LOCK_WAIT_SECONDS = 30.0


class WriteConflict(UsageError):
    """The root holds files that regionform must not overwrite."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(root: Path) -> dict[str, str]:
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text("utf-8"))
        files = data["files"]
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError):
        raise WriteConflict(
            f"{path} is damaged; regionform cannot tell which files it wrote. Restore it "
            "from version control or delete the output folder."
        ) from None
    return {str(k): str(v) for k, v in files.items()}


def _manifest_bytes(files: dict[str, bytes]) -> bytes:
    body = {
        "generator": "regionform",
        "version": __version__,
        "files": {name: _sha256(files[name]) for name in sorted(files)},
    }
    return (json.dumps(body, indent=2) + "\n").encode("utf-8")


def _safe_relative(name: str) -> None:
    """Generated paths are ours, but never let one escape the root."""
    parts = Path(name).parts
    if Path(name).is_absolute() or ".." in parts or not parts:
        raise UsageError(f"refusing to write outside the output folder: {name!r}")


def _on_disk(root: Path, name: str) -> bytes | None:
    try:
        return (root / name).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    root.parent.mkdir(parents=True, exist_ok=True)
    lock_path = root.parent / f".{root.name}.regionform.lock"
    with open(lock_path, "a+b") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise UsageError(
                        f"another regionform is writing {root} and held it for "
                        f"{LOCK_WAIT_SECONDS:.0f} s; try again when it is done"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_durably(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _prune_empty_dirs(root: Path, names: list[str]) -> None:
    for name in names:
        parent = (root / name).parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def _recover(root: Path) -> None:
    """Undo a write that was interrupted between its first and last rename."""
    journal_path = root / JOURNAL
    if not journal_path.exists():
        return
    journal = json.loads(journal_path.read_text("utf-8"))
    staging = root.parent / journal["staging"]
    backup = staging / ".backup"
    for name in journal["created"]:
        with contextlib.suppress(FileNotFoundError):
            (root / name).unlink()
    for name in journal["backed_up"]:
        saved = backup / name
        if saved.exists():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(saved, root / name)
    _prune_empty_dirs(root, journal["created"])
    shutil.rmtree(staging, ignore_errors=True)
    journal_path.unlink()


def _plan(root: Path, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Files to write and files to delete; raises WriteConflict."""
    for name in files:
        _safe_relative(name)
    old = _read_manifest(root)
    conflicts = []
    to_write = []
    for name, data in files.items():
        current = _on_disk(root, name)
        if current == data:
            continue
        to_write.append(name)
        if current is None:
            continue
        if name not in old:
            conflicts.append(f"{name}: exists but was not written by regionform")
        elif _sha256(current) != old[name]:
            conflicts.append(f"{name}: edited by hand since regionform wrote it")
    to_delete = []
    for name, digest in old.items():
        if name in files:
            continue
        _safe_relative(name)
        current = _on_disk(root, name)
        if current is None:
            continue
        if _sha256(current) != digest:
            conflicts.append(f"{name}: no longer generated, but edited by hand; not deleting")
            continue
        to_delete.append(name)
    if conflicts:
        listed = "\n  ".join(conflicts)
        raise WriteConflict(
            f"not writing {root}; nothing was changed:\n  {listed}\n"
            "Move hand-written changes into files of your own (regionform never touches "
            "files it did not write), or restore the generated ones."
        )
    return sorted(to_write), sorted(to_delete)


def write_root(root: Path, files: dict[str, bytes]) -> GenerateResult:
    root = Path(root)
    with _locked(root):
        if root.exists() and not root.is_dir():
            raise UsageError(f"{root} exists and is not a folder")
        _recover(root)
        to_write, to_delete = _plan(root, files)
        manifest = _manifest_bytes(files)
        manifest_changed = _on_disk(root, MANIFEST) != manifest
        unchanged = tuple(sorted(set(files) - set(to_write)))
        if not to_write and not to_delete and not manifest_changed:
            return GenerateResult(root=root, unchanged=unchanged, files=files)

        staging = root.parent / f".{root.name}.regionform-staging-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            for name in to_write:
                _write_durably(staging / name, files[name])
            _write_durably(staging / MANIFEST, manifest)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise UsageError(
                f"cannot write {root}: {error.strerror or error}; the previous output is unchanged"
            ) from None

        moving = [*to_write, MANIFEST]
        existing = [n for n in [*moving, *to_delete] if (root / n).exists()]
        created = [n for n in moving if n not in existing]
        root.mkdir(parents=True, exist_ok=True)
        journal = {"staging": staging.name, "created": created, "backed_up": existing}
        _write_durably(root / JOURNAL, json.dumps(journal).encode("utf-8"))
        try:
            backup = staging / ".backup"
            for name in existing:
                (backup / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(root / name, backup / name)
            for name in moving:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / name, root / name)
        except OSError as error:
            _recover(root)
            raise UsageError(
                f"cannot write {root}: {error.strerror or error}; the previous output was restored"
            ) from None
        (root / JOURNAL).unlink()
        _prune_empty_dirs(root, to_delete)
        shutil.rmtree(staging, ignore_errors=True)
        return GenerateResult(
            root=root,
            written=tuple(to_write),
            removed=tuple(to_delete),
            unchanged=unchanged,
            files=files,
        )


def check_root(root: Path, files: dict[str, bytes]) -> GenerateResult:
    """Compare what generate would write with the disk; writes nothing."""
    root = Path(root)
    old = _read_manifest(root) if root.is_dir() else {}
    stale, missing = [], []
    for name, data in files.items():
        current = _on_disk(root, name)
        if current is None:
            missing.append(name)
        elif current != data:
            stale.append(name)
    extra = [n for n in sorted(old) if n not in files and (root / n).exists()]
    unchanged = tuple(sorted(set(files) - set(stale) - set(missing)))
    return GenerateResult(
        root=root,
        stale=tuple(sorted(stale)),
        missing=tuple(sorted(missing)),
        extra=tuple(extra),
        unchanged=unchanged,
        files=files,
    )
