"""The `regionform` command line: one argparse parser, one module per command.

A command is a module in this package that defines `HELP` (its one-line summary),
`configure(parser)` (its arguments) and `run(args) -> int` (its exit status). Adding a
command means adding a module and its name to `COMMANDS`. Command modules import what they
need inside `run`, so `regionform lint` never pays for Terraform, plan or cdktf code.

The exit status is the same contract for every command (see `ExitCode`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from enum import IntEnum
from types import ModuleType

from regionform.about import __version__
from regionform.findings import SpecError, UsageError

COMMANDS = (
    "lint",
    "generate",
    "check",
    "roots",
    "plan",
    "lock",
    "atlantis",
    "map",
    "summarize",
    "schema",
    "rules",
    "init",
    "explain",
)


class ExitCode(IntEnum):
    """What `regionform` exits with, whatever the command."""

    OK = 0
    # Lint findings, stale output, a refused write, a failed or refused plan.
    FINDINGS = 1
    # Bad arguments, a missing or unreadable file, a folder that cannot be written.
    USAGE = 2
    # A bug in regionform.
    INTERNAL = 3


# `plan --detailed-exitcode` only, as in `terraform plan`: the plan has changes. In that mode
# a usage error exits 1 instead of 2, so CI never mistakes it for changes.
PLAN_CHANGES = 2


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors mapped through the exit-code contract."""

    usage_status: int = ExitCode.USAGE

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(self.usage_status)


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"regionform.cli.{name}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="regionform",
        description="Generate multi-region, multi-tenant AWS Terraform from one YAML spec.",
    )
    parser.add_argument("--version", action="version", version=f"regionform {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = _command(name)
        sub = commands.add_parser(
            name,
            help=module.HELP,
            description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.configure(sub)
        sub.set_defaults(run=module.run)
    return parser


def print_findings_to_stderr(error: SpecError, what: str) -> None:
    from regionform.lint.report import print_findings

    print_findings(error.findings, "text", sys.stderr)
    print(f"regionform: nothing {what}; fix the findings above", file=sys.stderr)


def _usage_status(argv: Sequence[str]) -> int:
    detailed = "plan" in argv and "--detailed-exitcode" in argv
    return ExitCode.FINDINGS if detailed else ExitCode.USAGE


def execute(argv: Sequence[str]) -> int:
    """Parse and run one command line; the exit status. Never raises for users' mistakes."""
    usage_status = _usage_status(argv)
    _Parser.usage_status = usage_status
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return usage_status
    try:
        status: int = args.run(args)
        return status
    except SpecError as error:
        print_findings_to_stderr(error, "done")
        return ExitCode.FINDINGS
    except UsageError as error:
        from regionform.writer import WriteConflict

        print(f"regionform: {error}", file=sys.stderr)
        return ExitCode.FINDINGS if isinstance(error, WriteConflict) else usage_status


def main(argv: Sequence[str] | None = None) -> None:
    """The console entry point: no traceback ever reaches a user."""
    try:
        sys.exit(execute(sys.argv[1:] if argv is None else argv))
    except SystemExit:
        raise
    except BrokenPipeError:
        # `regionform lint --format sarif | head`: the reader left; not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.FINDINGS)
    except KeyboardInterrupt:
        print("regionform: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never a traceback for users
        print(
            f"regionform: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in regionform. Please report it with the command and spec that "
            "triggered it (set REGIONFORM_DEBUG=1 to see the traceback).",
            file=sys.stderr,
        )
        if os.environ.get("REGIONFORM_DEBUG"):
            raise
        sys.exit(ExitCode.INTERNAL)
