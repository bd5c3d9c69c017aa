"""Benchmark: `regionform generate` with the native engine against `--engine cdktf`, and the
native engine's scale curve.

1. Engines: `regionform generate examples/bizflow.yaml --format json` against the same with
   `--engine cdktf` (the cdktf extra), runs alternated so machine noise hits both alike;
   median wall time of each and their ratio. Aim: native at least 50x faster.
2. Scale: synthetic lint-clean specs (bench/synthetic.py) of 1, 4, 8 and 16 regions
   and 1, 10, 100 and 1000 tenants; `regionform generate` (load, schema, lint, generate,
   render, write to a fresh folder) in a fresh process per run: median wall and CPU time,
   peak resident memory of that process, and the marginal CPU cost of a tenant
   ((cpu(1000) - cpu(1)) / 999 at the same region count).
   Aim: 4 regions x 1000 tenants under a second.

    python bench/generate_engines.py [--runs 5] [--cdktf-runs 3] [--scale-runs 3] [--no-cdktf]

Prints markdown tables (those in docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# This script's folder is on sys.path when it runs, so its sibling imports directly.
from synthetic import synthetic_spec as build_spec

REPO = Path(__file__).resolve().parent.parent
BIZFLOW = REPO / "examples" / "bizflow.yaml"
REGION_COUNTS = (1, 4, 8, 16)
TENANT_COUNTS = (1, 10, 100, 1000)


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    # CPU time (user + system) of the process and the children it waited for (cdktf's
    # node): on a shared machine wall time mostly measures the other jobs, CPU time much less.
    cpu_seconds: float
    peak_rss_mib: float  # of the regionform process itself


def regionform() -> list[str]:
    """The console script installed next to this interpreter."""
    here = Path(sys.executable).parent / "regionform"
    found = str(here) if here.exists() else shutil.which("regionform")
    if not found:
        sys.exit("regionform is not installed: pip install -e '.[dev]'")
    return [found]


def run_once(args: list[str]) -> Run:
    """One `regionform generate` into a fresh folder: wall time and the process's peak RSS."""
    env = {**os.environ, "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1"}
    with tempfile.TemporaryDirectory(prefix="regionform-bench-") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [*regionform(), "generate", *args, "--out", out],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be a running maximum).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        stderr = process.stderr.read().decode() if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            sys.exit(f"regionform generate {' '.join(args)} failed:\n{stderr}")
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def compare_engines(runs: int, cdktf_runs: int) -> None:
    native: list[Run] = []
    cdktf: list[Run] = []
    for index in range(max(runs, cdktf_runs)):
        if index < runs:
            native.append(run_once([str(BIZFLOW), "--format", "json"]))
        if index < cdktf_runs:
            cdktf.append(run_once([str(BIZFLOW), "--engine", "cdktf"]))
    fast = statistics.median(r.seconds for r in native)
    slow = statistics.median(r.seconds for r in cdktf)
    fast_cpu = statistics.median(r.cpu_seconds for r in native)
    slow_cpu = statistics.median(r.cpu_seconds for r in cdktf)
    print(f"`regionform generate examples/bizflow.yaml`, median of {runs} / {cdktf_runs} runs:")
    print()
    print("| engine | wall time | CPU time |")
    print("|---|---|---|")
    print(f"| native (`--format json`) | {fast * 1000:.0f} ms | {fast_cpu * 1000:.0f} ms |")
    print(f"| cdktf (`--engine cdktf`) | {slow * 1000:.0f} ms | {slow_cpu * 1000:.0f} ms |")
    print(f"| **native is faster by** | **{slow / fast:.0f}x** | **{slow_cpu / fast_cpu:.0f}x** |")
    print()
    print("Aim: native at least 50x faster.")
    print()


def scale_curve(runs: int) -> None:
    print(
        f"Native engine, `regionform generate SPEC --out DIR` (hcl), median of {runs} runs, "
        "fresh process each:"
    )
    print()
    print("| regions | tenants | wall time | CPU time | peak RSS | CPU per extra tenant |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="regionform-specs-") as folder:
        for regions in REGION_COUNTS:
            baseline = 0.0
            for tenants in TENANT_COUNTS:
                spec = Path(folder) / f"scale-{regions}x{tenants}.yaml"
                spec.write_text(build_spec(regions, tenants))
                results = [run_once([str(spec)]) for _ in range(runs)]
                seconds = statistics.median(r.seconds for r in results)
                cpu = statistics.median(r.cpu_seconds for r in results)
                peak = max(r.peak_rss_mib for r in results)
                if tenants == 1:
                    baseline = cpu
                # The slope over 1 → 1000 tenants; below that the difference is within the
                # noise of a process start.
                marginal = "-"
                if tenants == TENANT_COUNTS[-1]:
                    marginal = f"{(cpu - baseline) / (tenants - 1) * 1e6:.0f} µs"
                print(
                    f"| {regions} | {tenants} | {seconds * 1000:.0f} ms | {cpu * 1000:.0f} ms "
                    f"| {peak:.0f} MiB | {marginal} |",
                    flush=True,
                )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="native runs (engine comparison)")
    parser.add_argument("--cdktf-runs", type=int, default=3, help="cdktf runs (~20 s each)")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per scale point")
    parser.add_argument("--no-cdktf", action="store_true", help="skip the engine comparison")
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    print()
    if not options.no_cdktf:
        compare_engines(options.runs, options.cdktf_runs)
    scale_curve(options.scale_runs)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
