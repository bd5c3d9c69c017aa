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


def run(args: argparse.Namespace) -> int:
    from regionform.plan.report import read_summaries
    from regionform.plan.table import markdown_table, text_table

    merged = read_summaries(args.summaries)
    render = markdown_table if args.style == "markdown" else text_table
    sys.stdout.write(render(merged))
    return 0
