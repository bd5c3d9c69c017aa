"""Write atlantis.yaml (repo config version 3): one Atlantis project per root.

Each project plans when its own files, the bundled modules it calls or the spec change,
waits for the roots it reads (depends_on, execution_order_group), and plans through
`regionform plan --root … --no-generate`, so stateful deletes are refused under Atlantis
too. Paths in it are relative to the repository root: run this from there. Exit 0 when
written, 1 for spec findings, 2 when the file cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from regionform.cli import options

HELP = "write atlantis.yaml: one Atlantis project per root, planned through regionform"


def configure(parser: argparse.ArgumentParser) -> None:
    options.spec_and_roots(parser)
    parser.add_argument(
        "--write",
        default="atlantis.yaml",
        metavar="PATH",
        help="where to write it; - prints it (default: atlantis.yaml)",
    )


def _from_here(path: Path) -> str:
    """`path` relative to the current folder (the repository root Atlantis reads from)."""
    from regionform.findings import UsageError

    here = Path.cwd().resolve()
    try:
        relative = path.resolve().relative_to(here)
    except ValueError:
        raise UsageError(
            f"{path} is outside {here}: run `regionform atlantis` from the repository root"
        ) from None
    return relative.as_posix()


def run(args: argparse.Namespace) -> int:
    from regionform.delivery.atlantis import render_config, repo_config
    from regionform.findings import UsageError
    from regionform.pipeline import roots

    spec, out = _from_here(args.spec), _from_here(Path(args.out))
    laid_out = roots(args.spec, args.layout)
    config = repo_config(
        laid_out,
        spec=spec,
        out=out,
        output_format=args.output_format,
        layout_name=args.layout,
    )
    text = render_config(config)
    if args.write == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.write).write_text(text, "utf-8")
    except OSError as error:
        raise UsageError(f"{args.write}: cannot write: {error.strerror}") from None
    print(f"wrote {args.write}: {len(config['projects'])} projects")
    return 0
