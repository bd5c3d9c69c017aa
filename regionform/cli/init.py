"""Scaffold a repository: a starter spec, a pre-commit config and a GitHub Actions workflow."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "scaffold a repository: starter spec, pre-commit config, GitHub Actions or Atlantis"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="DIRECTORY",
        help="the repository to scaffold (default: .)",
    )
    parser.add_argument(
        "--project", help="project name (prefixes AWS names); default: from DIRECTORY"
    )
    parser.add_argument(
        "--region",
        dest="regions",
        action="append",
        default=[],
        metavar="REGION",
        help="AWS region, once per region; the first is primary (default: ap-south-1)",
    )
    parser.add_argument("--environment", default="production", help="environment name")
    parser.add_argument(
        "--ci",
        choices=("github", "atlantis"),
        default="github",
        help="github (an Actions workflow) or atlantis (atlantis.yaml) (default: github)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite files that already exist")


def run(args: argparse.Namespace) -> int:
    from regionform.scaffold import (
        LAYOUT,
        OUT,
        Estate,
        project_from_directory,
        scaffold_files,
        write_scaffold,
    )

    estate = Estate(
        project=args.project or project_from_directory(args.directory),
        environment=args.environment,
        regions=tuple(args.regions or ("ap-south-1",)),
    )
    report = write_scaffold(args.directory, scaffold_files(estate, args.ci), force=args.force)
    for item in report:
        note = " (exists; --force overwrites)" if item.action == "kept" else ""
        print(f"{item.action:<9} {args.directory / item.path}{note}")
    print(
        f"next: regionform generate {estate.spec_path} --out {OUT} --layout {LAYOUT}, "
        f"regionform lock {estate.spec_path} --out {OUT} --layout {LAYOUT} (CI inits with "
        "the committed lock files), then commit; "
        + (
            "see atlantis.yaml's header for the server settings"
            if args.ci == "atlantis"
            else "see the workflow's header for the AWS roles"
        ),
        file=sys.stderr,
    )
    return 0
