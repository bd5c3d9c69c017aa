"""The `regionform` command line.

Exit status: 0 success; 1 findings, stale output or a refused write; 2 usage or I/O error;
3 internal error (a bug: please report it).
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from regionform import __version__
from regionform.findings import Finding, Severity, SpecError, UsageError

app = typer.Typer(
    name="regionform",
    help="Generate multi-region, multi-tenant AWS Terraform from one YAML spec.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class OutputFormat(str, Enum):
    hcl = "hcl"
    json = "json"


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


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _print_findings(findings: list[Finding], style: LintFormat, stream: object = None) -> None:
    out = stream or sys.stdout
    if style is LintFormat.json:
        print(json.dumps([f.as_dict() for f in findings], indent=2), file=out)  # type: ignore[call-overload]
        return
    for finding in findings:
        if style is LintFormat.github:
            loc = finding.location
            level = "error" if finding.severity is Severity.ERROR else "warning"
            message = finding.message + (f" (fix: {finding.hint})" if finding.hint else "")
            print(  # type: ignore[call-overload]
                f"::{level} file={_github_escape(loc.file, True)},line={loc.line},"
                f"col={loc.column},title={finding.code}::{_github_escape(message)}",
                file=out,
            )
        else:
            print(finding.render(), file=out)  # type: ignore[call-overload]


def _fail_usage(message: str) -> typer.Exit:
    typer.echo(f"regionform: {message}", err=True)
    return typer.Exit(2)


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
    from regionform.api import lint_spec

    style = output or (
        LintFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else LintFormat.text
    )
    findings: list[Finding] = []
    try:
        for spec in specs:
            findings.extend(lint_spec(spec))
    except UsageError as error:
        raise _fail_usage(str(error)) from None
    _print_findings(findings, style)
    failing = [f for f in findings if strict or f.severity is Severity.ERROR]
    if style is LintFormat.text:
        if findings:
            typer.echo(f"{len(findings)} finding(s) in {len(specs)} spec(s)", err=True)
        else:
            typer.echo(f"{len(specs)} spec(s) clean", err=True)
    if failing:
        raise typer.Exit(1)


@app.command()
def generate(
    spec: Annotated[Path, typer.Argument(help="The spec file.", show_default=False)],
    out: Annotated[Path, typer.Option(help="Output folder; the root is OUT/<environment>/.")] = Path(
        "out"
    ),
    output: Annotated[OutputFormat, typer.Option("--format", help="hcl or json.")] = (
        OutputFormat.hcl
    ),
    check: Annotated[
        bool,
        typer.Option(help="Write nothing; exit 1 and list the differences when OUT is stale."),
    ] = False,
) -> None:
    """Generate the Terraform root for the spec's environment."""
    from regionform.api import generate as run_generate

    try:
        result = run_generate(spec, out=out, output_format=output.value, check=check)
    except SpecError as error:
        _print_findings(error.findings, LintFormat.text, sys.stderr)
        typer.echo("regionform: nothing generated; fix the findings above", err=True)
        raise typer.Exit(1) from None
    except UsageError as error:
        from regionform.writer import WriteConflict

        typer.echo(f"regionform: {error}", err=True)
        raise typer.Exit(1 if isinstance(error, WriteConflict) else 2) from None
    if check:
        if result.up_to_date:
            typer.echo(f"{result.root}: up to date ({len(result.files)} files)")
            return
        for label, names in (
            ("stale", result.stale),
            ("missing", result.missing),
            ("extra", result.extra),
        ):
            for name in names:
                typer.echo(f"{label}: {result.root / name}")
        typer.echo(
            f"{result.root} is out of date; run `regionform generate {spec} --out {out} "
            f"--format {output.value}`",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(
        f"{result.root}: {len(result.written)} written, {len(result.removed)} removed, "
        f"{len(result.unchanged)} unchanged"
    )


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


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("regionform: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never a traceback for users
        typer.echo(
            f"regionform: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in regionform. Please report it with the command and spec that "
            "triggered it (set REGIONFORM_DEBUG=1 to see the traceback).",
            err=True,
        )
        if os.environ.get("REGIONFORM_DEBUG"):
            raise
        sys.exit(3)
