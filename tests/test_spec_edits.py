"""Spec edits never destroy data: apply an example against moto, then plan a corpus of edits.

The estate is examples/project-one.yaml plus one silo tenant (so a rename has a dedicated
database, backup copies, keys, bucket and DNS record to carry). It is applied once to moto's
server on 127.0.0.1; each edit is then planned from a copy of that state, all edits at once,
and judged with `regionform.plan.stateful_changes`: no edit may delete or replace a database,
cache, bucket, DynamoDB table, KMS key or cluster. A negative control (renaming without
`renamed_from`) shows the check catches exactly that.

moto cannot create every resource type the modules use (MOTO_CANNOT_CREATE, with the reason
for each). Those, and every resource that depends on one (`terraform graph`), are left out
of the apply by name, the baseline plan must show them as the only pending creates, and each
edit must plan them exactly as the baseline does (after following the moved blocks): an
existing object of those types would see no change at all, so neither a delete nor a
replace.

The same applied estate proves the ECS services' wiring: each registers in its front door's
target group, and each task role grants only what the spec names.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, Terraform
from moto_server import MotoServer, moto_server, write_moto_override

from regionform.api import generate, load_spec
from regionform.generators.root import moves
from regionform.plan.stateful import stateful_changes
from regionform.spec.names import alb, ecs
from regionform.spec.services import services

pytestmark = pytest.mark.terraform

# What moto's server cannot create, and why; checked at plan level instead. By type:
MOTO_CANNOT_CREATE: dict[str, str] = {
    "aws_db_instance_automated_backups_replication": "StartDBInstanceAutomatedBackupsReplication "
    "answers HTTP 500",
    "aws_elasticache_parameter_group": "CreateCacheParameterGroup never completes",
    "aws_elasticache_user_group": "CreateUserGroup never completes",
    "aws_elasticache_replication_group": "needs the parameter and user groups",
    "aws_route53_key_signing_key": "CreateKeySigningKey is not implemented (404)",
    "aws_route53_hosted_zone_dnssec": "needs the key-signing key",
    "aws_route53_query_log": "moto does not see the log group (NoSuchCloudWatchLogsLogGroup)",
    "aws_s3_bucket_logging": "the provider's read-after-write wait never succeeds",
    "aws_s3_bucket_lifecycle_configuration": "the provider's read-after-write wait never succeeds",
    "aws_ce_anomaly_monitor": "moto's Cost Explorer has no anomaly detection API",
    "aws_ce_anomaly_subscription": "needs the anomaly monitor",
    "aws_securityhub_account": "moto's Security Hub never brings the account into state "
    "(no UpdateSecurityHubConfiguration for the control settings)",
    "aws_securityhub_standards_subscription": "moto's Security Hub has no BatchEnableStandards",
    "aws_cloudfront_cache_policy": "CreateCachePolicy is not implemented",
    "aws_cloudfront_response_headers_policy": "CreateResponseHeadersPolicy is not implemented",
    "aws_cloudfront_distribution": "needs the cache and response headers policies",
    "aws_budgets_budget": "DescribeSubscribersForNotification answers HTTP 500; the provider "
    "retries every read 25 times",
    "aws_appautoscaling_target": "Application Auto Scaling's ListTagsForResource answers "
    "HTTP 500; the provider retries every read",
    "aws_backup_selection": "moto's AWS Backup has no CreateBackupSelection",
    "aws_sqs_queue_redrive_allow_policy": "GetQueueAttributes never returns the "
    "RedriveAllowPolicy it was given, so the provider waits for it forever",
}
# and by address:
MOTO_CANNOT_CREATE_AT: dict[str, str] = {
    # moto gives every DB instance of a region the same DbiResourceId, so the provider, which
    # finds instances by it, cannot tell two apart; the silo tenant's instance in the same
    # region is applied, and this one (same module, same arguments) is judged by it.
    "module.rds_ap_south_1.aws_db_instance.this[0]": "a second DB instance in ap-south-1",
    # The CDN hostname's alias records point at the distribution, which moto cannot create.
    'module.cdn.aws_route53_record.alias["cdn.projectone.example.com/A"]': "alias of the "
    "distribution",
    'module.cdn.aws_route53_record.alias["cdn.projectone.example.com/AAAA"]': "alias of the "
    "distribution",
}
TENANT = {"home": "ap-south-1", "countries": ["IN"], "tier": "silo"}
# A tenant-partitioned DynamoDB table in Mumbai, so the corpus can grow it (a GSI, a replica).
TABLE: dict[str, Any] = {
    "partition_key": {"name": "tenant_id"},
    "sort_key": {"name": "session_id"},
    "ttl_attribute": "expires_at",
    "tenant_partitioned": True,
}
TABLE_ADDRESS = 'module.dynamodb_ap_south_1.aws_dynamodb_table.this["sessions"]'


# A region of the base without a load balancer, so the corpus can add one (Hyderabad: in
# India, like Mumbai; it holds no data). Its certificate names what the ALB will answer to.
HYDERABAD = "ap-south-2"
HYDERABAD_REGION: dict[str, Any] = {
    "role": "regional",
    "vpc": {"cidr": "10.201.0.0/16", "az_count": 2, "nat": "none"},
}
HYDERABAD_LOAD_BALANCER: dict[str, Any] = {
    "certificate": {"names": ["hyd.projectone.example.com"]},
    "targets": {"app": {"port": 8080, "paths": ["/*"]}},
}


def _base() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "examples" / "project-one.yaml").read_text())
    data["tenants"]["wealth-desk"] = dict(TENANT)
    data["regions"][HYDERABAD] = json.loads(json.dumps(HYDERABAD_REGION))
    data["regions"]["ap-south-1"]["tables"] = {"sessions": dict(TABLE)}
    return data


def _rename_tenant(data: dict[str, Any], renamed_from: bool = True) -> dict[str, Any]:
    tenant = data["tenants"].pop("wealth-desk")
    if renamed_from:
        tenant["renamed_from"] = "wealth-desk"
    data["tenants"]["wealth-advisory"] = tenant
    return data


def _rename_without_renamed_from(data: dict[str, Any]) -> dict[str, Any]:
    return _rename_tenant(data, renamed_from=False)


def _reorder(data: dict[str, Any]) -> dict[str, Any]:
    data["regions"] = dict(reversed(data["regions"].items()))
    data["tenants"] = dict(reversed(data["tenants"].items()))
    return dict(reversed(data.items()))


def _add_region(data: dict[str, Any]) -> dict[str, Any]:
    data["regions"]["eu-west-2"] = {
        "role": "regional",
        "vpc": {"cidr": "10.200.0.0/16", "az_count": 2, "nat": "single"},
    }
    return data


def _add_tenant(data: dict[str, Any]) -> dict[str, Any]:
    data["tenants"]["tax-desk"] = dict(TENANT)
    return data


def _resize(data: dict[str, Any]) -> dict[str, Any]:
    data["regions"]["ap-south-1"]["database"]["instance_class"] = "db.r6g.xlarge"
    return data


def _add_load_balancer(data: dict[str, Any]) -> dict[str, Any]:
    """Hyderabad, which had none, gets a load balancer regionform creates."""
    data["regions"][HYDERABAD]["load_balancer"] = json.loads(json.dumps(HYDERABAD_LOAD_BALANCER))
    return data


def _scale_service(data: dict[str, Any]) -> dict[str, Any]:
    api = data["regions"]["ap-south-1"]["services"]["api"]
    api["min"], api["max"] = 4, 80
    return data


def _add_service(data: dict[str, Any]) -> dict[str, Any]:
    data["regions"]["ap-south-1"]["services"]["reports"] = {
        "image": "111122223333.dkr.ecr.ap-south-1.amazonaws.com/projectone/reports:1.0.0",
        "cpu": 256,
        "memory": 512,
        "queue": {},
    }
    return data


def _add_gsi(data: dict[str, Any]) -> dict[str, Any]:
    table = data["regions"]["ap-south-1"]["tables"]["sessions"]
    table["attributes"] = {"advisor_id": "S", "started_at": "S"}
    table["global_indexes"] = {
        "advisor-index": {"partition_key": "advisor_id", "sort_key": "started_at"}
    }
    return data


def _fail_over(data: dict[str, Any]) -> dict[str, Any]:
    data["regions"]["ap-southeast-1"]["services_from"]["desired"] = 2
    return data


def _add_replica_region(data: dict[str, Any]) -> dict[str, Any]:
    # Project One's residency allows copies to Singapore only: the replica goes there. moto
    # could not apply it (it takes the table's ReplicaUpdates but never lists the replica, so
    # the provider waits for it forever): the edit is judged at plan level, as all edits are.
    data["regions"]["ap-south-1"]["tables"]["sessions"]["replicas"] = ["ap-southeast-1"]
    return data


def _switch_to_aurora(data: dict[str, Any]) -> dict[str, Any]:
    """Every RDS database becomes Aurora: a migration, not an edit (the guard must refuse)."""
    for region in data["regions"].values():
        database = region.get("database")
        if database is None:
            continue
        for key in ("storage_gb", "max_storage_gb", "multi_az", "backup_copies_to"):
            database.pop(key, None)
        database.pop("instance_class", None)
        database["engine"] = "aurora-postgresql"
        database["serverless"] = {"min_acu": 2, "max_acu": 16}
        database["readers"] = 0 if "replica_of" in database else 1
    return data


EDITS = {
    "rename-tenant-with-renamed-from": _rename_tenant,
    "reorder-regions-and-tenants": _reorder,
    "add-region": _add_region,
    "add-tenant": _add_tenant,
    "resize-database": _resize,
    "add-load-balancer": _add_load_balancer,
    "scale-a-service": _scale_service,
    "add-a-service": _add_service,
    "fail-over-raise-dr-desired": _fail_over,
    "add-gsi": _add_gsi,
    "add-replica-region": _add_replica_region,
    # Negative control: the same rename without renamed_from.
    "rename-tenant-without-renamed-from": _rename_without_renamed_from,
    # Negative control: switching RDS to Aurora replaces the database.
    "switch-engine-to-aurora": _switch_to_aurora,
}
# The edits that must be caught destroying stateful resources.
NEGATIVE = ("rename-tenant-without-renamed-from", "switch-engine-to-aurora")


# What an edit itself changes on a resource moto cannot create, judged at plan level: both
# are arguments the provider updates in place (RegisterScalableTarget on the same target),
# never a replacement. edit -> (type, attribute). A region's dashboard waits for the
# region's alarms, and an edit that adds alarms (a service; a DR service's running-task
# alarm once its minimum is above 0) redraws it: PutDashboard in place, it holds no data.
DASHBOARD_REDRAWN = ("aws_cloudwatch_dashboard", "dashboard_body")
EDITED_IN_PLACE: dict[str, set[tuple[str, str]]] = {
    "scale-a-service": {
        ("aws_appautoscaling_target", "min_capacity"),
        ("aws_appautoscaling_target", "max_capacity"),
    },
    "fail-over-raise-dr-desired": {
        ("aws_appautoscaling_target", "min_capacity"),
        DASHBOARD_REDRAWN,
    },
    "add-a-service": {DASHBOARD_REDRAWN},
}


# What the applied state holds differently from the configuration, so every plan (the
# baseline's too) updates it in place on the applied objects: type -> those attributes. The
# plans do not refresh, so this is what the provider recorded from moto's answers at apply.
DRIFT: dict[str, set[str]] = {
    # moto leaves Performance Insights off and answers no rotation period.
    "aws_db_instance": {
        "performance_insights_enabled",
        "performance_insights_kms_key_id",
        "performance_insights_retention_period",
    },
    "aws_kms_key": {"rotation_period_in_days"},
    # moto re-serialises the redrive policy with spaces; the provider compares the strings.
    "aws_sqs_queue": {"redrive_policy"},
    # moto answers CreateService without these (and orders the strategy its own way).
    # moto's AWS Backup keeps no tags on plans and vaults.
    "aws_backup_plan": {"tags", "tags_all"},
    "aws_backup_vault": {"tags", "tags_all"},
    "aws_ecs_service": {
        "availability_zone_rebalancing",
        "capacity_provider_strategy",
        "enable_ecs_managed_tags",
        "health_check_grace_period_seconds",
    },
}


def _changed(before: dict[str, Any] | None, after: dict[str, Any] | None) -> set[str]:
    before, after = before or {}, after or {}
    return {key for key in set(before) | set(after) if before.get(key) != after.get(key)}


def _resource(change: dict[str, Any]) -> str:
    """The configuration address of a planned instance (`module.m.type.name`)."""
    module = change.get("module_address")
    return f"{module + '.' if module else ''}{change['type']}.{change['name']}"


def _moto_cannot_create(change: dict[str, Any], waiting: frozenset[str]) -> bool:
    return (
        change["type"] in MOTO_CANNOT_CREATE
        or change["address"] in MOTO_CANNOT_CREATE_AT
        or _resource(change) in waiting
    )


_EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)";$', re.MULTILINE)


def _waiting_on_moto(terraform: Terraform, root: Path, plan: dict[str, Any]) -> frozenset[str]:
    """Resources (configuration addresses) that depend, directly or through others, on one
    moto cannot create: `-target` would pull what they need into the apply (an alarm on a
    Redis replication group would create the group, which never completes), so they wait
    with it."""
    dependents: dict[str, set[str]] = {}
    for source, needed in _EDGE.findall(terraform.run(root, "graph").stdout):
        dependents.setdefault(needed, set()).add(source)
    blocked = [
        _resource(c)
        for c in plan.get("resource_changes", [])
        if c["type"] in MOTO_CANNOT_CREATE or c["address"] in MOTO_CANNOT_CREATE_AT
    ]
    waiting: set[str] = set()
    while blocked:
        for dependent in dependents.get(blocked.pop(), set()) - waiting:
            waiting.add(dependent)
            blocked.append(dependent)
    return frozenset(waiting)


@dataclass(frozen=True)
class Planned:
    spec: Path
    root: Path
    plan: dict[str, Any]
    seconds: float
    # Resources left out of the base's apply because they depend on what moto cannot create.
    waiting: frozenset[str] = frozenset()

    def changes(self) -> dict[str, dict[str, Any]]:
        """Managed resources the plan would touch (anything but no-op), by address."""
        return {
            c["address"]: c
            for c in self.plan.get("resource_changes", [])
            if c["mode"] == "managed" and c["change"]["actions"] != ["no-op"]
        }


@pytest.fixture(scope="session")
def moto() -> Iterator[MotoServer]:
    with moto_server() as server:
        yield server


def _root(work: Path, data: dict[str, Any], endpoint: str, state: Path) -> tuple[Path, Path]:
    work.mkdir(parents=True)
    spec = work / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, sort_keys=False))
    root = generate(load_spec(spec), out=work / "out", output_format="hcl").root
    write_moto_override(root, endpoint, state)
    return spec, root


# Concurrent inits race on the shared plugin cache ("mkdir …: file exists"); plans don't.
_INIT = threading.Lock()


def _plan(terraform: Terraform, spec: Path, root: Path, *extra: str) -> Planned:
    started = time.monotonic()
    with _INIT:
        terraform.run(root, "init", "-input=false", "-no-color")
    terraform.run(root, "plan", "-input=false", "-no-color", "-out=edit.tfplan", *extra)
    shown = terraform.run(root, "show", "-json", "edit.tfplan")
    return Planned(spec, root, json.loads(shown.stdout), time.monotonic() - started)


@pytest.fixture(scope="module")
def applied(
    moto: MotoServer, terraform: Terraform, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Planned]:
    """The base estate applied to moto (minus MOTO_CANNOT_CREATE), and its plan after."""
    moto.reset()
    work = tmp_path_factory.mktemp("edits") / "base"
    state = work.parent / "base.tfstate"
    spec, root = _root(work, _base(), moto.endpoint, state)
    first = _plan(terraform, spec, root)
    waiting = _waiting_on_moto(terraform, root, first.plan)
    targets = [
        f"-target={address}"
        for address, change in first.changes().items()
        if not _moto_cannot_create(change, waiting)
    ]
    terraform.run(
        root, "apply", "-input=false", "-no-color", "-auto-approve", "-parallelism=20", *targets
    )
    # What an edit would do is judged against the applied state, so neither this plan nor the
    # edits' reads ~430 objects back from moto (half the corpus's time): moto's read-back
    # differences are in the state already, recorded by the apply.
    return state, replace(_plan(terraform, spec, root, "-refresh=false"), waiting=waiting)


@pytest.fixture(scope="module")
def edits(
    applied: tuple[Path, Planned],
    moto: MotoServer,
    terraform: Terraform,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Planned]:
    """Every edit planned from its own copy of the applied state, in parallel."""
    state, _ = applied
    work = tmp_path_factory.mktemp("edited")

    def plan(name: str) -> Planned:
        copy = work / f"{name}.tfstate"
        shutil.copyfile(state, copy)
        spec, root = _root(work / name, EDITS[name](_base()), moto.endpoint, copy)
        return _plan(terraform, spec, root, "-refresh=false")

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(EDITS, pool.map(plan, EDITS), strict=True))


def test_the_base_applies_except_what_moto_cannot_create(applied: tuple[Path, Planned]) -> None:
    _, baseline = applied
    missing = [c for c in baseline.changes().values() if _moto_cannot_create(c, baseline.waiting)]
    assert {c["type"] for c in missing} >= set(MOTO_CANNOT_CREATE)
    assert {c["address"] for c in missing} >= set(MOTO_CANNOT_CREATE_AT)
    assert {tuple(c["change"]["actions"]) for c in missing} == {("create",)}
    # Anything else pending is moto drift on an applied object: an in-place update only.
    drift = {
        c["address"]: sorted(_changed(c["change"]["before"], c["change"]["after"]))
        for c in baseline.changes().values()
        if not _moto_cannot_create(c, baseline.waiting)
    }
    for address, attributes in drift.items():
        change = baseline.changes()[address]
        assert change["change"]["actions"] == ["update"], address
        assert set(attributes) <= DRIFT[change["type"]], (address, attributes)
    assert {baseline.changes()[a]["type"] for a in drift} == set(DRIFT)
    state = json.loads(applied[0].read_text())
    created = {r["type"] for r in state["resources"] if r["mode"] == "managed"}
    for kind in (
        "aws_db_instance",
        "aws_s3_bucket",
        "aws_kms_key",
        "aws_route53_zone",
        "aws_dynamodb_table",
    ):
        assert kind in created


@pytest.mark.parametrize("edit", [e for e in EDITS if e not in NEGATIVE])
def test_no_edit_destroys_a_stateful_resource(edits: dict[str, Planned], edit: str) -> None:
    assert stateful_changes(edits[edit].plan) == []


def _follow(address: str, spec: Path) -> str:
    """Where an address of the base lives after the edit's moved blocks."""
    for move in moves(load_spec(spec)):
        if address == move.source:
            address = move.target
        elif address.startswith(f"{move.source}."):
            address = move.target + address[len(move.source) :]
    return address


@pytest.mark.parametrize("edit", [e for e in EDITS if e not in NEGATIVE])
def test_what_moto_cannot_create_is_planned_as_before(
    applied: tuple[Path, Planned], edits: dict[str, Planned], edit: str
) -> None:
    """Plan-level cover for what moto cannot create: each such resource is planned at its
    (moved) address with the baseline's values, except attributes this same edit updates in
    place on an applied resource of the same type; so had it existed, it would at most have
    been updated in place, never deleted or replaced."""
    _, baseline = applied
    edited = edits[edit].changes()
    in_place = {
        (c["type"], key)
        for c in edited.values()
        if c["change"]["actions"] == ["update"]
        for key in _changed(c["change"]["before"], c["change"]["after"])
    } | EDITED_IN_PLACE.get(edit, set())
    for address, change in baseline.changes().items():
        if not _moto_cannot_create(change, baseline.waiting):
            continue  # applied: stateful_changes judges it from the state
        moved = _follow(address, edits[edit].spec)
        assert moved in edited, f"{address} ({moved}) is gone from the plan"
        changed = _changed(change["change"]["after"], edited[moved]["change"]["after"])
        assert {(change["type"], k) for k in changed} <= in_place, (moved, changed)


def test_reordering_changes_nothing(
    applied: tuple[Path, Planned], edits: dict[str, Planned]
) -> None:
    _, baseline = applied
    reordered = edits["reorder-regions-and-tenants"]
    assert reordered.changes().keys() == baseline.changes().keys()
    for path in sorted(baseline.root.rglob("*.tf")):
        twin = reordered.root / path.relative_to(baseline.root)
        assert twin.read_bytes() == path.read_bytes(), path.name


def test_renaming_moves_the_tenant_in_state(edits: dict[str, Planned]) -> None:
    plan = edits["rename-tenant-with-renamed-from"].plan
    moved = {
        c["address"]: c["previous_address"]
        for c in plan["resource_changes"]
        if c.get("previous_address")
    }
    database = "module.rds_tenant_wealth_advisory.aws_db_instance.this[0]"
    assert moved[database] == "module.rds_tenant_wealth_desk.aws_db_instance.this[0]"
    bucket = 'module.s3_ap_south_1.aws_s3_bucket.this["tenant-wealth-advisory"]'
    assert moved[bucket] == 'module.s3_ap_south_1.aws_s3_bucket.this["tenant-wealth-desk"]'


def test_resizing_updates_the_database_in_place(edits: dict[str, Planned]) -> None:
    # The silo tenant's database is sized like its region's, and is the one moto holds.
    database = "module.rds_tenant_wealth_desk.aws_db_instance.this[0]"
    change = edits["resize-database"].changes()[database]
    assert change["change"]["actions"] == ["update"]
    assert change["change"]["after"]["instance_class"] == "db.r6g.xlarge"


# What a service edit must never delete or replace: the cluster, the service (its running
# tasks and target registrations) and the front door's target groups.
SERVICE_KEEPS = ("aws_ecs_cluster", "aws_ecs_service", "aws_lb_target_group")


@pytest.mark.parametrize("edit", ["scale-a-service", "add-a-service", "fail-over-raise-dr-desired"])
def test_service_edits_replace_no_cluster_service_or_target_group(
    edits: dict[str, Planned], edit: str
) -> None:
    replaced = {
        address: change["change"]["actions"]
        for address, change in edits[edit].changes().items()
        if change["type"] in SERVICE_KEEPS and "delete" in change["change"]["actions"]
    }
    assert replaced == {}


def test_failing_over_raises_the_dr_minimum_in_place(
    applied: tuple[Path, Planned], edits: dict[str, Planned]
) -> None:
    # The scalable target is one moto cannot create: the baseline plans the pilot light's
    # minimum of 0, the edit the same target (same address, so no replacement) at 2.
    _, baseline = applied
    changes = edits["fail-over-raise-dr-desired"].changes()
    target = 'module.ecs_ap_southeast_1.aws_appautoscaling_target.this["api"]'
    assert baseline.changes()[target]["change"]["after"]["min_capacity"] == 0
    assert changes[target]["change"]["actions"] == baseline.changes()[target]["change"]["actions"]
    assert changes[target]["change"]["after"]["min_capacity"] == 2
    # The services themselves (applied) are not replaced: desired follows the scalable target.
    service = 'module.ecs_ap_southeast_1.aws_ecs_service.this["api"]'
    if service in changes:
        assert "delete" not in changes[service]["change"]["actions"]


def test_adding_a_gsi_or_a_replica_updates_the_table_in_place(edits: dict[str, Planned]) -> None:
    gsi = edits["add-gsi"].changes()[TABLE_ADDRESS]
    assert gsi["change"]["actions"] == ["update"]
    assert [g["name"] for g in gsi["change"]["after"]["global_secondary_index"]] == [
        "advisor-index"
    ]
    replica = edits["add-replica-region"].changes()[TABLE_ADDRESS]
    assert replica["change"]["actions"] == ["update"]
    assert [r["region_name"] for r in replica["change"]["after"]["replica"]] == ["ap-southeast-1"]
    # A global table streams new and old images: turning the stream on is in place too.
    assert replica["change"]["after"]["stream_view_type"] == "NEW_AND_OLD_IMAGES"


def test_renaming_without_renamed_from_is_caught(edits: dict[str, Planned]) -> None:
    """The negative control: the check above can fail, and fails for this edit."""
    destroyed = {
        c.address for c in stateful_changes(edits["rename-tenant-without-renamed-from"].plan)
    }
    assert "module.rds_tenant_wealth_desk.aws_db_instance.this[0]" in destroyed
    assert 'module.s3_ap_south_1.aws_s3_bucket.this["tenant-wealth-desk"]' in destroyed
    assert any(a.startswith("module.kms_tenant_wealth_desk.aws_kms_key") for a in destroyed)


# What adding a load balancer may change besides creating it: DNS objects (records and health
# checks hold no data) in case a name is routed to the region, and the global root's
# dashboard, which gains the new certificate's alarm.
DNS_REPOINTED = {"aws_route53_record", "aws_route53_health_check", "aws_cloudwatch_dashboard"}


def test_adding_a_load_balancer_plans_only_additions(
    applied: tuple[Path, Planned], edits: dict[str, Planned]
) -> None:
    _, baseline = applied
    before = baseline.changes()
    added = edits["add-load-balancer"].changes()
    new = {a: c for a, c in added.items() if a not in before}
    assert any(a.startswith("module.alb_ap_south_2.") for a in new)
    assert any(a.startswith("module.alb_https_ap_south_2.") for a in new)
    for address, change in added.items():
        if (
            address in before
            and change["change"]["actions"] == before[address]["change"]["actions"]
        ):
            continue  # pending in the baseline too (moto drift, what moto cannot create)
        actions = change["change"]["actions"]
        assert actions == ["create"] or change["type"] in DNS_REPOINTED, (address, actions)


def test_switching_the_engine_to_aurora_is_caught(edits: dict[str, Planned]) -> None:
    """RDS to Aurora is a migration: the plan deletes the RDS instances, and the destroy
    guard refuses it (nothing moves an aws_db_instance into an aws_rds_cluster)."""
    destroyed = {c.address for c in stateful_changes(edits["switch-engine-to-aurora"].plan)}
    assert "module.rds_tenant_wealth_desk.aws_db_instance.this[0]" in destroyed


# ECS services as Terraform holds them once applied (the baseline plan reads them from state):
# registered with the front door, least privilege. The applied KMS keys make every task
# policy known; on an empty account they would all be unknown at plan.

# What each thing a spec can name lets a task role do; anything else is a finding.
SECRET_ACTIONS = {"secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt"}
BUCKET_ACTIONS = {
    "s3:ListBucket",
    "s3:GetObject",
    "s3:PutObject",
    "s3:AbortMultipartUpload",
    "kms:Decrypt",
    "kms:GenerateDataKey",
}
QUEUE_ACTIONS = {
    "sqs:ChangeMessageVisibility",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "sqs:ReceiveMessage",
    "sqs:SendMessage",
    "kms:Decrypt",
    "kms:GenerateDataKey",
}
EXEC_ACTIONS = {
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "logs:CreateLogStream",
    "logs:DescribeLogStreams",
    "logs:PutLogEvents",
    "kms:Decrypt",
}


def _module_calls(shown: dict[str, Any]) -> dict[str, Any]:
    calls: dict[str, Any] = shown["configuration"]["root_module"]["module_calls"]
    return calls


def test_every_service_registers_in_the_front_doors_target_group(
    applied: tuple[Path, Planned],
) -> None:
    _, baseline = applied
    spec = load_spec(baseline.spec)
    calls = _module_calls(baseline.plan)
    checked = 0
    for region in spec.regions:
        running = [s for s in services(spec, region) if s.target is not None]
        if not running:
            continue
        references = set(calls[ecs.call_name(region)]["expressions"]["services"]["references"])
        for service in running:
            wanted = f'module.{alb.call_name(region)}.target_group_arns["{service.target}"]'
            assert wanted in references, (region.name, service.name)
            checked += 1
        # And the target group exists in the load balancer module of the same root.
        assert alb.call_name(region) in calls
    assert checked >= 2  # Mumbai's api and Singapore's pilot-light api


def _task_policies(shown: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """(module call, service) → the task role policy document (None while unknown)."""
    found: dict[tuple[str, str], Any] = {}
    for change in shown["resource_changes"]:
        if change["type"] != "aws_iam_role_policy" or change["name"] != "task":
            continue
        call = change["address"].split(".")[1]
        after = change["change"]["after"] or {}
        policy = after.get("policy")
        found[(call, change["index"])] = json.loads(policy) if policy else None
    return found


def test_task_roles_grant_only_what_the_spec_names(applied: tuple[Path, Planned]) -> None:
    _, baseline = applied
    spec = load_spec(baseline.spec)
    policies = _task_policies(baseline.plan)
    known = 0
    for region in spec.regions:
        for service in services(spec, region):
            key = (ecs.call_name(region), service.name)
            allowed: set[str] = set()
            if service.secrets:
                allowed |= SECRET_ACTIONS
            if service.buckets:
                allowed |= BUCKET_ACTIONS
            if service.queue is not None:
                allowed |= QUEUE_ACTIONS
            if service.exec:
                allowed |= EXEC_ACTIONS
            if not allowed:
                assert key not in policies, f"{key} names nothing but has a task policy"
                continue
            document = policies.get(key)
            if document is None:
                continue  # waiting with what moto cannot create
            known += 1
            for statement in document["Statement"]:
                assert statement["Effect"] == "Allow"
                actions = statement["Action"]
                assert set(actions) <= allowed, (key, statement["Sid"])
                if statement["Sid"] == "ReadNamedSecrets":
                    named = {v for _, v in service.secrets if ":secretsmanager:" in v}
                    assert set(statement["Resource"]) == named
                if "*" in statement["Resource"]:
                    assert set(actions) <= EXEC_ACTIONS, (key, statement["Sid"])
    assert known >= 2  # the api's policy in both regions is known at plan time
