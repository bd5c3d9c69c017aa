"""`regionform generate`: running it and reporting, shared by the typer command and a fast
path that skips typer.

typer's argument parsing loads pydantic, which costs more CPU than generating a 4-region
root; the fast path (main.py) handles the plain forms of the command and hands anything
else (help, options it does not know) to typer, which then reports usage.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from regionform.findings import SpecError, UsageError

FORMATS = ("hcl", "json")
ENGINES = ("native", "cdktf")
LAYOUTS = ("single", "per-region")


def run_generate(
    spec: Path,
    out: Path,
    output_format: str | None,
    check: bool,
    engine: str = "native",
    layout: str = "single",
) -> int:
    """Generate (or check) and print the outcome; the exit status."""
    from regionform.api import generate

    try:
        result = generate(
            spec,
            out=out,
            output_format=output_format,
            check=check,
            layout=layout,
            engine=engine,
        )
    except SpecError as error:
        from regionform.lint.report import print_findings

        print_findings(error.findings, "text", sys.stderr)
        print("regionform: nothing generated; fix the findings above", file=sys.stderr)
        return 1
    except UsageError as error:
        from regionform.writer import WriteConflict

        print(f"regionform: {error}", file=sys.stderr)
        return 1 if isinstance(error, WriteConflict) else 2
    if check:
        if result.up_to_date:
            print(f"{result.root}: up to date ({len(result.files)} files)")
            return 0
        for label, names in (
            ("stale", result.stale),
            ("missing", result.missing),
            ("extra", result.extra),
        ):
            for name in names:
                print(f"{label}: {result.root / name}")
        again = f"regionform generate {spec} --out {out}"
        if output_format:
            again += f" --format {output_format}"
        if layout != "single":
            again += f" --layout {layout}"
        if engine == "cdktf":
            again += " --engine cdktf"
        print(f"{result.root} is out of date; run `{again}`", file=sys.stderr)
        return 1
    print(
        f"{result.root}: {len(result.written)} written, {len(result.removed)} removed, "
        f"{len(result.unchanged)} unchanged"
    )
    return 0


def _value(arg: str, args: list[str], option: str) -> str | None:
    """The value of `--option VALUE` or `--option=VALUE`, or None when arg is not it."""
    if arg == option and args:
        return args.pop(0)
    if arg.startswith(option + "="):
        return arg.split("=", 1)[1]
    return None


def fast_generate(argv: Sequence[str]) -> int | None:
    """`regionform generate …` without typer; None when the arguments need typer."""
    specs: list[str] = []
    out = "out"
    output_format: str | None = None
    check = False
    engine = "native"
    layout = "single"
    args = list(argv)
    while args:
        arg = args.pop(0)
        if not arg.startswith("-"):
            specs.append(arg)
        elif arg in ("--check", "--no-check"):
            check = arg == "--check"
        elif (value := _value(arg, args, "--out")) is not None:
            out = value
        elif (value := _value(arg, args, "--format")) is not None and value in FORMATS:
            output_format = value
        elif (value := _value(arg, args, "--engine")) is not None and value in ENGINES:
            engine = value
        elif (value := _value(arg, args, "--layout")) is not None and value in LAYOUTS:
            layout = value
        else:
            return None
    if len(specs) != 1 or not out:
        return None
    return run_generate(Path(specs[0]), Path(out), output_format, check, engine, layout)
