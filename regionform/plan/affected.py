"""The roots a change affects: those whose generated files differ, and every root reading one.

A pull request that touches one tenant changes one region's root, and a CI that plans only
that root (and the roots reading values from it) starts one job instead of one per region.
The spec as of a git ref and as it is now are each generated in memory, root by root, and
compared file by file; nothing is written. Three things make a root affected:

- its rendered files differ from the ref's (or it did not exist at the ref);
- it calls a bundled module whose files changed since the ref (module calls carry no
  module content, so a module edit leaves the root's own files unchanged);
- it reads a value from an affected root (`Layout.roots[i].reads`): the upstream's next
  apply may change what it reads.

A spec that did not exist at the ref, or that does not load there, affects every root.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from regionform.document import Document
from regionform.findings import SpecError, UsageError
from regionform.layout import Layout
from regionform.pipeline import load_spec, roots
from regionform.render import render

# What a root's files are compared as: the JSON rendering is a faithful, cheap image of
# the document (HCL renders the same document, so it differs exactly when this does).
_COMPARED_FORMAT = "json"
_BUNDLED_PREFIXES = ("./modules/", "../modules/")


@dataclass(frozen=True)
class Affected:
    layout: Layout  # the roots as the spec generates them now, in apply order
    names: tuple[str, ...]  # the affected roots, in apply order
    # Why each affected root is in the list, for the log.
    reasons: Mapping[str, str] = field(default_factory=dict)
    removed: tuple[str, ...] = ()  # roots the ref had that the spec no longer generates


def bundled_modules(document: Document) -> frozenset[str]:
    """The bundled modules a root's module calls use (by folder under modules/)."""
    used = set()
    for body in document.values():
        for call in (body.get("module") or {}).values():
            source = str(call.get("source", ""))
            for prefix in _BUNDLED_PREFIXES:
                if source.startswith(prefix):
                    used.add(source.removeprefix(prefix).split("/", 1)[0])
    return frozenset(used)


def rendered_roots(layout: Layout, spec_name: str) -> dict[str, dict[str, bytes]]:
    """Each root's own files (bundled modules apart), by root name."""
    return {root.name: render(root.document, _COMPARED_FORMAT, spec_name) for root in layout.roots}


def affected_roots(
    layout: Layout,
    now: Mapping[str, Mapping[str, bytes]],
    before: Mapping[str, Mapping[str, bytes]] | None,
    changed_modules: Iterable[str] = (),
    unknown: str = "the spec did not exist at the ref",
) -> Affected:
    """Compare each root's files now with `before` (None: nothing to compare, all affected)."""
    changed = set(changed_modules)
    reasons: dict[str, str] = {}
    for root in layout.roots:
        if before is None:
            reasons[root.name] = unknown
        elif root.name not in before:
            reasons[root.name] = "new root"
        elif before[root.name] != now[root.name]:
            reasons[root.name] = "generated files changed"
        elif modules := sorted(bundled_modules(root.document) & changed):
            reasons[root.name] = f"calls changed module {', '.join(modules)}"
    # A root reading an affected root is affected in turn, however far down the chain.
    grew = True
    while grew:
        grew = False
        for root in layout.roots:
            if root.name in reasons:
                continue
            upstream = [name for name in root.reads if name in reasons]
            if upstream:
                reasons[root.name] = f"reads {', '.join(upstream)}"
                grew = True
    names = tuple(root.name for root in layout.roots if root.name in reasons)
    removed = tuple(sorted(set(before or ()) - {root.name for root in layout.roots}))
    return Affected(layout, names, {name: reasons[name] for name in names}, removed)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git on PATH") from None


def _toplevel(folder: Path) -> Path:
    result = _git(folder, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise UsageError(f"--changed-since: {folder} is not inside a git repository")
    return Path(result.stdout.decode().strip()).resolve()


def _inside(path: Path, top: Path) -> str | None:
    try:
        return path.resolve().relative_to(top).as_posix()
    except ValueError:
        return None


def changed_modules_since(top: Path, ref: str, modules_dir: Path, names: Iterable[str]) -> set[str]:
    """Bundled modules whose files differ between `ref` and the working tree.

    Modules installed outside the spec's repository (regionform from a wheel) are the same
    code on both sides of the comparison: none of them changed.
    """
    relative = _inside(modules_dir, top)
    if relative is None:
        return set()
    wanted = set(names)
    diff = _git(top, "diff", "--name-only", ref, "--", relative)
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "--", relative)
    changed = set()
    for line in (diff.stdout + b"\n" + untracked.stdout).decode().splitlines():
        if line.startswith(relative + "/"):
            module = line.removeprefix(relative + "/").split("/", 1)[0]
            if module in wanted:
                changed.add(module)
    return changed


def spec_at(top: Path, ref: str, spec: Path) -> bytes | None:
    """The spec file's bytes at `ref`; None when it did not exist there."""
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise UsageError(f"--changed-since: {ref!r} is not a commit in {top}")
    relative = _inside(spec, top)
    if relative is None:
        raise UsageError(f"--changed-since: {spec} is outside the repository at {top}")
    shown = _git(top, "show", f"{ref}:{relative}")
    return shown.stdout if shown.returncode == 0 else None


def _layout_of(text: bytes, name: str, layout: str) -> Layout | None:
    """The roots a spec's text generates; None when that spec does not load."""
    with tempfile.TemporaryDirectory(prefix="regionform-ref-") as folder:
        path = Path(folder) / name
        path.write_bytes(text)
        try:
            return roots(load_spec(path), layout)
        except SpecError:
            return None


def changed_since(
    spec: str | Path, ref: str, layout: str = "single", modules_dir: Path | None = None
) -> Affected:
    """The roots of `spec` affected by every change since git ref `ref` (committed or not)."""
    from regionform.bundle import modules_dir as installed_modules

    path = Path(spec)
    name = path.name
    current = roots(path, layout)
    now = rendered_roots(current, name)
    top = _toplevel(path.resolve().parent)
    old_text = spec_at(top, ref, path)
    if old_text is None:
        return affected_roots(current, now, None)
    old = _layout_of(old_text, name, layout)
    if old is None:
        return affected_roots(current, now, None, unknown="the spec did not load at the ref")
    used = {module for root in current.roots for module in bundled_modules(root.document)}
    changed = changed_modules_since(top, ref, modules_dir or installed_modules(), used)
    return affected_roots(current, now, rendered_roots(old, name), changed)
