"""Tenants kept in their own files: `tenants_from: tenants/*.yaml` (or a list of patterns).

Each matching file is a mapping of tenant id → tenant, loaded with the same safe loader and
caps as the spec; its tenants join the spec's `tenants` and keep their own file, line and
column in every finding (the source map records which file each tenant came from). Every
command reads specs through here, so lint, generate, check, plan and roots all follow the
inclusion.
"""

from __future__ import annotations

import glob
from pathlib import Path as FsPath
from typing import Any

from regionform.findings import Finding, Location, SpecError
from regionform.spec import codes, limits
from regionform.spec.loader import LoadedDocument, load_file

KEY = "tenants_from"


def _patterns(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _bad(doc: LoadedDocument, path: tuple[str | int, ...], message: str, hint: str) -> Finding:
    return Finding(codes.BAD_VALUE, message, doc.source.value(path), hint=hint)


def _files(doc: LoadedDocument, base: FsPath) -> tuple[list[FsPath], list[Finding]]:
    """The tenant files the spec names, in a stable order, and findings for bad patterns."""
    value = doc.data[KEY]
    patterns = _patterns(value)
    if patterns is None:
        return [], [
            _bad(
                doc,
                (KEY,),
                f"{KEY} must be a file pattern or a list of them",
                "e.g. tenants_from: tenants/*.yaml",
            )
        ]
    files: list[FsPath] = []
    findings: list[Finding] = []
    for index, pattern in enumerate(patterns):
        where: tuple[str | int, ...] = (KEY,) if isinstance(value, str) else (KEY, index)
        if FsPath(pattern).is_absolute() or ".." in FsPath(pattern).parts:
            findings.append(
                _bad(
                    doc,
                    where,
                    f"{pattern!r} leaves the spec's folder",
                    "name tenant files relative to the spec, inside its folder",
                )
            )
            continue
        matched = sorted(
            FsPath(m) for m in glob.glob(str(base / pattern), recursive=True) if FsPath(m).is_file()
        )
        if not matched:
            findings.append(
                _bad(doc, where, f"{pattern!r} matches no file", "check the pattern and folder")
            )
        files += [m for m in matched if m not in files]
    return files, findings


def _display(file: FsPath, spec: FsPath, spec_name: str) -> str:
    """The tenant file's name as findings show it: beside the spec's name as the user gave it."""
    relative = file.relative_to(spec.parent) if file.is_relative_to(spec.parent) else file
    return str(FsPath(spec_name).parent / relative)


def load_spec_file(path: str | FsPath, display_name: str | None = None) -> LoadedDocument:
    """Load a spec and the tenant files it includes, as one document. Raises SpecError."""
    spec = FsPath(path)
    name = display_name or str(path)
    doc = load_file(spec, name)
    if not isinstance(doc.data, dict) or KEY not in doc.data:
        return doc
    files, findings = _files(doc, spec.parent)
    total = sum(f.stat().st_size for f in files)
    if total > limits.MAX_BYTES:
        findings.append(
            Finding(
                codes.FILE_TOO_LARGE,
                f"the tenant files come to {total} bytes; specs are limited to "
                f"{limits.MAX_BYTES} bytes with everything they include",
                doc.source.value((KEY,)),
                hint="split very large estates into one spec per environment",
            )
        )
        raise SpecError(findings)
    data = dict(doc.data)
    tenants = data.get("tenants")
    merged: dict[str, Any] = dict(tenants) if isinstance(tenants, dict) else {}
    for file in files:
        shown = _display(file, spec, name)
        try:
            part = load_file(file, shown)
        except SpecError as error:
            findings += error.findings
            continue
        if part.data is None:
            continue
        if not isinstance(part.data, dict):
            findings.append(
                Finding(
                    codes.WRONG_TYPE,
                    "a tenant file must be a mapping of tenant id to tenant",
                    Location(shown, 1, 1),
                    hint="write `<tenant-id>: {home: …, countries: […]}` entries",
                )
            )
            continue
        taken: set[str | int] = set()
        for tenant_id, tenant in part.data.items():
            if tenant_id in merged:
                first = doc.source.key(("tenants", tenant_id))
                findings.append(
                    Finding(
                        codes.DUPLICATE_KEY,
                        f"duplicate tenant {tenant_id!r} (first defined at {first})",
                        part.source.key((tenant_id,)),
                        hint="keep each tenant in one place",
                    )
                )
                continue
            merged[tenant_id] = tenant
            taken.add(tenant_id)
        doc.source.include(("tenants",), taken, part.source)
    if findings:
        raise SpecError(findings)
    del data[KEY]
    data["tenants"] = merged
    if ("tenants",) not in doc.source.values:
        # Findings about the tenants as a whole point at the inclusion.
        where = doc.source.value((KEY,))
        doc.source.values[("tenants",)] = (where.line, where.column)
    return LoadedDocument(data=data, source=doc.source)


def _includes(spec: FsPath, file: FsPath) -> bool:
    """Whether `spec` names `file` in its tenants_from (a quick text test first: a hook
    passes every changed file, and most specs include nothing)."""
    try:
        if KEY not in spec.read_text("utf-8", errors="replace"):
            return False
        data = load_file(spec).data
    except (OSError, SpecError):
        return False
    patterns = _patterns(data.get(KEY)) if isinstance(data, dict) else None
    for pattern in patterns or []:
        for match in glob.glob(str(spec.parent / pattern), recursive=True):
            if FsPath(match).resolve() == file:
                return True
    return False


def estates_of(paths: list[FsPath], top: FsPath | None = None) -> list[FsPath]:
    """The specs to check for these files: a spec stands for itself; a tenant file for every
    spec in its folder or a folder above it (up to `top`, the working folder) that includes
    it. pre-commit passes the changed files, so a changed tenant file lints its estate."""
    top = (top or FsPath.cwd()).resolve()
    out: list[FsPath] = []
    for path in paths:
        found: list[FsPath] = []
        file = path.resolve()
        if file.is_file():
            folder = file.parent
            while True:
                found += [
                    s
                    for s in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
                    if s.resolve() != file and _includes(s, file)
                ]
                if folder == top or top not in folder.parents:
                    break
                folder = folder.parent
        shown = [_shown(s) for s in found] or [path]
        out += [s for s in shown if s not in out]
    return out


def _shown(spec: FsPath) -> FsPath:
    """A spec's path as the user would type it: relative to the working folder when inside."""
    try:
        return spec.relative_to(FsPath.cwd())
    except ValueError:
        return spec
