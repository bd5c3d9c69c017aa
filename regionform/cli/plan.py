"""Generate, run terraform init and plan in every root, and print one summary table.

Exit 0 on success; 1 on any error, or a plan that deletes or replaces a database, cache,
bucket, KMS key or EKS cluster that --allow-destroy does not name. With --detailed-exitcode,
as with `terraform plan`: 2 when there are changes, and 1 (not 2) for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from regionform.cli import options

HELP = "generate, then terraform init and plan every root; one summary table"


def configure(parser: argparse.ArgumentParser) -> None:
    options.spec_and_roots(parser)
    parser.add_argument(
        "--root",
        dest="roots",
        action="append",
        default=[],
        metavar="ROOT",
        help="plan only this root (repeatable; see `regionform roots`)",
    )
    parser.add_argument("--parallel", type=int, default=4, help="roots planned at once (4)")
    parser.add_argument(
        "--detailed-exitcode",
        action="store_true",
        help="exit 2 when there are changes, 0 when none",
    )
    parser.add_argument(
        "--allow-destroy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="allow this stateful resource address to be deleted or replaced (repeatable)",
    )
    parser.add_argument(
        "--summary-json", type=Path, help="also write the summary as JSON (for summarize)"
    )
    parser.add_argument("--summary-markdown", type=Path, help="also write the summary as Markdown")
    parser.add_argument("--no-generate", action="store_true", help="plan what is already in OUT")


def run(args: argparse.Namespace) -> int:
    from regionform.findings import SpecError
    from regionform.plan.report import report_plan, write_summary_files
    from regionform.plan.run import run_plan

    try:
        result = run_plan(
            args.spec,
            out=args.out,
            output_format=args.output_format,
            layout=args.layout,
            roots=args.roots,
            parallel=args.parallel,
            allow_destroy=args.allow_destroy,
            generate=not args.no_generate,
            progress=sys.stderr,
        )
    except SpecError as error:
        from regionform.cli import print_findings_to_stderr

        print_findings_to_stderr(error, "planned")
        return 1
    report_plan(result, str(args.spec), sys.stdout, sys.stderr)
    diagram = None
    if args.summary_markdown is not None:
        from regionform.delivery.map import estate_map
        from regionform.pipeline import load_spec
        from regionform.plan.table import changed_regions

        diagram = estate_map(load_spec(args.spec), changed_regions(result.summary))
    write_summary_files(result.summary, args.summary_json, args.summary_markdown, diagram)
    return result.exit_code(args.detailed_exitcode)
