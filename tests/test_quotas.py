"""Quotas as lint: the estate's usage against AWS's defaults, or the account's own quotas."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import invoke

from regionform.spec.quotas import quota_table

OVER = Path(__file__).parent / "rules" / "rf170" / "one-over-the-quota.yaml"


def listing(code: str, value: float) -> str:
    """What `aws service-quotas list-service-quotas --service-code rds` prints, trimmed."""
    quota = {"ServiceCode": "rds", "QuotaCode": code, "QuotaName": "DB instances"}
    return json.dumps({"Quotas": [{**quota, "Value": value, "Adjustable": True}]})


def test_every_quota_says_its_default_code_source_and_date() -> None:
    for quota in quota_table().values():
        assert quota.default > 0 and quota.code.startswith("L-")
        assert quota.source.startswith("https://docs.aws.amazon.com/")
        assert quota.per in ("region", "account") and len(quota.date) == 10


def test_the_default_quota_warns_with_the_numbers(tmp_path: Path) -> None:
    result = invoke(["lint", str(OVER)])
    assert result.exit_code == 0  # a warning; --strict makes it fail
    assert f"{OVER}:13:5: RF170 eu-west-1 will hold 41 RDS DB instances" in (
        result.stdout + result.stderr
    )
    assert "the quota is 40 (Service Quotas L-7B6409FD)" in (result.stdout + result.stderr)


def test_a_raised_quota_from_the_account_silences_the_warning(tmp_path: Path) -> None:
    quotas = tmp_path / "rds.json"
    quotas.write_text(listing("L-7B6409FD", 100.0))
    result = invoke(["lint", "--strict", "--quotas", str(quotas), str(OVER)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "RF170" not in (result.stdout + result.stderr)


def test_a_lowered_quota_from_the_account_is_counted_against(tmp_path: Path) -> None:
    quotas = tmp_path / "rds.json"
    quotas.write_text(json.dumps([json.loads(listing("L-7B6409FD", 20.0))]))
    result = invoke(["lint", "--strict", "--quotas", str(quotas), str(OVER)])
    assert result.exit_code == 1
    assert "the quota is 20 (Service Quotas L-7B6409FD)" in (result.stdout + result.stderr)


def test_a_quota_file_that_is_not_the_listing_is_a_usage_error(tmp_path: Path) -> None:
    quotas = tmp_path / "rds.json"
    quotas.write_text('{"Items": []}')
    result = invoke(["lint", "--quotas", str(quotas), str(OVER)])
    assert result.exit_code == 2
    assert "expected the output of `aws service-quotas list-service-quotas`" in (
        result.stdout + result.stderr
    )
