"""Print the roots under OUT/<environment> in apply order (each after the roots it reads).

With --changed-since REF, only the roots a change since git ref REF affects: those whose
generated files differ, those calling a changed bundled module, and every root reading from
one of them (why each is listed goes to stderr).
"""

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
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="only the roots a change since git ref REF affects (and the roots reading them)",
    )


def run(args: argparse.Namespace) -> int:
    from regionform.pipeline import roots

    if args.changed_since is None:
        laid_out = roots(args.spec, args.layout)
        chosen = laid_out.roots
    else:
        from regionform.plan.affected import changed_since

        affected = changed_since(args.spec, args.changed_since, args.layout)
        laid_out = affected.layout
        chosen = tuple(root for root in laid_out.roots if root.name in affected.names)
        total = len(laid_out.roots)
        print(
            f"regionform: {len(chosen)} of {total} roots affected since {args.changed_since}",
            file=sys.stderr,
        )
        for name, reason in affected.reasons.items():
            print(f"  {name}: {reason}", file=sys.stderr)
        for name in affected.removed:
            print(f"  {name}: no longer generated (destroy it by hand)", file=sys.stderr)
    entries = [
        {"root": root.name, "path": str(PurePosixPath(laid_out.environment, root.folder))}
        for root in chosen
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
