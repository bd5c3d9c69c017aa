"""The `regionform` command line (typer). The entry point is `regionform.main:main`.

Exit status: 0 success; 1 findings, stale output or a refused write; 2 usage or I/O error;
3 internal error (a bug: please report it).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Annotated

import typer

from regionform import __version__
from regionform.findings import SpecError, UsageError

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
    sarif = "sarif"


class OutputFormat(StrEnum):
    hcl = "hcl"
    json = "json"


class LayoutName(StrEnum):
    single = "single"
    per_region = "per-region"


class RootsFormat(StrEnum):
    json = "json"
    text = "text"


LAYOUT_HELP = "single (one root per environment) or per-region (a root per region + global)."


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
            help="text, json, github (workflow annotations; the default when "
            "GITHUB_ACTIONS=true), or sarif (SARIF 2.1.0, for code scanning).",
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
    layout: Annotated[LayoutName, typer.Option(help=LAYOUT_HELP)] = LayoutName.single,
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
        spec,
        out,
        output.value if output else None,
        check=check,
        engine=engine.value,
        layout=layout.value,
    )
    if status:
        raise typer.Exit(status)


@app.command()
def roots(
    spec: Annotated[Path, typer.Argument(help="The spec file.", show_default=False)],
    layout: Annotated[LayoutName, typer.Option(help=LAYOUT_HELP)] = LayoutName.single,
    output: Annotated[
        RootsFormat,
        typer.Option("--format", help="json (a GitHub Actions matrix) or text (one path a line)."),
    ] = RootsFormat.json,
) -> None:
    """Print the roots under OUT/<environment> in apply order (each after the roots it reads)."""
    import json

    from regionform.api import roots as list_roots

    try:
        laid_out = list_roots(spec, layout.value)
    except SpecError as error:
        from regionform.lint.report import print_findings

        print_findings(error.findings, "text", sys.stderr)
        raise typer.Exit(1) from None
    except UsageError as error:
        typer.echo(f"regionform: {error}", err=True)
        raise typer.Exit(2) from None
    entries = [
        {"root": root.name, "path": str(PurePosixPath(laid_out.environment, root.folder))}
        for root in laid_out.roots
    ]
    if output is RootsFormat.json:
        typer.echo(json.dumps(entries))
    else:
        for entry in entries:
            typer.echo(entry["path"])
    for cycle in laid_out.cycles:
        # No order satisfies roots that read each other; say what a first apply takes.
        typer.echo(
            f"regionform: roots {', '.join(cycle)} read each other: on a first apply, apply "
            "them in this order, then apply them again",
            err=True,
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


@app.command()
def explain(
    spec: Annotated[Path, typer.Argument(help="The spec file.", show_default=False)],
    copies: Annotated[
        bool,
        typer.Option(
            "--copies",
            help="Every copy of data: origin → path → target, and the rule allowing each hop.",
        ),
    ] = True,
) -> None:
    """Explain what the spec does with data (shown even where lint refuses it)."""
    from regionform.api import _read
    from regionform.spec.copies import explain_copies

    model, findings = _read(spec)
    if model is None:
        raise SpecError(findings)
    if copies:
        sys.stdout.write(explain_copies(model))


@app.command()
def check(
    specs: Annotated[list[Path], typer.Argument(help="Spec files.", show_default=False)],
    out: Annotated[
        Path, typer.Option(help="Output folder; the root is OUT/<environment>/.")
    ] = Path("out"),
    output: Annotated[OutputFormat, typer.Option("--format", help="hcl or json.")] = (
        OutputFormat.hcl
    ),
    layout: Annotated[LayoutName, typer.Option(help=LAYOUT_HELP)] = LayoutName.single,
) -> None:
    """`generate --check` for each spec (pre-commit passes many): exit 1 when any is stale."""
    status = 0
    for spec in specs:
        try:
            generate(spec, out=out, output=output, check=True, layout=layout)
        except typer.Exit as stale:
            status = max(status, stale.exit_code)
    if status:
        raise typer.Exit(status)


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(help="The repository to scaffold.", show_default=False)
    ] = Path("."),
    project: Annotated[
        str | None,
        typer.Option(help="Project name (prefixes AWS names). Default: from DIRECTORY."),
    ] = None,
    regions: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            help="AWS region, once per region; the first is primary. Default: ap-south-1.",
        ),
    ] = None,
    environment: Annotated[str, typer.Option(help="Environment name.")] = "production",
    force: Annotated[bool, typer.Option(help="Overwrite files that already exist.")] = False,
) -> None:
    """Scaffold a repository: starter spec, pre-commit config and a GitHub Actions workflow."""
    from regionform.scaffold import (
        LAYOUT,
        OUT,
        Estate,
        project_from_directory,
        scaffold_files,
        write_scaffold,
    )

    estate = Estate(
        project=project or project_from_directory(directory),
        environment=environment,
        regions=tuple(regions or ("ap-south-1",)),
    )
    try:
        report = write_scaffold(directory, scaffold_files(estate), force=force)
    except UsageError as error:
        typer.echo(f"regionform: {error}", err=True)
        raise typer.Exit(2) from None
    for item in report:
        note = " (exists; --force overwrites)" if item.action == "kept" else ""
        typer.echo(f"{item.action:<9} {directory / item.path}{note}")
    typer.echo(
        f"next: regionform generate {estate.spec_path} --out {OUT} --layout {LAYOUT}, "
        "then commit; see the workflow's header for the AWS roles",
        err=True,
    )


class SummaryFormat(StrEnum):
    text = "text"
    markdown = "markdown"


@app.command()
def plan(
    spec: Annotated[Path, typer.Argument(help="The spec file.", show_default=False)],
    out: Annotated[
        Path, typer.Option(help="Output folder; the roots are under OUT/<environment>/.")
    ] = Path("out"),
    output: Annotated[OutputFormat, typer.Option("--format", help="hcl or json.")] = (
        OutputFormat.hcl
    ),
    layout: Annotated[LayoutName, typer.Option(help=LAYOUT_HELP)] = LayoutName.single,
    root: Annotated[
        list[str] | None,
        typer.Option(help="Plan only this root (repeatable; see `regionform roots`)."),
    ] = None,
    parallel: Annotated[int, typer.Option(help="Roots planned at once.")] = 4,
    detailed_exitcode: Annotated[
        bool, typer.Option(help="Exit 2 when there are changes, 0 when none.")
    ] = False,
    allow_destroy: Annotated[
        list[str] | None,
        typer.Option(
            help="Allow this stateful resource address to be deleted or replaced (repeatable)."
        ),
    ] = None,
    summary_json: Annotated[
        Path | None, typer.Option(help="Also write the summary as JSON (for summarize).")
    ] = None,
    summary_markdown: Annotated[
        Path | None, typer.Option(help="Also write the summary as Markdown.")
    ] = None,
    no_generate: Annotated[
        bool, typer.Option("--no-generate", help="Plan what is already in OUT.")
    ] = False,
) -> None:
    """Generate, run terraform init and plan in every root, and print one summary table.

    Exit 0 on success, 2 with --detailed-exitcode when there are changes, 1 on any error or
    a plan that deletes or replaces a database, cache, bucket, KMS key or EKS cluster that
    --allow-destroy does not name.
    """
    from regionform.plan.report import report_plan, write_summary_files
    from regionform.plan.run import run_plan

    try:
        result = run_plan(
            spec,
            out=out,
            output_format=output.value,
            layout=layout.value,
            roots=root or (),
            parallel=parallel,
            allow_destroy=allow_destroy or (),
            generate=not no_generate,
            progress=sys.stderr,
        )
        report_plan(result, str(spec), sys.stdout, sys.stderr)
        write_summary_files(result.summary, summary_json, summary_markdown)
    except SpecError as error:
        from regionform.lint.report import print_findings

        print_findings(error.findings, "text", sys.stderr)
        typer.echo("regionform: nothing planned; fix the findings above", err=True)
        raise typer.Exit(1) from None
    except UsageError as error:
        typer.echo(f"regionform: {error}", err=True)
        raise typer.Exit(1) from None
    status = result.exit_code(detailed_exitcode)
    if status:
        raise typer.Exit(status)


@app.command()
def summarize(
    summaries: Annotated[
        list[Path],
        typer.Argument(help="Summary JSON files (plan --summary-json).", show_default=False),
    ],
    output: Annotated[
        SummaryFormat, typer.Option("--format", help="markdown or text.")
    ] = SummaryFormat.markdown,
) -> None:
    """Merge plan summaries (e.g. one per root from a CI matrix) into one table."""
    from regionform.plan.report import read_summaries
    from regionform.plan.table import markdown_table, text_table

    try:
        merged = read_summaries(summaries)
    except UsageError as error:
        typer.echo(f"regionform: {error}", err=True)
        raise typer.Exit(2) from None
    render = markdown_table if output is SummaryFormat.markdown else text_table
    sys.stdout.write(render(merged))
