"""What `regionform plan` and `summarize` print: the table on stdout, problems on stderr."""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from regionform.findings import UsageError
from regionform.plan.run import PlanResult
from regionform.plan.summary import (
    Summary,
    SummaryFormatError,
    merge,
    summary_from_json,
    summary_to_json,
)
from regionform.plan.table import markdown_table, text_table


def write_summary_files(
    summary: Summary,
    summary_json: Path | None,
    summary_markdown: Path | None,
    diagram: str | None = None,
) -> None:
    try:
        if summary_json is not None:
            text = json.dumps(summary_to_json(summary), indent=2, sort_keys=True) + "\n"
            summary_json.write_text(text, "utf-8")
        if summary_markdown is not None:
            summary_markdown.write_text(markdown_table(summary, diagram=diagram), "utf-8")
    except OSError as error:
        raise UsageError(f"cannot write the summary: {error}") from None


def report_plan(result: PlanResult, spec: str, stdout: TextIO, stderr: TextIO) -> None:
    for failure in result.failures:
        stderr.write(f"regionform: root {failure.target.name}: {failure.message}\n")
    if result.stale:
        stderr.write(
            "regionform: warning: the generated output is not what the spec generates now; "
            "this planned the files on disk (run `regionform generate` or drop --no-generate)\n"
        )
    stdout.write(text_table(result.summary))
    refused = result.summary.refused
    if refused:
        stderr.write(
            "regionform: refused: the plan deletes or replaces stateful resources; "
            "the data in them cannot be brought back:\n"
        )
        for g in refused:
            stderr.write(f"  {g.verb} {g.what}: {g.address} (root {g.root})\n")
        allow = " ".join(f"--allow-destroy {shlex.quote(g.address)}" for g in refused)
        stderr.write(
            "If you mean to lose them, run again allowing each address:\n"
            f"  regionform plan {shlex.quote(spec)} … {allow}\n"
        )
    for address in result.unmatched_allowances:
        if result.unmatched_is_error:
            stderr.write(
                f"regionform: --allow-destroy {shlex.quote(address)} matches no planned "
                "delete or replace of a stateful resource (check the address: it must be "
                "exactly as the table above prints it)\n"
            )
        else:
            stderr.write(
                f"regionform: warning: --allow-destroy {shlex.quote(address)} matches "
                "nothing in the roots planned here\n"
            )


def read_summaries(paths: Iterable[Path]) -> Summary:
    summaries = []
    for path in paths:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise UsageError(f"{path}: no such file") from None
        except OSError as error:
            raise UsageError(f"{path}: cannot read: {error.strerror}") from None
        except ValueError as error:
            raise UsageError(f"{path}: not JSON: {error}") from None
        try:
            summaries.append(summary_from_json(data))
        except SummaryFormatError as error:
            raise UsageError(f"{path}: {error}") from None
    try:
        return merge(summaries)
    except SummaryFormatError as error:
        raise UsageError(str(error)) from None
