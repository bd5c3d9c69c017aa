"""Generate the Terraform roots for the spec's environment under OUT/<environment>/.

With --check, write nothing: exit 1 and list what differs when OUT is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from regionform.choices import ENGINES
from regionform.cli import options

HELP = "generate the Terraform roots for the spec's environment"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, metavar="SPEC", help="the spec file")
    options.out(parser)
    options.output_format(parser, default=None)
    parser.add_argument(
        "--check",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="write nothing; exit 1 and list the differences when OUT is stale",
    )
    options.layout(parser)
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="native",
        help="native, or cdktf: synthesize the same root through CDK for Terraform "
        "(JSON only; needs pip install 'regionform[cdktf]') (default: native)",
    )


def generate_one(
    spec: Path, out: Path, output_format: str | None, check: bool, layout: str, engine: str
) -> int:
    """Generate (or check) one spec and print the outcome; the exit status."""
    from regionform.findings import SpecError
    from regionform.pipeline import generate

    try:
        result = generate(
            spec, out=out, output_format=output_format, check=check, layout=layout, engine=engine
        )
    except SpecError as error:
        from regionform.cli import print_findings_to_stderr

        print_findings_to_stderr(error, "generated")
        return 1
    if check:
        if result.up_to_date:
            print(f"{result.root}: up to date ({len(result.files)} files)")
            return 0
        for label, names in (
            ("stale", result.stale),
            ("missing", result.missing),
            ("extra", result.extra),
        ):
            for name in names:
                print(f"{label}: {result.root / name}")
        again = f"regionform generate {spec} --out {out}"
        if output_format:
            again += f" --format {output_format}"
        if layout != "single":
            again += f" --layout {layout}"
        if engine == "cdktf":
            again += " --engine cdktf"
        print(f"{result.root} is out of date; run `{again}`", file=sys.stderr)
        return 1
    print(
        f"{result.root}: {len(result.written)} written, {len(result.removed)} removed, "
        f"{len(result.unchanged)} unchanged"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    return generate_one(
        args.spec, args.out, args.output_format, args.check, args.layout, args.engine
    )
