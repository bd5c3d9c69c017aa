"""`generate --check` for each spec (pre-commit passes many): exit 1 when any is stale."""

from __future__ import annotations

import argparse
from pathlib import Path

from regionform.cli import options

HELP = "exit 1 when the generated output of any spec is stale"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC", help="spec files")
    options.out(parser)
    options.output_format(parser)
    options.layout(parser)


def run(args: argparse.Namespace) -> int:
    from regionform.cli.generate import generate_one
    from regionform.spec.include import estates_of

    status = 0
    for spec in estates_of(args.specs):
        outcome = generate_one(spec, args.out, args.output_format, True, args.layout, "native")
        status = max(status, outcome)
    return status
