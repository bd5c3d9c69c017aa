"""Merge plan summaries (e.g. one per root from a CI matrix) into one table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "merge plan summaries (plan --summary-json) into one table"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "summaries", nargs="+", type=Path, metavar="SUMMARY", help="summary JSON files"
    )
    parser.add_argument(
        "--format",
        dest="style",
        choices=("markdown", "text"),
        default="markdown",
        help="markdown or text (default: markdown)",
    )
    parser.add_argument(
        "--map",
        type=Path,
        metavar="SPEC",
        help="show this spec's estate map above the Markdown table, changed regions marked",
    )


def run(args: argparse.Namespace) -> int:
    from regionform.plan.report import read_summaries
    from regionform.plan.table import markdown_table, text_table

    merged = read_summaries(args.summaries)
    if args.style == "text":
        sys.stdout.write(text_table(merged))
        return 0
    diagram = None
    if args.map is not None:
        from regionform.delivery.map import estate_map
        from regionform.pipeline import load_spec
        from regionform.plan.table import changed_regions

        diagram = estate_map(load_spec(args.map), changed_regions(merged))
    sys.stdout.write(markdown_table(merged, diagram=diagram))
    return 0
