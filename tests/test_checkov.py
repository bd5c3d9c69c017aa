"""checkov over every generated example: zero failed checks for the data tier's resources.

Any check a module skips is skipped inline in that module (`# checkov:skip=<id>:<reason>`),
so the reason sits next to the resource. checkov lives in a venv of its own (its
bc-python-hcl2 dependency clashes with python-hcl2): REGIONFORM_CHECKOV names its
executable, as `.ci/run` does. In CI (CI=true) a missing checkov fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from regionform.api import generate, load_spec

# Resource types of the data tier: kms, rds, elasticache, s3 and the IAM they create.
DATA_TYPES = ("aws_kms_", "aws_db_", "aws_rds_", "aws_elasticache_", "aws_s3_", "aws_iam_")


def _checkov() -> str | None:
    candidates = [
        os.environ.get("REGIONFORM_CHECKOV", ""),
        str(Path(sys.executable).parent / "checkov"),
        shutil.which("checkov") or "",
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="module")
def checkov_report(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    checkov = _checkov()
    if checkov is None:
        if os.environ.get("CI") == "true":
            pytest.fail("checkov is not installed: set REGIONFORM_CHECKOV (see .ci/run)")
        pytest.skip("checkov is not installed; set REGIONFORM_CHECKOV")
    out = tmp_path_factory.mktemp("checkov")
    for example in EXAMPLES:
        generate(load_spec(example), out=out / example.stem, output_format="hcl")
    result = subprocess.run(
        [
            checkov,
            "-d",
            str(out),
            "--framework",
            "terraform",
            "--quiet",
            "--compact",
            "--skip-download",
            "-o",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stdout)
    return report if isinstance(report, list) else [report]


def test_checkov_reports_no_failed_data_tier_check(
    checkov_report: list[dict[str, object]],
) -> None:
    failed = []
    resources = 0
    for section in checkov_report:
        summary = section["summary"]
        assert isinstance(summary, dict)
        assert summary["parsing_errors"] == 0
        resources += int(summary["resource_count"])
        results = section["results"]
        assert isinstance(results, dict)
        for check in results.get("failed_checks", []):
            resource = str(check["resource"]).split(".")
            if any(part.startswith(DATA_TYPES) for part in resource):
                failed.append(f"{check['check_id']} {check['resource']} {check['file_path']}")
    assert resources > 0, "checkov saw no resources"
    assert failed == [], "\n".join(failed)
