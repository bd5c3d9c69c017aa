"""Options several commands share, defined once."""

from __future__ import annotations

import argparse
from pathlib import Path

from regionform.choices import FORMATS, LAYOUTS

LAYOUT_HELP = "single (one root per environment) or per-region (a root per region + global)"


def out(parser: argparse.ArgumentParser, what: str = "the root is OUT/<environment>/") -> None:
    parser.add_argument(
        "--out", type=Path, default=Path("out"), help=f"output folder; {what} (default: out)"
    )


def layout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--layout", choices=LAYOUTS, default="single", help=LAYOUT_HELP + " (default: single)"
    )


def output_format(parser: argparse.ArgumentParser, default: str | None = "hcl") -> None:
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=FORMATS,
        default=default,
        help="hcl or json" + (f" (default: {default})" if default else ""),
    )


def spec_and_roots(parser: argparse.ArgumentParser) -> None:
    """SPEC and where its generated roots are: what every command working on roots takes."""
    parser.add_argument("spec", type=Path, metavar="SPEC", help="the spec file")
    out(parser, "the roots are under OUT/<environment>/")
    output_format(parser)
    layout(parser)
