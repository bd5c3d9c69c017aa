"""Check specs: the schema, then every semantic rule, all findings in one run.

Exit 1 when there are errors (or warnings, with --strict), 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from regionform.choices import STYLES

HELP = "check specs: schema and every semantic rule"


def default_style() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC", help="spec files to lint")
    parser.add_argument(
        "--format",
        dest="style",
        choices=STYLES,
        default=None,
        help="text, json, github (workflow annotations; the default when GITHUB_ACTIONS=true), "
        "or sarif (SARIF 2.1.0, for code scanning)",
    )
    parser.add_argument(
        "--strict", action=argparse.BooleanOptionalAction, default=False, help="fail on warnings"
    )
    parser.add_argument(
        "--quotas",
        type=Path,
        metavar="FILE",
        help="the account's quotas, as `aws service-quotas list-service-quotas` prints them "
        "(JSON; one service or a list of them): quota rules count against these instead of "
        "AWS's defaults",
    )


def run(args: argparse.Namespace) -> int:
    from regionform.findings import Finding, Severity, UsageError
    from regionform.lint.report import print_findings
    from regionform.pipeline import lint_spec
    from regionform.spec.include import estates_of
    from regionform.spec.quotas import account_quotas, parse_service_quotas

    style = args.style or default_style()
    raised: dict[str, float] = {}
    if args.quotas is not None:
        try:
            text = args.quotas.read_text("utf-8")
        except OSError as error:
            raise UsageError(f"{args.quotas}: cannot read: {error.strerror}") from None
        raised = parse_service_quotas(text, str(args.quotas))
    # A tenant file passed alone (pre-commit passes changed files) lints its estate.
    specs = estates_of(args.specs)
    findings: list[Finding] = []
    with account_quotas(raised):
        for spec in specs:
            findings.extend(lint_spec(spec))
    print_findings(findings, style)
    if style == "text":
        count = len(specs)
        summary = (
            f"{len(findings)} finding(s) in {count} spec(s)"
            if findings
            else f"{count} spec(s) clean"
        )
        print(summary, file=sys.stderr)
    failing = [f for f in findings if args.strict or f.severity is Severity.ERROR]
    return 1 if failing else 0
