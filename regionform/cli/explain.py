"""Explain what a spec does with data: every copy, origin → path → target, and the rule that
allows or refuses each hop. Shown for a spec lint refuses too: that is when it helps most."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "explain every copy of data the spec makes, and which rule allows each hop"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, metavar="SPEC", help="the spec file")
    parser.add_argument(
        "--copies",
        action="store_true",
        default=True,
        help="every copy of data: origin → path → target, and the rule allowing each hop "
        "(the default, and for now the only explanation)",
    )


def run(args: argparse.Namespace) -> int:
    from regionform.findings import SpecError
    from regionform.pipeline import read
    from regionform.spec.copies import explain_copies

    model, findings = read(args.spec)
    if model is None or findings:
        # Schema findings leave only part of the model: explaining that would mislead.
        raise SpecError(findings)
    sys.stdout.write(explain_copies(model))
    return 0
