"""Our Terraform modules, copied next to each generated root.

In a wheel they live in `regionform/_modules`; in a source checkout, in `modules/` at the
repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# Only what Terraform needs to run the module; tests and docs stay in the repository.
_SHIPPED_SUFFIXES = (".tf", ".md")


@cache
def modules_dir() -> Path:
    packaged = Path(__file__).parent / "_modules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).parent.parent / "modules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("regionform's Terraform modules are missing from this install")


def module_files(module: str) -> dict[str, bytes]:
    """Relative path under `modules/<module>/` → bytes, for every file the root needs."""
    root = modules_dir() / module
    files = {}
    for path in sorted(root.iterdir()):
        if path.is_file() and path.suffix in _SHIPPED_SUFFIXES:
            files[f"modules/{module}/{path.name}"] = path.read_bytes()
    if not files:
        raise FileNotFoundError(f"module {module!r} not found in {modules_dir()}")
    return files
