"""checkov over every generated example: zero failed checks, on every resource type.

One checkov run scans all examples (HCL rendering), each in its own folder; the tests judge
each example's part of the report. A check a module deliberately does not meet is skipped
inline next to the resource (`# checkov:skip=<id>:<reason>`), and the docs' Security
section lists exactly those skips with their reasons, so the list cannot go stale.

checkov comes with the dev extra; REGIONFORM_CHECKOV names another install (it pins
bc-python-hcl2, which clashes with python-hcl2). In CI (CI=true) a missing checkov fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from regionform.api import generate, load_spec

Check = dict[str, object]
SKIP = re.compile(r"#\s*checkov:skip=([A-Z0-9_]+)(:?)(.*)$")
RESOURCE = re.compile(r'^resource "([\w-]+)" "([\w-]+)"')
MODULE_CALL = re.compile(r'^module "([\w-]+)"', re.MULTILINE)


def _checkov() -> str | None:
    candidates = [
        os.environ.get("REGIONFORM_CHECKOV", ""),
        str(Path(sys.executable).parent / "checkov"),
        shutil.which("checkov") or "",
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@dataclass(frozen=True)
class Scan:
    root: Path  # OUT/<example>/<environment>
    failed: list[Check]
    passed: list[Check]
    skipped: list[Check]
    parsing_errors: int


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scan]:
    checkov = _checkov()
    if checkov is None:
        if os.environ.get("CI") == "true":
            pytest.fail("checkov is not installed: set REGIONFORM_CHECKOV (see .ci/run)")
        pytest.skip("checkov is not installed; set REGIONFORM_CHECKOV")
    out = tmp_path_factory.mktemp("checkov")
    roots = {
        example.stem: generate(load_spec(example), out=out / example.stem, output_format="hcl").root
        for example in EXAMPLES
    }
    result = subprocess.run(
        [*(checkov, "-d", str(out), "--framework", "terraform"), "--skip-download", "-o", "json"],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    # checkov exits 1 when any check fails; the report says which.
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stdout)
    sections = report if isinstance(report, list) else [report]
    found: dict[str, dict[str, list[Check]]] = {
        stem: {"failed": [], "passed": [], "skipped": []} for stem in roots
    }
    errors = 0
    for section in sections:
        if section.get("check_type") != "terraform":
            continue
        errors += int(section["summary"]["parsing_errors"])
        for kind in ("failed", "passed", "skipped"):
            for check in section["results"].get(f"{kind}_checks", []):
                # file_path is relative to the scanned folder: /<example>/<environment>/…
                stem = str(check["file_path"]).strip("/").split("/")[0]
                found[stem][kind].append(check)
    return {
        stem: Scan(
            root, found[stem]["failed"], found[stem]["passed"], found[stem]["skipped"], errors
        )
        for stem, root in roots.items()
    }


def _call(check: Check) -> str | None:
    match = re.match(r"^module\.([\w-]+)\.", str(check["resource"]))
    return match.group(1) if match else None


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_checkov_reports_no_failed_check(scans: dict[str, Scan], example: str) -> None:
    scan = scans[example]
    assert scan.parsing_errors == 0
    assert scan.failed == [], "\n".join(
        f"{c['check_id']} {c['resource']} ({c['check_name']})" for c in scan.failed
    )


@pytest.mark.parametrize("example", [e.stem for e in EXAMPLES])
def test_checkov_covered_every_module_call(scans: dict[str, Scan], example: str) -> None:
    """The scan really evaluated the example: each module call's resources were checked."""
    scan = scans[example]
    text = "".join(p.read_text() for p in scan.root.glob("*.tf"))
    calls = set(MODULE_CALL.findall(text))
    checked = {_call(c) for c in scan.passed + scan.skipped} - {None}
    # Backup copies (create_instance = false) hold only a replication, budgets only
    # aws_budgets_budget, dashboards only aws_cloudwatch_dashboard: no checkov check covers
    # any of them.
    assert checked <= calls
    assert all(
        call.startswith(("rds_backups_", "dashboard_")) or call == "budgets"
        for call in calls - checked
    ), calls - checked
    assert len(scan.passed) > 100


@dataclass(frozen=True, order=True)
class InlineSkip:
    module: str
    resource: str  # type.name
    check: str
    reason: str


def inline_skips() -> list[InlineSkip]:
    """Every `checkov:skip` in modules/, with the resource it sits in."""
    skips = []
    for path in sorted((REPO / "modules").glob("*/*.tf")):
        resource = ""
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if match := RESOURCE.match(line):
                resource = f"{match.group(1)}.{match.group(2)}"
            if match := SKIP.search(line):
                where = f"modules/{path.parent.name}/{path.name}:{number}"
                assert match.group(2) == ":", f"{where}: checkov skip without a reason"
                reason = match.group(3).strip()
                assert len(reason) >= 20, f"{where}: say why the check does not apply"
                assert resource, f"{where}: skip outside a resource"
                skips.append(InlineSkip(path.parent.name, resource, match.group(1), reason))
    return sorted(skips)


def skip_table() -> str:
    """The Markdown table docs/security.md carries."""
    rows = ["| check | module | resource | reason |", "|---|---|---|---|"]
    for s in inline_skips():
        reason = s.reason.replace("|", "\\|")
        rows.append(f"| {s.check} | {s.module} | `{s.resource}` | {reason} |")
    return "\n".join(rows) + "\n"


def test_every_inline_skip_gives_a_reason() -> None:
    assert inline_skips(), "the modules skip some checks; the parser must find them"


def test_the_security_page_lists_exactly_the_inline_skips() -> None:
    page = (REPO / "docs" / "security.md").read_text()
    table = skip_table()
    assert table in page, "docs/security.md must carry this table:\n\n" + table
    listed = [line for line in page.splitlines() if re.match(r"^\| CKV", line)]
    assert len(listed) == len(inline_skips()), "docs/security.md lists skips no module has"


def test_checkov_skips_seen_in_the_scan_are_the_inline_ones(scans: dict[str, Scan]) -> None:
    """Nothing is skipped by configuration (a .checkov.yaml, --skip-check): only inline."""
    declared = {s.check for s in inline_skips()}
    seen = {str(c["check_id"]) for scan in scans.values() for c in scan.skipped}
    assert seen <= declared
    assert seen, "the examples use modules with inline skips"
