"""Notifications, alarms, budgets and the security baseline in the generated estate."""

from __future__ import annotations

from pathlib import Path

from regionform.api import load_spec
from regionform.generators.alb import GENERATOR as ALB
from regionform.generators.audit import GENERATOR as AUDIT
from regionform.generators.aurora import GENERATOR as AURORA
from regionform.generators.baseline import GENERATOR as BASELINE
from regionform.generators.budgets import GENERATOR as BUDGETS
from regionform.generators.dynamodb import GENERATOR as DYNAMODB
from regionform.generators.ecs import GENERATOR as ECS
from regionform.generators.notifications import GENERATOR as NOTIFICATIONS
from regionform.generators.notifications import alarm_actions, watching
from regionform.generators.rds import GENERATOR as RDS
from regionform.generators.route53 import GENERATOR as ROUTE53
from regionform.layout.cross_root import computed_value
from regionform.layout.references import references_in
from regionform.spec.copies import AUDIT_LOGS, copy_graph
from regionform.spec.model import Alarm, alarm_arguments

REPO = Path(__file__).resolve().parent.parent
BIZFLOW = REPO / "examples" / "bizflow.yaml"


def test_region_settings_override_the_estates_attribute_by_attribute() -> None:
    estate = (Alarm("rds", "cpu", threshold=80, minutes=10), Alarm("redis", "memory", 70))
    region = (Alarm("rds", "cpu", threshold=60), Alarm("rds", "connections", enabled=False))
    assert alarm_arguments(estate, region, kind="rds") == {
        "connections": {"enabled": False},
        "cpu": {"threshold": 60, "minutes": 10},
    }
    assert alarm_arguments(estate, kind="route53") == {}


def test_every_region_gets_topics_and_the_global_root_too_with_dns() -> None:
    spec = load_spec(BIZFLOW)
    calls = NOTIFICATIONS.calls(spec)
    assert [c.name for c in calls] == [
        "notifications_ap_south_1",
        "notifications_ap_southeast_1",
        "notifications_eu_west_2",
        "notifications_me_south_1",
        "notifications_global",
    ]
    assert calls[-1].file == "global" and calls[-1].region == "us-east-1"
    assert calls[-1].arguments["name_prefix"] == "bizflow-production-global"
    assert set(calls[0].arguments["topics"]) == {"critical", "dr", "warning"}


def test_watching_modules_get_their_regions_topics() -> None:
    spec = load_spec(BIZFLOW)
    region = spec.region("ap-south-1")
    assert region is not None
    actions = alarm_actions(spec, region)
    assert actions["critical"] == ['${module.notifications_ap_south_1.topic_arns["critical"]}']
    rds = next(c for c in RDS.calls(spec) if c.name == "rds_ap_south_1")
    assert rds.arguments["alarm_actions"] == actions
    assert rds.arguments["alarms"]["cpu"] == {
        "threshold": 80,
        "minutes": 10,
        "severity": "critical",
    }
    (route53,) = ROUTE53.calls(spec)
    assert route53.arguments["alarm_actions"]["critical"] == [
        '${module.notifications_global.topic_arns["critical"]}'
    ]


def test_the_front_door_and_the_data_tier_are_watched_with_their_regions_topics() -> None:
    spec = load_spec(BIZFLOW)
    region = spec.region("ap-south-1")
    assert region is not None
    actions = alarm_actions(spec, region)
    calls = {c.name: c for c in ALB.calls(spec)}
    alb = calls["alb_ap_south_1"]
    assert alb.arguments["alarm_actions"] == actions
    # BizFlow's seed: p99 above 3 s pages, p95 above 1 s (off by default) warns.
    assert alb.arguments["alarms"]["latency_p99"] == {
        "threshold": 3,
        "minutes": 5,
        "severity": "critical",
    }
    assert alb.arguments["alarms"]["latency_p95"]["enabled"] is True
    # The certificate and its DaysToExpiry live in the load balancer's region: its topics.
    https = calls["alb_https_ap_south_1"]
    assert https.file == "global" and https.arguments["alarm_actions"] == actions
    assert https.arguments["alarms"] == {
        "certificate_expiry": {"threshold": 30, "severity": "warning"}
    }
    for example, generator in (("agent-mitra", AURORA), ("webdpro", DYNAMODB)):
        estate = load_spec(REPO / "examples" / f"{example}.yaml")
        made = generator.calls(estate)
        assert made, example
        for call in made:
            home = estate.region(call.region)
            assert home is not None
            assert call.arguments["alarm_actions"] == alarm_actions(estate, home), call.name


def test_services_are_watched_with_the_spec_thresholds_of_their_region(tmp_path: Path) -> None:
    text = (REPO / "examples" / "project-one.yaml").read_text()
    spec_file = tmp_path / "services.yaml"
    spec_file.write_text(text + "alarms:\n  ecs:\n    memory: {threshold: 80, severity: warning}\n")
    spec = load_spec(spec_file)
    calls = ECS.calls(spec)
    assert calls
    for call in calls:
        home = spec.region(call.region)
        assert home is not None
        assert call.arguments["alarm_actions"] == alarm_actions(spec, home), call.name
        assert call.arguments["alarms"] == {"memory": {"threshold": 80, "severity": "warning"}}


def test_without_notifications_alarms_exist_and_nobody_is_told(tmp_path: Path) -> None:
    text = BIZFLOW.read_text()
    spec_file = tmp_path / "quiet.yaml"
    spec_file.write_text(text[: text.index("\nnotifications:")] + "\n")
    spec = load_spec(spec_file)
    assert NOTIFICATIONS.calls(spec) == []
    region = spec.region("ap-south-1")
    assert region is not None
    assert watching(spec, region, "rds") == {}


def test_budgets_live_in_the_global_root_and_tell_the_us_east_1_topic() -> None:
    spec = load_spec(REPO / "examples" / "teddy-bear.yaml")
    (call,) = BUDGETS.calls(spec)
    assert call.file == "global" and call.region == "us-east-1"
    assert call.arguments["budgets"]["eu-west-1"] == {"amount": 5000, "regions": ["eu-west-1"]}
    assert "environment" not in call.arguments["budgets"]
    assert call.arguments["topic_arns"] == ['${module.notifications_global.topic_arns["warning"]}']
    assert call.arguments["anomaly_monitor"] == {"impact_usd": 250}


def test_project_one_budgets_its_inr_ceiling_in_usd_with_the_flex_threshold() -> None:
    spec = load_spec(REPO / "examples" / "project-one.yaml")
    (call,) = BUDGETS.calls(spec)
    assert call.arguments["budgets"] == {"environment": {"amount": 765}}
    assert call.arguments["actual_thresholds"] == [80, 100, 120]


def test_the_baseline_is_on_in_every_region_by_default() -> None:
    spec = load_spec(BIZFLOW)
    calls = BASELINE.calls(spec)
    assert [c.region for c in calls] == list(spec.region_names)
    first = calls[0].arguments
    assert first["findings_topic_arns"] == [
        '${module.notifications_ap_south_1.topic_arns["critical"]}'
    ]
    assert "guardduty" not in first and "securityhub" not in first


def _spec(tmp_path: Path, baseline: str) -> Path:
    spec_file = tmp_path / "estate.yaml"
    spec_file.write_text(
        "version: 1\nproject: acme\nenvironment: production\nstate: {backend: local}\n"
        "regions:\n"
        "  ap-south-1: {role: primary, vpc: {cidr: 10.1.0.0/16}}\n"
        "  ap-southeast-1: {role: dr, vpc: {cidr: 10.2.0.0/16}}\n" + baseline
    )
    return spec_file


def test_the_trail_and_config_deliver_to_the_primary_region_by_default(tmp_path: Path) -> None:
    spec = load_spec(_spec(tmp_path, ""))
    (audit,) = AUDIT.calls(spec)
    assert (audit.name, audit.region) == ("audit_ap_south_1", "ap-south-1")
    assert audit.arguments == {
        "name_prefix": "acme-production",
        "log_retention_days": 365,
        "object_lock_mode": "GOVERNANCE",
        "object_lock_days": 365,
    }
    calls = {c.region: c.arguments for c in BASELINE.calls(spec)}
    bucket = "${module.audit_ap_south_1.bucket_name}"
    # Global resource types (IAM) are recorded once, in the audit region.
    assert calls["ap-south-1"]["config_bucket_name"] == bucket
    assert calls["ap-south-1"]["config_include_global_resources"] is True
    assert "config_bucket_region" not in calls["ap-south-1"]
    assert calls["ap-southeast-1"]["config_bucket_name"] == bucket
    assert calls["ap-southeast-1"]["config_bucket_region"] == "ap-south-1"
    assert "config_include_global_resources" not in calls["ap-southeast-1"]
    # Every other region's audit records are a copy into the audit region.
    copies = [c for c in copy_graph(spec) if c.kind == AUDIT_LOGS]
    assert [(c.source, c.target, c.origin) for c in copies] == [
        ("ap-southeast-1", "ap-south-1", "ap-southeast-1")
    ]


def test_another_root_computes_the_audit_bucket_name(tmp_path: Path) -> None:
    spec = load_spec(_spec(tmp_path, ""))
    (audit,) = AUDIT.calls(spec)
    (reference,) = references_in("${module.audit_ap_south_1.bucket_name}")
    assert computed_value(audit, reference) == "acme-production-audit-ap-south-1"


def test_the_audit_region_is_stated_and_parts_turn_off(tmp_path: Path) -> None:
    spec = load_spec(
        _spec(
            tmp_path,
            "security_baseline: {audit_region: ap-southeast-1, cloudtrail: false,"
            " log_retention_days: 731}\n",
        )
    )
    (audit,) = AUDIT.calls(spec)
    assert audit.region == "ap-southeast-1"
    assert audit.arguments["cloudtrail"] is False
    assert "log_retention_days" not in audit.arguments
    calls = {c.region: c.arguments for c in BASELINE.calls(spec)}
    assert calls["ap-southeast-1"]["config_include_global_resources"] is True
    assert calls["ap-south-1"]["config_bucket_region"] == "ap-southeast-1"
    assert {c.source for c in copy_graph(spec) if c.kind == AUDIT_LOGS} == {"ap-south-1"}

    spec = load_spec(_spec(tmp_path, "security_baseline: {cloudtrail: false, config: false}\n"))
    assert AUDIT.calls(spec) == []
    assert all(c.arguments["config"] is False for c in BASELINE.calls(spec))
    assert not [c for c in copy_graph(spec) if c.kind == AUDIT_LOGS]


def test_estates_whose_residency_forbids_one_audit_region_say_who_runs_it() -> None:
    for name in ("bizflow", "teddy-bear"):
        spec = load_spec(REPO / "examples" / f"{name}.yaml")
        baseline = spec.security_baseline
        assert baseline is not None and baseline.off == ("cloudtrail", "config"), name
        assert baseline.centrally_by, name
        assert AUDIT.calls(spec) == []
