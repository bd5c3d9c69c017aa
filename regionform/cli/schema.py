"""Print the spec's JSON Schema (for editors and yaml-language-server)."""

from __future__ import annotations

import argparse
import sys

HELP = "print the spec's JSON Schema"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no arguments


def run(args: argparse.Namespace) -> int:
    from regionform.spec.validate import schema_text

    sys.stdout.write(schema_text())
    return 0
