"""The plan summary, its tables and the plan's exit status, on small hand-written plan JSON.

No Terraform here: tests/test_plan.py runs the real thing against moto.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke

from regionform.findings import UsageError
from regionform.plan.report import report_plan
from regionform.plan.run import PlanResult, choose_roots
from regionform.plan.runner import RootFailure, Runner, Target, Timeouts, find_terraform
from regionform.plan.summary import (
    Summary,
    SummaryFormatError,
    merge,
    summarize_plan,
    summary_from_json,
    summary_to_json,
)
from regionform.plan.table import markdown_table, text_table

REGIONS = {
    "vpc_ap_south_1": "ap-south-1",
    "s3_ap_south_1": "ap-south-1",
    "rds_tenant_acme": "ap-south-1",  # no region in its name: it comes from the generator
    "route53": "us-east-1",
}
BUCKET = 'module.s3_ap_south_1.aws_s3_bucket.this["exports"]'
DATABASE = "module.rds_tenant_acme.aws_db_instance.this"


def change(address: str, *actions: str, mode: str = "managed") -> dict[str, Any]:
    resource_type = address.split(".")[-2]
    return {
        "address": address,
        "mode": mode,
        "type": resource_type,
        "change": {"actions": list(actions)},
    }


PLAN: dict[str, Any] = {
    "resource_changes": [
        change("module.vpc_ap_south_1.aws_vpc.this", "create"),
        change('module.vpc_ap_south_1.aws_subnet.private["a"]', "create"),
        change("module.vpc_ap_south_1.aws_route_table.private", "update"),
        change("module.vpc_ap_south_1.data.aws_iam_policy_document.x", "read", mode="data"),
        change("module.vpc_ap_south_1.aws_flow_log.this", "no-op"),
        change(BUCKET, "delete"),
        change('module.s3_ap_south_1.aws_s3_bucket_policy.this["exports"]', "delete"),
        change(DATABASE, "delete", "create"),
        change("module.route53.aws_route53_record.api", "create", "delete"),
        change("aws_sns_topic.alerts", "create"),
    ],
    "configuration": {
        "root_module": {
            "resources": [
                {"address": "aws_sns_topic.alerts", "provider_config_key": "aws.us_east_1"}
            ]
        }
    },
}


def summary_of(plan: dict[str, Any], allowed: tuple[str, ...] = ()) -> Summary:
    root = summarize_plan(
        "production",
        "production",
        plan,
        changes=True,
        module_regions=REGIONS,
        alias_regions={"us_east_1": "us-east-1", "ap_south_1": "ap-south-1"},
        allowed=allowed,
    )
    return Summary((root,))


def counts(summary: Summary) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    return {(r.region, r.module): (r.add, r.change, r.destroy, r.replace) for r in summary.rows}


def test_counts_follow_terraform_replace_is_add_and_destroy() -> None:
    assert counts(summary_of(PLAN)) == {
        ("ap-south-1", "rds_tenant_acme"): (1, 0, 1, 1),
        ("ap-south-1", "s3_ap_south_1"): (0, 0, 2, 0),
        ("ap-south-1", "vpc_ap_south_1"): (2, 1, 0, 0),
        ("us-east-1", "(root)"): (1, 0, 0, 0),
        ("us-east-1", "route53"): (1, 0, 1, 1),
    }
    total = summary_of(PLAN).totals
    assert (total.add, total.change, total.destroy, total.replace) == (5, 1, 4, 2)


def test_reads_and_no_ops_are_not_changes() -> None:
    plan = {"resource_changes": [PLAN["resource_changes"][3], PLAN["resource_changes"][4]]}
    assert summary_of(plan).rows == ()


def test_module_of_unknown_region_is_marked_not_guessed() -> None:
    plan = {"resource_changes": [change("module.hand_written.aws_vpc.this", "create")]}
    assert counts(summary_of(plan)) == {("-", "hand_written"): (1, 0, 0, 0)}


def test_stateful_deletes_and_replacements_are_guarded() -> None:
    summary = summary_of(PLAN, allowed=(DATABASE,))
    guarded = {(g.address, g.what, g.verb, g.allowed) for g in summary.guarded}
    assert guarded == {
        (BUCKET, "bucket", "delete", False),
        (DATABASE, "database", "replace", True),
    }
    assert [g.address for g in summary.refused] == [BUCKET]


def test_json_round_trip_keeps_everything() -> None:
    summary = summary_of(PLAN, allowed=(DATABASE,))
    again = summary_from_json(json.loads(json.dumps(summary_to_json(summary))))
    assert again == summary


@pytest.mark.parametrize("data", [[], {"roots": []}, {"regionform_plan_summary": 1, "roots": [{}]}])
def test_foreign_json_is_refused(data: Any) -> None:
    with pytest.raises(SummaryFormatError):
        summary_from_json(data)


def test_text_table_marks_replacements_and_refusals() -> None:
    assert text_table(summary_of(PLAN, allowed=(DATABASE,))) == (
        "region      module           add  change  destroy  note\n"
        "ap-south-1  rds_tenant_acme    1       0        1  1 replaced, 1 stateful allowed\n"
        "ap-south-1  s3_ap_south_1      0       0        2  REFUSED: 1 stateful\n"
        "ap-south-1  vpc_ap_south_1     2       1        0\n"
        "us-east-1   (root)             1       0        0\n"
        "us-east-1   route53            1       0        1  1 replaced\n"
        "total                          5       1        4\n"
        "\n"
        "Plan: 5 to add, 1 to change, 4 to destroy (2 replaced).\n"
        f"REFUSED: delete bucket {BUCKET} (root production)\n"
        f"allowed: replace database {DATABASE} (root production)\n"
        "Refused: pass --allow-destroy ADDRESS for each one you mean to lose.\n"
    )


def test_markdown_table_for_a_pull_request_comment() -> None:
    text = markdown_table(summary_of(PLAN))
    assert text.startswith(
        "### regionform plan: 5 to add, 1 to change, 4 to destroy (2 replaced)\n"
    )
    assert (
        "| region | module | add | change | destroy | note |\n|---|---|--:|--:|--:|---|\n" in text
    )
    assert "| ap-south-1 | s3_ap_south_1 | 0 | 0 | 2 | REFUSED: 1 stateful |\n" in text
    assert "| **total** |  | **5** | **1** | **4** |  |\n" in text
    assert f"- `{BUCKET}` (bucket, delete; root `production`)" in text
    assert f"- `{DATABASE}` (database, replace; root `production`)" in text


def per_root(name: str, plan: dict[str, Any], changes: bool = True) -> Summary:
    root = summarize_plan(name, f"production/{name}", plan, changes=changes, module_regions=REGIONS)
    return Summary((root,))


def split_plan() -> tuple[Summary, Summary, Summary]:
    """The same changes planned as one root, and as two roots (per-region layout)."""
    regional = [c for c in PLAN["resource_changes"] if "route53" not in c["address"]]
    regional = [c for c in regional if not c["address"].startswith("aws_")]
    edge = [c for c in PLAN["resource_changes"] if "route53" in c["address"]]
    whole = per_root("production", {"resource_changes": regional + edge})
    return (
        whole,
        per_root("ap-south-1", {"resource_changes": regional}),
        per_root("global", {"resource_changes": edge}),
    )


def test_merge_of_per_root_summaries_reads_like_one_plan() -> None:
    whole, regional, edge = split_plan()
    merged = merge([edge, regional])
    assert [r.root for r in merged.roots] == ["ap-south-1", "global"]
    assert [(r.region, r.module) for r in merged.rows] == [(r.region, r.module) for r in whole.rows]
    assert merged.totals == whole.totals


def test_merge_refuses_a_root_twice() -> None:
    _, regional, _ = split_plan()
    with pytest.raises(SummaryFormatError, match="ap-south-1"):
        merge([regional, regional])


def test_summarize_command_merges_files(tmp_path: Path) -> None:
    _, regional, edge = split_plan()
    files = []
    for summary in (regional, edge):
        path = tmp_path / f"{summary.roots[0].root}.json"
        path.write_text(json.dumps(summary_to_json(summary)))
        files.append(str(path))
    result = invoke(["summarize", *files])
    assert result.exit_code == 0
    assert result.stdout == markdown_table(merge([regional, edge]))
    assert "| ap-south-1 | s3_ap_south_1 | ap-south-1 | 0 | 0 | 2 | REFUSED: 1 stateful |" in (
        result.stdout
    )
    text = invoke(["summarize", "--format", "text", *files])
    assert text.stdout == text_table(merge([regional, edge]))


def test_summarize_unreadable_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    result = invoke(["summarize", str(bad), str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "bad.json: not JSON" in result.stderr


def result_with(**kw: Any) -> PlanResult:
    return PlanResult(summary=kw.pop("summary", summary_of(PLAN, (BUCKET, DATABASE))), **kw)


def test_exit_status_is_terraform_like() -> None:
    allowed = summary_of(PLAN, (BUCKET, DATABASE))
    assert result_with(summary=allowed).exit_code(detailed_exitcode=False) == 0
    assert result_with(summary=allowed).exit_code(detailed_exitcode=True) == 2
    unchanged = Summary((summarize_plan("p", "p", {}, changes=False, module_regions={}),))
    assert result_with(summary=unchanged).exit_code(detailed_exitcode=True) == 0
    failure = RootFailure(Target("p", Path("p")), "plan", "  Error: boom")
    assert result_with(failures=(failure,)).exit_code(detailed_exitcode=True) == 1


def test_refused_plan_exits_1_and_names_every_address() -> None:
    result = result_with(summary=summary_of(PLAN))
    assert result.exit_code() == 1
    err = io.StringIO()
    report_plan(result, "spec.yaml", io.StringIO(), err)
    assert f"delete bucket: {BUCKET} (root production)" in err.getvalue()
    assert f"replace database: {DATABASE} (root production)" in err.getvalue()
    assert f"--allow-destroy {DATABASE} --allow-destroy '{BUCKET}'" in err.getvalue()


def test_allow_destroy_that_matches_nothing_is_an_error() -> None:
    typo = result_with(unmatched_allowances=("module.s3.typo",))
    assert typo.exit_code() == 1
    err = io.StringIO()
    report_plan(typo, "spec.yaml", io.StringIO(), err)
    assert "--allow-destroy module.s3.typo matches no planned delete or replace" in err.getvalue()


def test_allow_destroy_for_a_root_not_planned_here_is_a_warning() -> None:
    # A CI matrix passes one --allow-destroy list to the job of every root.
    partial = result_with(unmatched_allowances=("module.s3.elsewhere",), all_roots=False)
    assert partial.exit_code() == 0
    err = io.StringIO()
    report_plan(partial, "spec.yaml", io.StringIO(), err)
    assert "warning: --allow-destroy module.s3.elsewhere matches nothing" in err.getvalue()


def test_unknown_root_is_named_with_the_choices() -> None:
    targets = [Target("ap-south-1", Path("a")), Target("global", Path("g"))]
    assert choose_roots(targets, ["global"]) == [targets[1]]
    with pytest.raises(
        UsageError, match="no root named eu-west-9; the roots are: ap-south-1, global"
    ):
        choose_roots(targets, ["eu-west-9"])


def test_missing_terraform_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UsageError, match="terraform is not on PATH"):
        find_terraform()


def fake_terraform(tmp_path: Path, plan_body: str) -> str:
    script = tmp_path / "terraform"
    script.write_text(
        f'#!/bin/sh\ncase "$1" in\n  init) exit 0 ;;\n  plan) {plan_body} ;;\nesac\nexit 1\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_a_step_that_hangs_is_stopped_with_its_children(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    # Like terraform's provider plugins: a child process that would outlive a plain kill.
    body = f"sleep 60 & echo $! > {pid_file}; wait"
    runner = Runner(fake_terraform(tmp_path, body), dict(os.environ), Timeouts(plan=1.0))
    started = time.monotonic()
    outcome = runner.plan(Target("slow", tmp_path))
    assert isinstance(outcome, RootFailure)
    assert (outcome.step, outcome.detail) == ("plan", "  terraform plan took longer than 1 s")
    assert time.monotonic() - started < 20
    child = int(pid_file.read_text())
    ps = subprocess.run(["ps", "-o", "stat=", "-p", str(child)], capture_output=True, text=True)
    assert ps.stdout.strip() in ("", "Z")  # gone (or a zombie awaiting its reaper)


def test_a_failing_step_shows_terraforms_error_lines(tmp_path: Path) -> None:
    body = (
        "echo 'Refreshing...' >&2; echo 'Error: Invalid provider' >&2; echo '' >&2; "
        "echo '  on x.tf line 1' >&2; exit 1"
    )
    runner = Runner(fake_terraform(tmp_path, body), dict(os.environ))
    outcome = runner.plan(Target("broken", tmp_path))
    assert isinstance(outcome, RootFailure)
    assert outcome.detail == "  Error: Invalid provider\n    on x.tf line 1"
    assert outcome.message.startswith(f"terraform plan failed in {tmp_path}:\n")
