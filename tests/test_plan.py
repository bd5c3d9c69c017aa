"""`regionform plan` for real: Terraform plans every example against moto's server.

One moto server serves the whole file (started once, reset before each test that applies,
stopped at the end). Each generated root gets `regionform_moto_override.tf.json` from the
`prepare` hook (or is planned with `--no-generate` after a test wrote it): the generated code
itself never knows about moto. Counts are checked against Terraform's own `show -json`,
computed here without regionform's summary code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from moto_server import MotoServer, moto_server, point_at

from regionform.choices import LAYOUTS
from regionform.plan.run import PlanResult, run_plan
from regionform.plan.runner import PLAN_FILE

pytestmark = pytest.mark.terraform


@pytest.fixture(scope="session")
def moto() -> Iterator[MotoServer]:
    with moto_server() as server:
        yield server


@pytest.fixture(scope="session")
def planned(
    moto: MotoServer, terraform_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[PlanResult, Path]]:
    """Every example in every layout, planned on an empty account (two plans at a time).

    The single layout is planned as HCL (the default format), per-region roots as JSON: each
    rendering meets `terraform plan` in one layout, and the equivalence tests in
    test_terraform.py and test_layout.py prove the other rendering of each layout is the
    same configuration.
    """
    moto.reset()
    cases = [(spec.stem, layout) for spec in EXAMPLES for layout in LAYOUTS]

    def plan(case: tuple[str, str]) -> tuple[PlanResult, Path]:
        example, layout = case
        out = tmp_path_factory.mktemp(f"plan-{example}-{layout}")
        result = run_plan(
            next(spec for spec in EXAMPLES if spec.stem == example),
            out=out,
            output_format="hcl" if layout == "single" else "json",
            layout=layout,
            env=terraform_env,
            prepare=point_at(moto),
            parallel=4,
        )
        return result, out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(cases, pool.map(plan, cases), strict=True))


def independent_counts(plan: dict[str, object]) -> Counter[tuple[str, str]]:
    """(module call, add|change|destroy) → count, straight from `terraform show -json`."""
    counts: Counter[tuple[str, str]] = Counter()
    for rc in plan["resource_changes"]:  # type: ignore[attr-defined]
        if rc["mode"] != "managed":
            continue
        address = rc["address"]
        module = address.split(".")[1].split("[")[0] if address.startswith("module.") else "(root)"
        actions = rc["change"]["actions"]
        if "create" in actions:
            counts[(module, "add")] += 1
        if "delete" in actions:
            counts[(module, "destroy")] += 1
        if actions == ["update"]:
            counts[(module, "change")] += 1
    return counts


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("example", [spec.stem for spec in EXAMPLES])
def test_plan_succeeds_and_counts_equal_terraforms(
    planned: dict[tuple[str, str], tuple[PlanResult, Path]],
    example: str,
    layout: str,
) -> None:
    result, out = planned[(example, layout)]
    assert result.failures == ()
    assert result.exit_code(detailed_exitcode=True) == 2  # an empty account: all to add
    assert result.summary.roots, "no roots planned"
    for root in result.summary.roots:
        # Terraform's own `show -json` of the saved plan, as the runner read it; the counts
        # below are computed from it here, without regionform's summary code.
        shown = result.plans[root.root]
        assert (out / root.path / PLAN_FILE).is_file(), "the saved plan stays for apply"
        ours = Counter(
            {
                (row.module, kind): n
                for row in root.rows
                for kind, n in (("add", row.add), ("change", row.change), ("destroy", row.destroy))
                if n
            }
        )
        assert ours == independent_counts(shown), root.root
        assert all(row.region != "-" for row in root.rows), "every module's region is known"


def _unknown(after_unknown: object, *path: str | int) -> bool:
    """Whether the planned value at `path` is unknown until apply (`after_unknown`)."""
    node = after_unknown
    for key in path:
        if isinstance(node, dict) and isinstance(key, str):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            return False
    return node is True


# Stateful resource types, each with the attribute that proves a backup (a positive retention).
STATEFUL_BACKUPS = {
    "aws_db_instance": "backup_retention_period",
    "aws_elasticache_replication_group": "snapshot_retention_limit",
    "aws_rds_cluster": "backup_retention_period",
}
_TOPIC_REFERENCE = re.compile(r'^module\.(notifications_\w+)\.topic_arns\["([a-z0-9-]+)"\]$')


def _selected_calls(shown: dict[str, Any], call: str) -> set[str]:
    """The module calls whose outputs the backup call `call` selects (its resource_arns)."""
    calls = shown["configuration"]["root_module"].get("module_calls", {})
    expression = calls.get(call, {}).get("expressions", {}).get("resource_arns", {})
    return {r.split(".")[1] for r in expression.get("references", []) if r.startswith("module.")}


def _call_of(address: str) -> str:
    return address.split(".")[1].split("[")[0]


def _topics_by_name(result: PlanResult) -> dict[tuple[str, str], tuple[str, str, bool]]:
    """(region, topic name) → (notifications call, severity, has a subscription), over every
    root; a region's call is notifications_<region with underscores>."""
    topics: dict[tuple[str, str], tuple[str, str]] = {}
    subscribed: set[tuple[str, str]] = set()
    for shown in result.plans.values():
        for rc in shown["resource_changes"]:
            if rc["mode"] != "managed":
                continue
            if rc["type"] == "aws_sns_topic":
                name = (rc["change"]["after"] or {}).get("name")
                call = _call_of(rc["address"])
                region = call.removeprefix("notifications_").replace("_", "-")
                if name:
                    topics[(region, name)] = (call, str(rc["index"]))
            elif rc["type"] == "aws_sns_topic_subscription":
                subscribed.add((_call_of(rc["address"]), rc["index"].split("/")[0]))
    return {name: (c, sev, (c, sev) in subscribed) for name, (c, sev) in topics.items()}


def _topic_references(shown: dict[str, Any], call: str, argument: str) -> dict[str, str]:
    """Severity → notifications call, from the references of a module call's argument."""
    calls = shown["configuration"]["root_module"].get("module_calls", {})
    expression = calls.get(call, {}).get("expressions", {}).get(argument, {})
    found = {}
    for reference in expression.get("references", []):
        match = _TOPIC_REFERENCE.match(reference)
        if match:
            found[match.group(2)] = match.group(1)
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("example", [spec.stem for spec in EXAMPLES])
def test_alias_records_and_waf_associations_reference_generated_resources(
    planned: dict[tuple[str, str], tuple[PlanResult, Path]],
    example: str,
    layout: str,
) -> None:
    """Every alias record's target and every web ACL association's resource are values of
    resources this plan creates (unknown until apply), never a literal name or ARN typed into
    the generated code; in the per-region layout they come from the region roots' state."""
    result, _ = planned[(example, layout)]
    aliases = associations = 0
    for shown in result.plans.values():
        for rc in shown["resource_changes"]:
            after = rc["change"]["after"] or {}
            unknown = rc["change"]["after_unknown"] or {}
            if rc["type"] == "aws_route53_record" and after.get("alias"):
                aliases += 1
                assert _unknown(unknown, "alias", 0, "name"), rc["address"]
                assert _unknown(unknown, "alias", 0, "zone_id"), rc["address"]
            if rc["type"] == "aws_wafv2_web_acl_association":
                associations += 1
                assert _unknown(unknown, "resource_arn"), rc["address"]
                assert not str(after.get("resource_arn", "")).startswith("arn:"), rc["address"]
    assert aliases, "the examples' DNS records alias generated load balancers"
    if example in ("bizflow", "teddy-bear", "agent-mitra"):
        assert associations, "the region's web ACL protects its load balancer"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("example", [spec.stem for spec in EXAMPLES])
def test_alarms_and_budgets_reach_someone_and_state_is_watched(
    planned: dict[tuple[str, str], tuple[PlanResult, Path]],
    example: str,
    layout: str,
) -> None:
    """Walks Terraform's `show -json` of every planned root: every alarm's alarm_actions
    reaches an SNS topic of its severity (or critical) with at least one subscription, every
    stateful resource has an alarm in its module call and a backup, and every budget has a
    notification to a subscribed topic."""
    result, _ = planned[(example, layout)]
    # A region's topics by name, for alarms that tell them from another root (the per-region
    # layout computes their ARNs there: the certificate alarm of alb_https in the global root).
    elsewhere = _topics_by_name(result)
    for root in result.summary.roots:
        shown = result.plans[root.root]
        changes = [rc for rc in shown["resource_changes"] if rc["mode"] == "managed"]
        subscribed = {
            (_call_of(rc["address"]), rc["index"].split("/")[0])
            for rc in changes
            if rc["type"] == "aws_sns_topic_subscription"
        }
        alarmed = set()
        for rc in changes:
            if rc["type"] != "aws_cloudwatch_metric_alarm":
                continue
            call = _call_of(rc["address"])
            alarmed.add(call)
            severity = ((rc["change"]["after"] or {}).get("tags") or {}).get("Severity", "critical")
            topics = _topic_references(shown, call, "alarm_actions")
            if not topics:
                arns = (rc["change"]["after"] or {}).get("alarm_actions") or []
                named = [(arn.split(":")[3], arn.rsplit(":", 1)[-1]) for arn in arns]
                computed = [elsewhere[key] for key in named if key in elsewhere]
                assert computed, f"{rc['address']}: alarm_actions reach no topic"
                assert all(subscribed_topic for _, _, subscribed_topic in computed), (
                    f"{rc['address']}: a topic it tells has no subscription"
                )
                continue
            severity = severity if severity in topics else "critical"
            assert severity in topics, f"{rc['address']}: alarm_actions reach no topic"
            assert (topics[severity], severity) in subscribed, (
                f"{rc['address']}: the {severity} topic of {topics[severity]} has no subscription"
            )
        # An AWS Backup selection counts as a backup of every resource it names (ARNs unknown
        # at plan: the module call whose output it reads).
        selected = {
            call
            for rc in changes
            if rc["type"] == "aws_backup_selection"
            for call in _selected_calls(shown, _call_of(rc["address"]))
        }
        for rc in changes:
            if rc["type"] == "aws_dynamodb_table" and _call_of(rc["address"]) in selected:
                assert _call_of(rc["address"]) in alarmed, f"{rc['address']} has no alarm"
                continue
            if rc["type"] == "aws_dynamodb_table":
                assert _call_of(rc["address"]) in alarmed, f"{rc['address']} has no alarm"
                recovery = rc["change"]["after"].get("point_in_time_recovery") or []
                assert any(p.get("enabled") for p in recovery), f"{rc['address']} has no backup"
                continue
            attribute = STATEFUL_BACKUPS.get(rc["type"])
            if attribute is None:
                continue
            assert _call_of(rc["address"]) in alarmed, f"{rc['address']} has no alarm"
            if _call_of(rc["address"]) in selected:
                continue
            after = rc["change"]["after"]
            unknown = rc["change"].get("after_unknown") or {}
            replica = any(
                after.get(key) or unknown.get(key)
                for key in ("replicate_source_db", "global_replication_group_id")
            )
            assert replica or (after.get(attribute) or 0) > 0, f"{rc['address']} has no backup"
        for rc in changes:
            if rc["type"] != "aws_budgets_budget":
                continue
            notifications = rc["change"]["after"].get("notification") or []
            assert notifications, f"{rc['address']} has no notification"
            topics = _topic_references(shown, _call_of(rc["address"]), "topic_arns")
            assert topics and all(t in subscribed for t in ((c, s) for s, c in topics.items())), (
                f"{rc['address']}: its topic has no subscription"
            )
