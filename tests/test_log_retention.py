"""RF146: logs kept under a year need a reason written beside the value.

The modules skip checkov's CKV_AWS_338 (one year of CloudWatch Logs retention) inline because
retention is the spec's decision; this rule is where that policy lives instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regionform.api import lint_spec
from regionform.findings import Severity

BASE = """\
version: 1
project: acme
environment: prod
state:
  backend: local
regions:
  ap-south-1:
    role: primary
    vpc:
      cidr: 10.1.0.0/16
      flow_logs: {retention_days: 365}
    cluster:
      log_retention_days: 365
      node_groups:
        general: {instance_types: [m5.large], min: 2, max: 4}
    waf:
      log_retention_days: 365
"""
# 11 flow_logs, 13 cluster log_retention_days, 17 waf log_retention_days


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("{retention_days: 365}", "{retention_days: 30}", [(11, 35)]),
        (
            "      log_retention_days: 365\n      node",
            "      log_retention_days: 90\n      node",
            [(13, 27)],
        ),
        (
            "    waf:\n      log_retention_days: 365",
            "    waf:\n      log_retention_days: 7",
            [(17, 27)],
        ),
    ],
    ids=["flow-logs", "eks-logs", "waf-logs"],
)
def test_short_retention_without_a_reason_warns(
    tmp_path: Path, old: str, new: str, expected: list[tuple[int, int]]
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(BASE.replace(old, new))
    findings = lint_spec(spec)
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("RF146", line, column) for line, column in expected
    ]
    assert all(f.severity is Severity.WARNING for f in findings)


def test_a_stated_reason_silences_it(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        BASE.replace(
            "{retention_days: 365}", "{retention_days: 30, retention_reason: cost}"
        ).replace(
            "    waf:\n      log_retention_days: 365",
            "    waf:\n      log_retention_days: 7\n      log_retention_reason: debugging only",
        )
    )
    assert lint_spec(spec) == []


def test_a_year_or_more_is_clean(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(BASE)
    assert lint_spec(spec) == []
