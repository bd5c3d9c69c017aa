"""Print the roots under OUT/<environment> in apply order (each after the roots it reads)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path, PurePosixPath

from regionform.cli import options

HELP = "print the roots in apply order (a GitHub Actions matrix, or one path a line)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, metavar="SPEC", help="the spec file")
    options.layout(parser)
    parser.add_argument(
        "--format",
        dest="style",
        choices=("json", "text"),
        default="json",
        help="json (a GitHub Actions matrix) or text (one path a line) (default: json)",
    )


def run(args: argparse.Namespace) -> int:
    from regionform.pipeline import roots

    laid_out = roots(args.spec, args.layout)
    entries = [
        {"root": root.name, "path": str(PurePosixPath(laid_out.environment, root.folder))}
        for root in laid_out.roots
    ]
    if args.style == "json":
        print(json.dumps(entries))
    else:
        for entry in entries:
            print(entry["path"])
    for cycle in laid_out.cycles:
        # No order satisfies roots that read each other; say what a first apply takes.
        print(
            f"regionform: roots {', '.join(cycle)} read each other: on a first apply, apply "
            "them in this order, then apply them again",
            file=sys.stderr,
        )
    return 0
