"""Generate, then write each root's .terraform.lock.hcl for every platform the team runs.

Commit the lock files: CI inits with -lockfile=readonly, so a plan and its apply use the
provider builds they name. regionform never rewrites or removes them; run this again to
change platforms or after a provider upgrade. Exit 0 when every root is locked, 1 when
terraform failed in any root.
"""

from __future__ import annotations

import argparse
import sys

from regionform.cli import options

HELP = "write each root's .terraform.lock.hcl (terraform providers lock) for your platforms"


def configure(parser: argparse.ArgumentParser) -> None:
    options.spec_and_roots(parser)
    parser.add_argument(
        "--platform",
        dest="platforms",
        action="append",
        default=[],
        metavar="OS_ARCH",
        help="a platform to lock for (repeatable; default: linux_amd64 and darwin_arm64)",
    )
    parser.add_argument(
        "--fs-mirror", metavar="DIR", help="read providers from this filesystem mirror"
    )
    parser.add_argument(
        "--net-mirror", metavar="URL", help="read providers from this network mirror"
    )
    parser.add_argument("--no-generate", action="store_true", help="lock what is already in OUT")


def run(args: argparse.Namespace) -> int:
    from regionform.plan.lock import DEFAULT_PLATFORMS, LOCK_FILE, lock_roots

    results = lock_roots(
        args.spec,
        out=args.out,
        output_format=args.output_format,
        layout=args.layout,
        platforms=tuple(args.platforms) or DEFAULT_PLATFORMS,
        fs_mirror=args.fs_mirror,
        net_mirror=args.net_mirror,
        generate=not args.no_generate,
    )
    for result in results:
        if result.error is None:
            print(f"locked {result.target.path / LOCK_FILE}")
        else:
            print(f"regionform: root {result.target.name}: {result.error}", file=sys.stderr)
    return 1 if any(result.error for result in results) else 0
