"""Benchmark: `regionform lint` against `check-jsonschema` on the same spec and schema.

Builds a 4-region, 200-tenant spec, then alternates runs of both commands (so machine noise
hits both alike) and reports the median wall time of each and their ratio. regionform does
everything check-jsonschema does (parse, validate against the same JSON Schema) plus its
semantic lint rules.

    python bench/lint_vs_check_jsonschema.py [--runs 15] [--tenants 200] [--markdown]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REGIONS = {
    "ap-south-1": ("primary", "10.1.0.0/16", "IN"),
    "ap-southeast-1": ("dr", "10.2.0.0/16", "SG"),
    "me-south-1": ("regional", "10.3.0.0/16", "AE"),
    "eu-west-2": ("regional", "10.4.0.0/16", "GB"),
}
# Countries served from each region; tenants cycle through them.
COUNTRIES = {
    "ap-south-1": ["IN", "NP", "BD", "LK"],
    "ap-southeast-1": ["SG", "MY", "ID", "TH", "VN", "PH"],
    "me-south-1": ["AE", "SA", "QA", "BH", "OM", "KW"],
    "eu-west-2": ["GB", "IE", "FR", "DE", "NL", "BE"],
}


def build_spec(tenants: int) -> str:
    lines = [
        "version: 1",
        "project: benchco",
        "environment: production",
        "state: {backend: s3, bucket: benchco-terraform-state, region: ap-south-1}",
        "tags: {Owner: platform}",
        "regions:",
    ]
    for name, (role, cidr, jurisdiction) in REGIONS.items():
        lines += [
            f"  {name}:",
            f"    role: {role}",
            f"    description: {name} stack",
            f"    vpc: {{cidr: {cidr}, az_count: 3, nat: per_az}}",
            f"    residency: {{jurisdiction: {jurisdiction}}}",
        ]
    lines.append("tenants:")
    names = list(REGIONS)
    for index in range(tenants):
        home = names[index % len(names)]
        pool = COUNTRIES[home]
        countries = ", ".join(pool[j % len(pool)] for j in range(index % 3 + 1))
        tier = "silo" if index % 10 == 0 else "pooled"
        lines += [
            f"  tenant-{index:04d}:",
            f"    home: {home}",
            f"    countries: [{countries}]",
            f"    tier: {tier}",
            f"    description: Tenant number {index}",
        ]
    return "\n".join(lines) + "\n"


def command(name: str) -> list[str]:
    """The console script installed next to this interpreter, so both run alike."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install -e '.[dev]'")
    return [found]


def time_runs(argv: list[str], expect: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != expect:
        sys.exit(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tenants", type=int, default=200)
    parser.add_argument("--markdown", action="store_true", help="print a docs table")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "estate.yaml"
        spec.write_text(build_spec(args.tenants))
        schema = Path(tmp) / "schema.json"
        schema.write_text(
            subprocess.run(
                [*command("regionform"), "schema"], capture_output=True, text=True, check=True
            ).stdout
        )
        ours = [*command("regionform"), "lint", str(spec)]
        peer = [*command("check-jsonschema"), "--schemafile", str(schema), str(spec)]
        time_runs(ours, 0)  # warm the file cache and bytecode for both
        time_runs(peer, 0)
        ours_times, peer_times = [], []
        for _ in range(args.runs):
            ours_times.append(time_runs(ours, 0))
            peer_times.append(time_runs(peer, 0))

    ours_median = statistics.median(ours_times)
    peer_median = statistics.median(peer_times)
    ratio = ours_median / peer_median
    size = len(build_spec(args.tenants))
    if args.markdown:
        print("| command | median wall time |")
        print("|---|---|")
        print(
            f"| `regionform lint` (schema + {len(REGIONS)} regions' semantic rules) "
            f"| {ours_median * 1000:.0f} ms |"
        )
        print(f"| `check-jsonschema` (schema only) | {peer_median * 1000:.0f} ms |")
        print(f"| **ratio** | **{ratio:.2f}x** |")
    else:
        print(
            f"spec: {len(REGIONS)} regions, {args.tenants} tenants, {size} bytes; "
            f"{args.runs} runs each"
        )
        print(
            f"regionform lint   median {ours_median * 1000:7.1f} ms  "
            f"(min {min(ours_times) * 1000:.1f})"
        )
        print(
            f"check-jsonschema  median {peer_median * 1000:7.1f} ms  "
            f"(min {min(peer_times) * 1000:.1f})"
        )
        print(f"ratio regionform/check-jsonschema: {ratio:.2f}")


if __name__ == "__main__":
    main()
