"""`regionform lint --format sarif`: SARIF 2.1.0 that GitHub code scanning accepts.

No SARIF JSON Schema ships in any package available offline, so the shape code scanning
relies on is asserted field by field.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from regionform.about import DOCS_URL, HOMEPAGE, __version__
from regionform.findings import Finding, Location, Severity
from regionform.lint import all_rules
from regionform.lint.sarif import FINGERPRINT_KEY, artifact_uri, sarif_log
from regionform.spec import codes
from regionform.spec.codes import CATALOGUE

BIZFLOW = (REPO / "examples" / "bizflow.yaml").read_text()
BROKEN = BIZFLOW.replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/17")
CIDR_LINE = BIZFLOW.splitlines().index("      cidr: 10.2.0.0/16") + 1


def lint_sarif(*args: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [sys.executable, "-m", "regionform", "lint", "--format", "sarif", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    (tmp_path / "specs").mkdir()
    spec = tmp_path / "specs" / "production.yaml"
    spec.write_text(BROKEN)
    return spec


def test_the_log_is_sarif_2_1_0_with_one_run_of_regionform(broken: Path) -> None:
    status, log = lint_sarif(str(broken), cwd=broken.parent.parent)
    assert status == 1
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "regionform"
    assert driver["version"] == __version__
    assert driver["informationUri"] == HOMEPAGE


def test_rules_describe_every_code_a_finding_can_carry() -> None:
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(set(ids))
    assert set(ids) == {r.code for r in CATALOGUE} | {r.code for r in all_rules()}
    for rule in rules:
        assert re.fullmatch(r"RF\d{3}", rule["id"])
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")


def test_rf0xx_codes_are_raised_only_through_the_catalogue() -> None:
    """A bare "RF0xx" outside regionform/spec/codes.py could drift from its description."""
    sources = {
        path: path.read_text()
        for path in (REPO / "regionform").rglob("*.py")
        if path.name != "codes.py"
    }
    for path, text in sources.items():
        assert not re.findall(r'"RF0\d\d"', text), f"{path}: use the constant from spec/codes.py"
    every_source = "".join(sources.values())
    for name, value in vars(codes).items():
        if isinstance(value, str) and re.fullmatch(r"RF0\d\d", value):
            assert value in codes.BY_CODE, f"{name} has no catalogue entry"
            assert re.search(rf"\b{name}\b", every_source), f"codes.{name} is never raised"


def test_every_rule_links_to_its_own_section_of_the_docs() -> None:
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    reference = (REPO / "docs" / "rules.md").read_text()
    for rule in rules:
        anchor = rule["id"].lower()
        assert rule["helpUri"] == f"{DOCS_URL}/rules/#{anchor}"
        assert "{#" + anchor + "}" in reference, f"docs/rules.md has no #{anchor} heading"


def test_a_result_points_at_the_spec_by_relative_uri_line_and_column(broken: Path) -> None:
    _, log = lint_sarif(str(broken), cwd=broken.parent.parent)
    run = log["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "RF101"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "RF101"
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("VPC CIDR 10.1.0.0/17 of ap-southeast-1 overlaps")
    assert "(fix: " in result["message"]["text"]
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    # The spec was named by its absolute path; code scanning needs it relative to the checkout.
    assert physical["artifactLocation"]["uri"] == "specs/production.yaml"
    assert physical["region"] == {"startLine": CIDR_LINE, "startColumn": 13}


def test_a_relative_spec_path_keeps_forward_slashes(broken: Path) -> None:
    _, log = lint_sarif("./specs/production.yaml", cwd=broken.parent.parent)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "specs/production.yaml"


def test_a_spec_outside_the_working_directory_gets_a_file_uri(tmp_path: Path) -> None:
    assert artifact_uri("/elsewhere/spec.yaml", base=tmp_path) == "file:///elsewhere/spec.yaml"


def test_fingerprints_survive_lines_moving_and_tell_findings_apart(broken: Path) -> None:
    root = broken.parent.parent
    _, before = lint_sarif(str(broken), cwd=root)
    broken.write_text("# a comment pushes every line down\n" + BROKEN)
    _, after = lint_sarif(str(broken), cwd=root)
    (first,) = before["runs"][0]["results"]
    (moved,) = after["runs"][0]["results"]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == CIDR_LINE + 1
    assert moved["partialFingerprints"] == first["partialFingerprints"]

    twice = Finding("RF108", "same text", Location("a.yaml", 1, 1))
    other = Finding("RF108", "other text", Location("a.yaml", 1, 1))
    results = sarif_log([twice, twice, other])["runs"][0]["results"]  # type: ignore[index]
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]
    assert len(set(prints)) == 3


def test_warnings_are_warning_level() -> None:
    warning = Finding("RF109", "long name", Location("a.yaml", 3, 5), Severity.WARNING)
    (result,) = sarif_log([warning])["runs"][0]["results"]  # type: ignore[index]
    assert result["level"] == "warning"


def test_a_clean_spec_gives_an_empty_result_list_and_exit_0(tmp_path: Path) -> None:
    status, log = lint_sarif(str(REPO / "examples" / "bizflow.yaml"), cwd=tmp_path)
    assert status == 0
    assert log["runs"][0]["results"] == []


def test_sarif_output_loads_the_sarif_writer_only_when_asked(broken: Path) -> None:
    lint = ["lint", "--format", "sarif", str(broken)]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "regionform", *lint],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "regionform.lint.sarif" in imported
    assert "regionform.plan.run" not in imported


def test_a_reader_that_leaves_early_is_not_an_internal_error(broken: Path) -> None:
    # `regionform lint --format sarif spec | head`: the pipe closes before lint writes.
    process = subprocess.Popen(
        [sys.executable, "-m", "regionform", "lint", "--format", "sarif", str(broken)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "internal error" not in err
