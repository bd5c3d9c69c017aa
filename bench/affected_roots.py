"""Roots planned with `roots --changed-since` against all roots, for a corpus of typical edits.

An 8-region, 300-tenant synthetic estate with DNS (bench/synthetic.py plus an endpoint per
region and a `dns` block) is committed to a throwaway git repository together with a copy of
the bundled modules; each edit is then made in the working tree and
`regionform.plan.affected.changed_since` says which roots a CI run would plan. Prints a
Markdown table (the one in docs/delivery.md).

    python bench/affected_roots.py [--regions 8] [--tenants 300]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import REGIONS, synthetic_spec

from regionform.plan.affected import changed_since

REPO = Path(__file__).resolve().parent.parent
SPEC = "estate.yaml"


def estate(regions: int, tenants: int) -> str:
    """The synthetic spec, each region with an endpoint, and DNS for the API and tenants."""
    text = synthetic_spec(regions, tenants)
    for name in REGIONS[:regions]:
        anchor = f"  {name}:\n"
        text = text.replace(anchor, anchor + f"    endpoint: {{fqdn: {name}.alb.example.com}}\n")
    return text + "dns:\n  domain: synthetic.example\n  api: api\n"


def one_tenant(repo: Path) -> None:
    path = repo / SPEC
    text = path.read_text()
    old = "  tenant-0004:\n    home: eu-central-1\n    countries: [AT]\n    tier: pooled\n"
    assert old in text, "tenant-0004 moved: update the bench"
    path.write_text(text.replace(old, old.replace("pooled", "silo")))


def cache_size(repo: Path) -> None:
    path = repo / SPEC
    lines = path.read_text().splitlines(keepends=True)
    start = lines.index(f"  {REGIONS[2]}:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    for i in range(start, end):
        lines[i] = lines[i].replace("cache.r6g.large", "cache.r6g.xlarge")
    path.write_text("".join(lines))


def dns_record(repo: Path) -> None:
    path = repo / SPEC
    path.write_text(path.read_text().replace("  api: api\n", "  api: gateway\n"))


def module_change(repo: Path) -> None:
    with (repo / "modules" / "redis" / "main.tf").open("a") as main:
        main.write("\n# an edit to the redis module\n")


def new_region(repo: Path) -> None:
    path = repo / SPEC
    text = path.read_text()
    regions = sum(1 for name in REGIONS if f"\n  {name}:\n" in text)
    name = REGIONS[regions]
    block = (
        f"  {name}:\n"
        "    role: regional\n"
        f"    vpc: {{cidr: 10.{regions + 1}.0.0/16, az_count: 2, nat: single}}\n"
        f"    endpoint: {{fqdn: {name}.alb.example.com}}\n"
    )
    path.write_text(text.replace("tenants:\n", block + "tenants:\n", 1))


EDITS: tuple[tuple[str, Callable[[Path], None]], ...] = (
    ("one tenant (pooled → silo)", one_tenant),
    (f"one region's cache size ({REGIONS[2]})", cache_size),
    ("a DNS record (api → gateway)", dns_record),
    ("a bundled module (redis)", module_change),
    ("a new region (no tenants yet)", new_region),
)


def git(repo: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args]
    subprocess.run(command, cwd=repo, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regions", type=int, default=8)
    parser.add_argument("--tenants", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="regionform-affected-") as folder:
        repo = Path(folder)
        git(repo, "init", "-q")
        (repo / SPEC).write_text(estate(args.regions, args.tenants))
        skip = shutil.ignore_patterns(".terraform*", "tests", "examples", "*.md")
        shutil.copytree(REPO / "modules", repo / "modules", ignore=skip)
        git(repo, "add", ".")
        git(repo, "commit", "-qm", "estate")
        print(f"{args.regions} regions, {args.tenants} tenants\n")
        print("| edit | layout | roots planned | all roots | affected (why) | seconds |")
        print("|---|---|--:|--:|---|--:|")
        for label, apply_edit in EDITS:
            apply_edit(repo)
            for layout in ("per-region", "single"):
                started = time.perf_counter()
                affected = changed_since(repo / SPEC, "HEAD", layout, modules_dir=repo / "modules")
                seconds = time.perf_counter() - started
                why = "; ".join(f"{n}: {r}" for n, r in affected.reasons.items())
                total = len(affected.layout.roots)
                print(
                    f"| {label} | {layout} | {len(affected.names)} | {total} | {why} "
                    f"| {seconds:.1f} |"
                )
            git(repo, "checkout", "-q", "--", ".")
            git(repo, "clean", "-qfd")


if __name__ == "__main__":
    main()
