"""The `regionform` command line (typer). The entry point is `regionform.main:main`.

Exit status: 0 success; 1 findings, stale output or a refused write; 2 usage or I/O error;
3 internal error (a bug: please report it).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from regionform import __version__

app = typer.Typer(
    name="regionform",
    help="Generate multi-region, multi-tenant AWS Terraform from one YAML spec.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class OutputFormat(StrEnum):
    hcl = "hcl"
    json = "json"


class Engine(StrEnum):
    native = "native"
    cdktf = "cdktf"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"regionform {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Generate multi-region, multi-tenant AWS Terraform from one YAML spec."""


@app.command()
def lint(
    specs: Annotated[list[Path], typer.Argument(help="Spec files to lint.", show_default=False)],
    output: Annotated[
        LintFormat | None,
        typer.Option(
            "--format",
            help="text, json, or github (workflow annotations; the default when "
            "GITHUB_ACTIONS=true).",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check specs: schema, then every semantic rule. Exit 1 when there are findings."""
    from regionform.lint.report import default_style, run_lint

    status = run_lint(specs, output.value if output else default_style(), strict)
    if status:
        raise typer.Exit(status)


@app.command()
def generate(
    spec: Annotated[Path, typer.Argument(help="The spec file.", show_default=False)],
    out: Annotated[
        Path, typer.Option(help="Output folder; the root is OUT/<environment>/.")
    ] = Path("out"),
    output: Annotated[
        OutputFormat | None,
        typer.Option("--format", help="hcl or json (default: hcl; json with --engine cdktf)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(help="Write nothing; exit 1 and list the differences when OUT is stale."),
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option(
            help="native, or cdktf: synthesize the same root through CDK for Terraform "
            "(JSON only; needs pip install 'regionform[cdktf]')."
        ),
    ] = Engine.native,
) -> None:
    """Generate the Terraform root for the spec's environment."""
    from regionform.generate_command import run_generate

    status = run_generate(
        spec, out, output.value if output else None, check=check, engine=engine.value
    )
    if status:
        raise typer.Exit(status)


@app.command()
def schema() -> None:
    """Print the spec's JSON Schema (for editors and yaml-language-server)."""
    from regionform.spec.validate import schema_text

    sys.stdout.write(schema_text())


@app.command()
def rules() -> None:
    """List the lint rules and their codes."""
    from regionform.lint import all_rules

    for rule in all_rules():
        typer.echo(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<18}  {rule.summary}")
