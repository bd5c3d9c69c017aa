"""The console entry point: a fast path for `lint`, typer for everything else, and no
traceback ever reaching a user."""

from __future__ import annotations

import os
import sys


def main() -> None:
    try:
        argv = sys.argv[1:]
        if argv[:1] == ["lint"]:
            # pre-commit runs lint on every commit: skip loading typer (and pydantic).
            from regionform.lint.report import fast_lint

            status = fast_lint(argv[1:])
            if status is not None:
                sys.exit(status)
        elif argv[:1] == ["generate"]:
            # typer's parsing (pydantic) costs more CPU than generating a root.
            from regionform.generate_command import fast_generate

            status = fast_generate(argv[1:])
            if status is not None:
                sys.exit(status)
        from regionform.cli import app

        app()
    except SystemExit:
        raise
    except BrokenPipeError:
        # `regionform lint --format sarif | head`: the reader left; not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        print("regionform: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never a traceback for users
        print(
            f"regionform: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in regionform. Please report it with the command and spec that "
            "triggered it (set REGIONFORM_DEBUG=1 to see the traceback).",
            file=sys.stderr,
        )
        if os.environ.get("REGIONFORM_DEBUG"):
            raise
        sys.exit(3)
