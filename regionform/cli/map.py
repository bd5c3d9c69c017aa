"""Print the estate as a Mermaid flowchart: regions by jurisdiction, services, tenants,
every copy of data, DNS routing. Paste it into Markdown (```mermaid) to see it rendered.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "print the estate as a Mermaid diagram (regions, tenants, copies, DNS routing)"


def configure(parser: argparse.ArgumentParser) -> None:
    from regionform.delivery.map import TENANT_THRESHOLD

    parser.add_argument("spec", type=Path, metavar="SPEC", help="the spec file")
    parser.add_argument(
        "--tenants",
        type=int,
        default=TENANT_THRESHOLD,
        metavar="N",
        help=f"draw each tenant of a region up to N, a count past it (default: {TENANT_THRESHOLD})",
    )
    parser.add_argument(
        "--highlight",
        action="append",
        default=[],
        metavar="REGION",
        help="mark this region as changing (repeatable; us-east-1 marks DNS)",
    )


def run(args: argparse.Namespace) -> int:
    from regionform.delivery.map import estate_map
    from regionform.pipeline import load_spec

    sys.stdout.write(estate_map(load_spec(args.spec), args.highlight, args.tenants))
    return 0
