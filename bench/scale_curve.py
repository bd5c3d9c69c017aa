"""Benchmark: how lint and generate grow with the estate, up to 16 regions by 50,000 tenants.

Each estate is a synthetic spec (bench/synthetic.py) written to a temporary folder; each
command runs as its own `python -m regionform` child, so a row is what a user pays, start-up
included. Reports the median CPU time (user + sys) and the peak memory (max RSS) of each
command, both per tenant, and the marginal cost of one more tenant between two estates of
the same region count: that slope is the per-tenant cost the issue bounds (0.1 ms).

    python bench/scale_curve.py [--runs 3] [--markdown] [--sizes 4x1000,16x10000]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_spec

REPO = Path(__file__).resolve().parent.parent
SIZES = ((4, 1_000), (8, 3_000), (16, 1_000), (16, 10_000), (16, 50_000))


@dataclass(frozen=True)
class Measure:
    cpu_seconds: float
    peak_mb: float


def measure(argv: list[str]) -> Measure:
    """CPU seconds and peak resident memory of one child, from its own rusage."""
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{errors.decode()[-2000:]}")
    # ru_maxrss is in KiB on Linux.
    return Measure(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Measure]) -> Measure:
    return Measure(
        statistics.median(m.cpu_seconds for m in runs), statistics.median(m.peak_mb for m in runs)
    )


def regionform(*args: str) -> list[str]:
    return [sys.executable, "-m", "regionform", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument(
        "--sizes",
        default=",".join(f"{r}x{t}" for r, t in SIZES),
        help="estates as REGIONSxTENANTS, comma-separated",
    )
    options = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in options.sizes.split(",")]
    rows: list[tuple[int, int, int, Measure, Measure]] = []
    with tempfile.TemporaryDirectory() as folder:
        start = median([measure(regionform("--version")) for _ in range(options.runs)])
        for regions, tenants in sizes:
            spec = Path(folder) / f"estate-{regions}x{tenants}.yaml"
            spec.write_text(synthetic_spec(regions, tenants))
            out = str(Path(folder) / f"out-{regions}x{tenants}")
            lint = median([measure(regionform("lint", str(spec))) for _ in range(options.runs)])
            # The first generate writes; the median is over runs that rewrite the same bytes.
            generate = median(
                [
                    measure(regionform("generate", str(spec), "--out", out))
                    for _ in range(options.runs)
                ]
            )
            rows.append((regions, tenants, spec.stat().st_size, lint, generate))
    print_table(rows, start, options.markdown)


def print_table(
    rows: list[tuple[int, int, int, Measure, Measure]], start: Measure, markdown: bool
) -> None:
    header = (
        "| estate | spec | lint CPU | lint peak | generate CPU | generate peak "
        "| lint ms/tenant | generate ms/tenant |"
    )
    lines = [header, "|" + "---|" * 8] if markdown else [header]
    for regions, tenants, size, lint, generate in rows:
        lines.append(
            f"| {regions} regions x {tenants:,} tenants | {size / 1024:,.0f} KB "
            f"| {lint.cpu_seconds:.2f} s | {lint.peak_mb:.0f} MB "
            f"| {generate.cpu_seconds:.2f} s | {generate.peak_mb:.0f} MB "
            f"| {1000 * lint.cpu_seconds / tenants:.3f} "
            f"| {1000 * generate.cpu_seconds / tenants:.3f} |"
        )
    print("\n".join(lines))
    print(f"\nstart-up (`regionform --version`): {start.cpu_seconds:.2f} s, {start.peak_mb:.0f} MB")
    # The slope between two estates of the same region count: one more tenant's cost,
    # with start-up and per-region work taken out.
    by_regions: dict[int, list[tuple[int, Measure, Measure]]] = {}
    for regions, tenants, _, lint, generate in rows:
        by_regions.setdefault(regions, []).append((tenants, lint, generate))
    for regions, points in sorted(by_regions.items()):
        points.sort(key=lambda p: p[0])
        for (t0, l0, g0), (t1, l1, g1) in itertools.pairwise(points):
            extra = t1 - t0
            print(
                f"{regions} regions, {t0:,} → {t1:,} tenants: one more tenant costs "
                f"{1000 * (l1.cpu_seconds - l0.cpu_seconds) / extra:.3f} ms (lint), "
                f"{1000 * (g1.cpu_seconds - g0.cpu_seconds) / extra:.3f} ms (generate); "
                f"{1024 * (l1.peak_mb - l0.peak_mb) / extra:.1f} KB, "
                f"{1024 * (g1.peak_mb - g0.peak_mb) / extra:.1f} KB of memory"
            )


if __name__ == "__main__":
    main()
