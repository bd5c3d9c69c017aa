"""Write a generated root atomically, deterministically, and without touching foreign files.

How a write goes:

1. Lock the output folder, so two runs into the same folder never interleave.
2. Undo an interrupted earlier write (its journal says what it was doing), and remove the
   staging folders of runs killed before they wrote a journal.
3. Refuse, before changing anything, when a file we would write exists but is not ours, or
   when one of our files was edited by hand since we wrote it, or when the root or any path
   we would write, replace or delete inside it is a symbolic link: regionform never writes
   through a symlink (OUT itself, which the user names, is followed like any path).
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
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from regionform.about import __version__
from regionform.findings import UsageError

MANIFEST = ".regionform-manifest.json"
JOURNAL = ".regionform-journal.json"
LOCK_WAIT_SECONDS = 30.0


@dataclass(frozen=True)
class GenerateResult:
    root: Path
    written: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    # Filled by check mode: what differs from what generate would write.
    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    files: dict[str, bytes] = field(default_factory=dict, repr=False)
    # Root folders relative to `root`, in apply order ("." for the single layout).
    roots: tuple[str, ...] = (".",)
    # Module call name → its region, for plan summaries.
    module_regions: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def up_to_date(self) -> bool:
        return not (self.stale or self.missing or self.extra)


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


def root_folder(out: str | Path, environment: str) -> Path:
    """`OUT/<environment>`: the environment must be one plain folder name.

    The schema already restricts it to a DNS-style name; this guard keeps the writer safe
    for a Spec built in Python that never went through the schema.
    """
    if (
        environment in ("", ".", "..")
        or environment.startswith(".")
        or any(sep in environment for sep in ("/", "\\"))
        or not environment.isprintable()
        or environment != environment.strip()
    ):
        raise UsageError(
            f"environment {environment!r} cannot be a folder name inside {out}; use "
            "lowercase letters, digits and hyphens"
        )
    return Path(out) / environment


def _symlink_in(root: Path, name: str) -> str | None:
    """The first path from the root down to `name` that is a symbolic link, if any."""
    path = root
    for part in Path(name).parts:
        path = path / part
        if path.is_symlink():
            return str(path.relative_to(root))
    return None


def _reason(error: OSError) -> str:
    """An OSError as one line that names the path and says what to do."""
    where = f" ({error.filename})" if error.filename else ""
    text = f"{error.strerror or error}{where}"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return text + "; make the folder writable or choose another --out"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return text + "; free some space and run again"
    if error.errno == errno.ELOOP:
        return text + "; regionform does not follow symbolic links there, remove the link"
    return text


def _on_disk(root: Path, name: str) -> bytes | None:
    try:
        return (root / name).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on OUT (the root's parent folder) itself.

    Locking the folder, not a lock file, leaves nothing behind in the folder users commit.
    """
    root.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(root.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise UsageError(
                        f"another regionform is writing {root} and held it for "
                        f"{LOCK_WAIT_SECONDS:g} s; try again when it is done"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _staging_prefix(root: Path) -> str:
    return f".{root.name}.regionform-staging-"


def _remove_abandoned_staging(root: Path) -> None:
    """Staging folders of runs that were killed before they recorded a journal.

    Called under the lock after recovery, so no other run is using any of them.
    """
    prefix = _staging_prefix(root)
    for entry in root.parent.iterdir():
        if entry.name.startswith(prefix) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _write_durably(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL | O_NOFOLLOW: we only ever create fresh files in folders we made.
    descriptor = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644
    )
    try:
        view = memoryview(data)
        while view:
            # os.write may write less than asked (and a full disk fails part-way).
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
    try:
        journal = json.loads(journal_path.read_text("utf-8"))
        staging_name = str(journal["staging"])
        created = [str(n) for n in journal["created"]]
        backed_up = [str(n) for n in journal["backed_up"]]
    except (ValueError, KeyError, TypeError):
        raise WriteConflict(
            f"{journal_path} is damaged, so an interrupted write cannot be undone safely; "
            "restore the output folder from version control, then delete the journal"
        ) from None
    # The journal lives in the output folder: never let it point us at someone else's files.
    if not staging_name.startswith(_staging_prefix(root)) or (
        Path(staging_name).name != staging_name
    ):
        raise WriteConflict(f"{journal_path} names an unexpected staging folder; not using it")
    for name in [*created, *backed_up]:
        _safe_relative(name)
    staging = root.parent / staging_name
    backup = staging / ".backup"
    for name in created:
        with contextlib.suppress(FileNotFoundError):
            (root / name).unlink()
    for name in backed_up:
        saved = backup / name
        if saved.exists():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(saved, root / name)
    _prune_empty_dirs(root, created)
    shutil.rmtree(staging, ignore_errors=True)
    journal_path.unlink()


def _plan(root: Path, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Files to write and files to delete; raises WriteConflict."""
    for name in files:
        _safe_relative(name)
    old = _read_manifest(root)
    for name in old:
        _safe_relative(name)
    links = {_symlink_in(root, name) for name in [*files, *old, MANIFEST]} - {None}
    conflicts = [
        f"{link}: is a symbolic link; regionform never writes through one"
        for link in sorted(str(link) for link in links)
    ]
    if conflicts:
        raise WriteConflict(
            f"not writing {root}; nothing was changed:\n  " + "\n  ".join(conflicts) + "\n"
            "Replace the link with a real folder or file, or point --out elsewhere."
        )
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
    try:
        with _locked(root):
            return _write_locked(root, files)
    except OSError as error:
        # Anything before the swap (lock, recovery, reading, staging) changes nothing.
        raise UsageError(
            f"cannot write {root}: {_reason(error)}; the previous output is unchanged"
        ) from None


def _write_locked(root: Path, files: dict[str, bytes]) -> GenerateResult:
    if root.is_symlink():
        raise WriteConflict(
            f"not writing {root}: it is a symbolic link to {os.readlink(root)}; regionform "
            "never writes through a symlink. Point --out at the real folder's parent, or "
            "replace the link with a folder."
        )
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} exists and is not a folder")
    _recover(root)
    _remove_abandoned_staging(root)
    to_write, to_delete = _plan(root, files)
    manifest = _manifest_bytes(files)
    manifest_changed = _on_disk(root, MANIFEST) != manifest
    unchanged = tuple(sorted(set(files) - set(to_write)))
    if not to_write and not to_delete and not manifest_changed:
        return GenerateResult(root=root, unchanged=unchanged, files=files)

    # A fresh, unguessable folder: nothing planted beside the root can redirect our writes.
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(root), dir=root.parent))
    try:
        for name in to_write:
            _write_durably(staging / name, files[name])
        _write_durably(staging / MANIFEST, manifest)
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(
            f"cannot write {root}: {_reason(error)}; the previous output is unchanged"
        ) from None

    moving = [*to_write, MANIFEST]
    existing = [n for n in [*moving, *to_delete] if (root / n).exists()]
    created = [n for n in moving if n not in existing]
    journal = {"staging": staging.name, "created": created, "backed_up": existing}
    try:
        _write_durably(root / JOURNAL, json.dumps(journal).encode("utf-8"))
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            (root / JOURNAL).unlink()
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(
            f"cannot write {root}: {_reason(error)}; the previous output is unchanged"
        ) from None
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
            f"cannot write {root}: {_reason(error)}; the previous output was restored"
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
