"""Benchmark: how fast every `regionform` command starts, against a bare interpreter.

Each command runs with arguments that do real but small work (lint and generate a small
example, --help for the commands whose work is Terraform's), alternating with
`python -c pass` so machine noise hits both alike. Reports the median CPU time (user + sys)
of each and its ratio to the bare interpreter: the floor every Python CLI pays.

    python bench/command_start.py [--runs 9] [--markdown]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = str(REPO / "examples" / "project-one.yaml")


def commands(out: str) -> dict[str, list[str]]:
    return {
        "--help": ["--help"],
        "--version": ["--version"],
        "lint SPEC": ["lint", SPEC],
        "lint --help": ["lint", "--help"],
        "generate SPEC": ["generate", SPEC, "--out", out],
        "generate --check SPEC": ["generate", SPEC, "--out", out, "--check"],
        "check SPEC": ["check", SPEC, "--out", out],
        "roots SPEC": ["roots", SPEC, "--layout", "per-region"],
        "plan --help": ["plan", "--help"],
        "lock --help": ["lock", "--help"],
        "atlantis SPEC": ["atlantis", SPEC, "--out", out, "--write", f"{out}/atlantis.yaml"],
        "map SPEC": ["map", SPEC],
        "explain SPEC --copies": ["explain", SPEC, "--copies"],
        "summarize --help": ["summarize", "--help"],
        "schema": ["schema"],
        "rules": ["rules"],
        "init --help": ["init", "--help"],
    }


def cpu_of(argv: list[str]) -> float:
    """CPU seconds (user + system) the child used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--markdown", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        table = commands(out)
        # Warm up: the first generate writes; the rest rewrite nothing.
        subprocess.run(
            [sys.executable, "-m", "regionform", *table["generate SPEC"]],
            check=True,
            capture_output=True,
        )
        bare: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in table}
        for _ in range(options.runs):
            for name, args in table.items():
                bare.append(cpu_of([sys.executable, "-c", "pass"]))
                times[name].append(cpu_of([sys.executable, "-m", "regionform", *args]))
    floor = statistics.median(bare)
    rows = [(name, statistics.median(values)) for name, values in times.items()]
    if options.markdown:
        print("| command | CPU (median) | times bare `python -c pass` |")
        print("|---|---:|---:|")
        print(f"| `python -c pass` | {floor * 1000:.0f} ms | 1.0 |")
        for name, value in rows:
            print(f"| `regionform {name}` | {value * 1000:.0f} ms | {value / floor:.1f} |")
    else:
        print(f"{'python -c pass':<28} {floor * 1000:7.0f} ms   1.0x")
        for name, value in rows:
            print(f"{'regionform ' + name:<28} {value * 1000:7.0f} ms {value / floor:5.1f}x")


if __name__ == "__main__":
    main()
