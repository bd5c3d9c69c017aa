"""The summary as a table: plain text for the terminal, Markdown for a pull-request comment.

Both show the same rows (per region and module, every root merged), the same totals and the
same list of stateful deletes/replacements, so a comment built by `regionform summarize` from
a CI matrix reads exactly like the table `regionform plan` prints.
"""

from __future__ import annotations

from regionform.plan.summary import Guarded, Row, Summary

ALLOW_HINT = "pass --allow-destroy ADDRESS for each one you mean to lose"


def _planned(summary: Summary) -> bool:
    """Whether any root planned: counts exist only for roots Terraform planned."""
    return len(summary.failed) < len(summary.roots)


def _headline(summary: Summary) -> str:
    if not _planned(summary):
        return f"no root planned ({len(summary.failed)} failed)"
    total = summary.totals
    text = f"{total.add} to add, {total.change} to change, {total.destroy} to destroy"
    if total.replace:
        text += f" ({total.replace} replaced)"
    if summary.failed:
        # A failed root's changes are unknown, not zero: the totals cover the others only.
        planned = len(summary.roots) - len(summary.failed)
        text += f" in the {planned} planned roots; {len(summary.failed)} failed"
    return text


def _note(row: Row, guarded: tuple[Guarded, ...]) -> str:
    notes = []
    if row.replace:
        notes.append(f"{row.replace} replaced")
    mine = [g for g in guarded if (g.root, g.module) == (row.root, row.module)]
    refused = sum(1 for g in mine if not g.allowed)
    allowed = len(mine) - refused
    if refused:
        notes.append(f"REFUSED: {refused} stateful")
    if allowed:
        notes.append(f"{allowed} stateful allowed")
    return ", ".join(notes)


def _show_root(summary: Summary) -> bool:
    # In a single-root plan the root column would repeat the environment on every row.
    return len(summary.roots) > 1


def _cells(summary: Summary) -> tuple[list[str], list[list[str]], list[str]]:
    show_root = _show_root(summary)
    header = ["region", "module", *(["root"] if show_root else []), "add", "change", "destroy"]
    header.append("note")
    guarded = summary.guarded
    body = []
    for row in summary.rows:
        cells = [row.region, row.module, *([row.root] if show_root else [])]
        cells += [str(row.add), str(row.change), str(row.destroy), _note(row, guarded)]
        body.append(cells)
    total = summary.totals
    footer = ["total", "", *([""] if show_root else [])]
    footer += [str(total.add), str(total.change), str(total.destroy), ""]
    return header, body, footer


def _status_lines(summary: Summary) -> list[str]:
    lines = []
    unchanged = [r.root for r in summary.roots if r.error is None and not r.changes]
    outputs_only = [
        r.root
        for r in summary.roots
        if r.error is None and r.changes and all(row.empty for row in r.rows)
    ]
    if unchanged:
        lines.append(f"no changes: {', '.join(unchanged)}")
    if outputs_only:
        lines.append(f"output changes only: {', '.join(outputs_only)}")
    for root in summary.failed:
        lines.append(f"FAILED: {root.root}: {root.error}")
    return lines


def text_table(summary: Summary) -> str:
    header, body, footer = _cells(summary)
    numeric = {header.index(name) for name in ("add", "change", "destroy")}
    rows = [header, *body, footer]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    out = []
    if _planned(summary):
        out += [line(header), *(line(cells) for cells in body), line(footer), ""]
    out.append(f"Plan: {_headline(summary)}.")
    out += _status_lines(summary)
    # Refused first: they are why the command failed.
    for g in sorted(summary.guarded, key=lambda g: g.allowed):
        label = "allowed" if g.allowed else "REFUSED"
        out.append(f"{label}: {g.verb} {g.what} {g.address} (root {g.root})")
    if summary.refused:
        out.append(f"Refused: {ALLOW_HINT}.")
    return "\n".join(out) + "\n"


def _md(cell: str) -> str:
    return cell.replace("|", "\\|")


def changed_regions(summary: Summary) -> set[str]:
    """Regions where the plan adds, changes or destroys something (for the map's highlight)."""
    return {row.region for row in summary.rows}


def markdown_table(
    summary: Summary, title: str = "regionform plan", diagram: str | None = None
) -> str:
    """The table; `diagram` (a Mermaid map of the estate) is shown above it when given."""
    header, body, footer = _cells(summary)
    numeric = {header.index(name) for name in ("add", "change", "destroy")}
    out = [f"### {title}: {_headline(summary)}", ""]
    if diagram is not None:
        out += ["```mermaid", diagram.rstrip("\n"), "```", ""]
    if body and _planned(summary):
        out.append("| " + " | ".join(header) + " |")
        rule = ("--:" if i in numeric else "---" for i in range(len(header)))
        out.append("|" + "|".join(rule) + "|")
        out += ["| " + " | ".join(_md(c) for c in cells) + " |" for cells in body]
        out.append("| " + " | ".join(f"**{c}**" if c else "" for c in footer) + " |")
        out.append("")
    status = _status_lines(summary)
    out += [f"- {_md(line)}" for line in status]
    refused = summary.refused
    allowed = [g for g in summary.guarded if g.allowed]
    hint = ALLOW_HINT.replace("--allow-destroy ADDRESS", "`--allow-destroy ADDRESS`")
    for heading, entries in (
        (f"**Refused**: stateful resources deleted or replaced; {hint}:", refused),
        ("Allowed with `--allow-destroy`:", allowed),
    ):
        if entries:
            out += ["", heading, ""] if out[-1] else [heading, ""]
            out += [f"- `{g.address}` ({g.what}, {g.verb}; root `{g.root}`)" for g in entries]
    return "\n".join(out).rstrip("\n") + "\n"
