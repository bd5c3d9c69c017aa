"""checkov over the generated examples: no failed check on the compute and edge modules.

Every resource of the eks, waf and route53 module calls (clusters, node groups, web ACLs,
zones, and the keys, roles and log groups those modules create) is in scope. A check a
module deliberately does not meet is skipped inline, next to the resource, with a reason.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from regionform.api import generate

EDGE_MODULES = ("eks", "waf", "route53")
# module.eks_ap_south_1.aws_eks_cluster.this → eks
CALL = re.compile(r"^module\.(eks|waf|route53)(_[a-z0-9_]+)?\.")
SKIP = re.compile(r"checkov:skip=([A-Z0-9_]+)(:?)(.*)")


def _checkov() -> list[str]:
    candidates = [
        os.environ.get("REGIONFORM_CHECKOV", ""),
        str(Path(sys.executable).parent / "checkov"),
        shutil.which("checkov") or "",
    ]
    found = next((c for c in candidates if c and Path(c).is_file()), None)
    if found is None:
        pytest.fail("checkov is missing: pip install -e '.[dev]' (or set REGIONFORM_CHECKOV)")
    return [found]


def _scan(root: Path) -> dict[str, list[dict[str, object]]]:
    command = [*_checkov(), "-d", str(root), "--framework", "terraform", "-o", "json"]
    result = subprocess.run(
        [*command, "--skip-download", "--compact"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # checkov exits 1 when any check fails anywhere; judge by the report instead.
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    reports = report if isinstance(report, list) else [report]
    results: dict[str, list[dict[str, object]]] = {"passed": [], "failed": [], "skipped": []}
    for part in reports:
        if part.get("check_type") != "terraform":
            continue
        for kind in results:
            results[kind] += part["results"].get(f"{kind}_checks", [])
    return results


def _edge(checks: list[dict[str, object]]) -> list[dict[str, object]]:
    return [c for c in checks if CALL.match(str(c["resource"]))]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_checkov_finds_no_failed_check_in_compute_and_edge(example: Path, tmp_path: Path) -> None:
    root = generate(example, tmp_path, "hcl").root
    results = _scan(root)
    failed = _edge(results["failed"])
    assert failed == [], "\n".join(
        f"{c['check_id']} {c['resource']} ({c['check_name']})" for c in failed
    )
    # The scan really covered the modules this example calls.
    called = {m.group(1) for c in results["passed"] if (m := CALL.match(str(c["resource"])))}
    text = (root / "global.tf").read_text() if (root / "global.tf").exists() else ""
    text += "".join(p.read_text() for p in root.glob("*-*-*.tf"))
    expected = {kind for kind in EDGE_MODULES if f'"./modules/{kind}"' in text}
    assert expected, "every example calls at least one compute or edge module"
    assert called == expected


@pytest.mark.parametrize("module", EDGE_MODULES)
def test_every_inline_checkov_skip_gives_a_reason(module: str) -> None:
    for path in sorted((REPO / "modules" / module).glob("*.tf")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = SKIP.search(line)
            if match:
                assert match.group(2) == ":" and len(match.group(3).strip()) >= 20, (
                    f"{path.name}:{number}: checkov skip without a reason"
                )
