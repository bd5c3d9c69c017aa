"""Benchmark: `regionform plan` wall time, one root versus per-region roots in parallel.

For 1, 4 and 8 regions (bench/synthetic.py, 2 tenants per region, data tier on), plans the
same spec in the `single` layout (one root, one aliased provider per region) and in the
`per-region` layout (one root per region plus `global`, `--parallel` roots at once), against
its own moto server on 127.0.0.1, on an empty account. Runs alternate between the layouts
so machine noise hits both alike; the table shows medians and their ratio.

    python bench/plan_layouts.py [--regions 1 4 8] [--runs 3] [--parallel 4]

Terraform runs with your environment; when a local provider mirror exists
(REGIONFORM_TF_MIRROR or /opt/tf-plugins) the benchmark writes its own CLI config using it
and a shared plugin cache, so no run downloads the provider.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from moto_server import MotoServer, moto_server, write_moto_override  # noqa: E402
from synthetic import synthetic_spec  # noqa: E402

from regionform.plan.run import run_plan  # noqa: E402
from regionform.plan.runner import Target  # noqa: E402

PROVIDER = "registry.terraform.io/hashicorp/aws"
MIRRORS = (os.environ.get("REGIONFORM_TF_MIRROR", ""), "/opt/tf-plugins")


def terraform_env(work: Path) -> dict[str, str]:
    env = dict(os.environ, CHECKPOINT_DISABLE="1")
    mirror = next((m for m in MIRRORS if m and (Path(m) / PROVIDER).is_dir()), None)
    if mirror is None:
        return env
    cache = work / "plugin-cache"
    cache.mkdir(exist_ok=True)
    config = work / "terraform.rc"
    config.write_text(
        "provider_installation {\n"
        f'  filesystem_mirror {{\n    path = "{mirror}"\n'
        '    include = ["registry.terraform.io/hashicorp/*"]\n  }\n'
        '  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n'
        f'plugin_cache_dir = "{cache}"\n'
    )
    env["TF_CLI_CONFIG_FILE"] = str(config)
    env.pop("TF_PLUGIN_CACHE_DIR", None)
    return env


def prepare_for(server: MotoServer):  # type: ignore[no-untyped-def]
    def prepare(target: Target) -> None:
        neighbours = {
            d.name.replace("-", "_"): d / "terraform.tfstate"
            for d in target.path.parent.iterdir()
            if d.is_dir()
        }
        state = target.path / "terraform.tfstate"
        write_moto_override(target.path, server.endpoint, state, neighbours)

    return prepare


def time_plan(
    spec: Path, layout: str, parallel: int, work: Path, env: dict[str, str], server: MotoServer
) -> float:
    out = Path(tempfile.mkdtemp(prefix=f"{layout}-", dir=work))
    started = time.monotonic()
    result = run_plan(
        spec,
        out=out,
        output_format="json",
        layout=layout,
        parallel=parallel,
        env=env,
        prepare=prepare_for(server),
    )
    seconds = time.monotonic() - started
    if result.failures:
        for failure in result.failures:
            print(failure.message, file=sys.stderr)
        sys.exit(f"{layout} plan of {spec.name} failed")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--tenants-per-region", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parallel", type=int, default=4)
    args = parser.parse_args()
    layouts = ["single", "per-region"]

    rows = []
    with tempfile.TemporaryDirectory(prefix="regionform-bench-") as tmp, moto_server() as server:
        work = Path(tmp)
        env = terraform_env(work)
        for regions in args.regions:
            spec = work / f"synthetic-{regions}.yaml"
            spec.write_text(synthetic_spec(regions, regions * args.tenants_per_region))
            times: dict[str, list[float]] = {layout: [] for layout in layouts}
            for run in range(args.runs):
                for layout in layouts:
                    server.reset()
                    seconds = time_plan(spec, layout, args.parallel, work, env, server)
                    times[layout].append(seconds)
                    print(
                        f"{regions} region(s), {layout}, run {run + 1}: {seconds:.1f} s",
                        file=sys.stderr,
                    )
            rows.append((regions, {k: statistics.median(v) for k, v in times.items()}))

    print(f"| regions | single root | per-region roots (--parallel {args.parallel}) | ratio |")
    print("|--:|--:|--:|--:|")
    for regions, medians in rows:
        single = medians["single"]
        per_region = medians.get("per-region")
        if per_region is None:
            print(f"| {regions} | {single:.0f} s | n/a | n/a |")
        else:
            print(
                f"| {regions} | {single:.0f} s | {per_region:.0f} s | {per_region / single:.2f}x |"
            )


if __name__ == "__main__":
    main()
