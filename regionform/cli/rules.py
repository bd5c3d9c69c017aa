"""List the lint rules: code, severity, name and summary."""

from __future__ import annotations

import argparse

HELP = "list the lint rules and their codes"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no arguments


def run(args: argparse.Namespace) -> int:
    from regionform.lint import all_rules

    for rule in all_rules():
        print(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<18}  {rule.summary}")
    return 0
