"""Tenants in their own files: `tenants_from` pulls them in, and every finding about one
points into its own file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

SPEC = """\
version: 1
project: acme
environment: prod
state: {backend: local}
regions:
  eu-west-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
tenants:
  alpha: {home: eu-west-1, countries: [IE]}
tenants_from: PATTERNS
"""

DUBLIN = """\
# tenants served from Dublin
beta:
  home: eu-west-1
  countries: [IE]
"""


def estate(tmp_path: Path, patterns: str = "tenants/*.yaml", **files: str) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("PATTERNS", patterns))
    (tmp_path / "tenants").mkdir()
    for name, text in {"dublin": DUBLIN, **files}.items():
        (tmp_path / "tenants" / f"{name}.yaml").write_text(text)
    return spec


def lint(spec: Path) -> tuple[int, list[str]]:
    result = invoke(["lint", str(spec)])
    lines = [ln for ln in (result.stdout + result.stderr).splitlines() if ": RF" in ln]
    return result.exit_code, lines


def test_a_semantic_finding_points_into_the_tenant_file(tmp_path: Path) -> None:
    spec = estate(tmp_path, lost="gamma:\n  home: eu-west-9\n  countries: [GB]\n")
    status, findings = lint(spec)
    assert status == 1
    assert [f.split(" (fix")[0] for f in findings] == [
        f"{tmp_path}/tenants/lost.yaml:2:9: RF106 tenant 'gamma' is homed in eu-west-9, "
        "which is not under regions"
    ]


def test_a_schema_finding_points_into_the_tenant_file(tmp_path: Path) -> None:
    spec = estate(tmp_path, paris="delta: {home: eu-west-1, countries: [XX]}\n")
    status, findings = lint(spec)
    assert status == 1
    assert findings[0].startswith(f"{tmp_path}/tenants/paris.yaml:1:38: RF013 ")


def test_a_tenant_defined_twice_is_refused_where_it_repeats(tmp_path: Path) -> None:
    spec = estate(tmp_path, again="alpha: {home: eu-west-1, countries: [IE]}\n")
    status, findings = lint(spec)
    assert status == 1
    assert findings == [
        f"{tmp_path}/tenants/again.yaml:1:1: RF002 duplicate tenant 'alpha' (first defined at "
        f"{spec}:10:3) (fix: keep each tenant in one place)"
    ]


def test_a_list_of_patterns_is_read_in_order(tmp_path: Path) -> None:
    spec = estate(tmp_path, "[tenants/dublin.yaml, tenants/more/*.yaml]")
    (tmp_path / "tenants" / "more").mkdir()
    (tmp_path / "tenants" / "more" / "x.yaml").write_text(
        "x1: {home: eu-west-1, countries: [IE]}\n"
    )
    out = tmp_path / "out"
    assert invoke(["generate", str(spec), "--out", str(out)]).exit_code == 0
    outputs = (out / "prod" / "outputs.tf").read_text()
    assert all(f"{tenant} = {{" in outputs for tenant in ("alpha", "beta", "x1"))


def test_patterns_that_match_nothing_or_leave_the_folder_are_findings(tmp_path: Path) -> None:
    spec = estate(tmp_path, "[tenants/none-*.yaml, ../elsewhere/*.yaml]")
    status, findings = lint(spec)
    assert status == 1
    assert [f.split(" (fix")[0] for f in findings] == [
        f"{spec}:11:16: RF013 'tenants/none-*.yaml' matches no file",
        f"{spec}:11:37: RF013 '../elsewhere/*.yaml' leaves the spec's folder",
    ]


def test_check_sees_a_changed_tenant_file_as_stale_output(tmp_path: Path) -> None:
    spec = estate(tmp_path)
    out = tmp_path / "out"
    assert invoke(["generate", str(spec), "--out", str(out)]).exit_code == 0
    assert invoke(["generate", str(spec), "--out", str(out), "--check"]).exit_code == 0
    with (tmp_path / "tenants" / "dublin.yaml").open("a") as handle:
        handle.write("epsilon: {home: eu-west-1, countries: [IE]}\n")
    check = invoke(["generate", str(spec), "--out", str(out), "--check"])
    assert check.exit_code == 1
    assert f"stale: {out / 'prod' / 'outputs.tf'}" in check.stdout


def test_a_tenant_file_given_alone_lints_and_checks_the_estate_it_belongs_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What pre-commit does when only a tenant file changed: it passes that file.
    spec = estate(tmp_path, lost="gamma:\n  home: eu-west-9\n  countries: [GB]\n")
    monkeypatch.chdir(tmp_path)
    result = invoke(["lint", "tenants/lost.yaml"])
    assert result.exit_code == 1
    assert "tenants/lost.yaml:2:9: RF106 tenant 'gamma'" in result.stdout
    assert "1 finding(s) in 1 spec(s)" in result.stderr
    (tmp_path / "tenants" / "lost.yaml").write_text("gamma: {home: eu-west-1, countries: [IE]}\n")
    assert invoke(["generate", str(spec), "--out", "out"]).exit_code == 0
    assert invoke(["check", "tenants/dublin.yaml", "--out", "out"]).exit_code == 0
    (tmp_path / "tenants" / "dublin.yaml").write_text(DUBLIN.replace("IE", "GB"))
    stale = invoke(["check", "tenants/dublin.yaml", "--out", "out"])
    assert stale.exit_code == 1
    assert "stale: out/prod/outputs.tf" in stale.stdout


def test_a_spec_given_alone_stands_for_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    estate(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = invoke(["lint", "spec.yaml"])
    assert result.exit_code == 0
    assert "1 spec(s) clean" in result.stderr
