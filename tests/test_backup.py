"""AWS Backup: the generator's calls and the copy graph's BACKUP_COPY edges under residency."""

from __future__ import annotations

from typing import Any

import yaml

from regionform.generators.backup import GENERATOR
from regionform.lint import run_rules
from regionform.pipeline import read
from regionform.spec.copies import BACKUP_COPY, copy_graph, explain_copies
from regionform.spec.model import Spec


def _spec(tmp_path: Any, data: dict[str, Any]) -> Spec:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data))
    spec, findings = read(path)
    assert spec is not None and not findings, findings
    return spec


def _estate(**mumbai: Any) -> dict[str, Any]:
    return {
        "version": 1,
        "project": "acme",
        "environment": "prod",
        "state": {"backend": "local"},
        "backup": {},
        "regions": {
            "ap-south-1": {
                "role": "primary",
                "vpc": {"cidr": "10.1.0.0/16"},
                "residency": {"jurisdiction": "IN", "allow_copies_to": ["IN"]},
                "database": {"instance_class": "db.r6g.large"},
                **mumbai,
            },
            "ap-south-2": {"role": "dr", "vpc": {"cidr": "10.3.0.0/16"}},
            "ap-southeast-1": {"role": "dr", "vpc": {"cidr": "10.2.0.0/16"}},
        },
    }


def _codes(spec: Spec) -> list[str]:
    return [f.code for f in run_rules(spec)]


def test_copy_outside_the_jurisdiction_is_refused(tmp_path: Any) -> None:
    spec = _spec(tmp_path, _estate(backup={"copy_to": "ap-southeast-1"}))
    edges = [c for c in copy_graph(spec) if c.kind == BACKUP_COPY]
    assert [(c.source, c.target, c.origin) for c in edges] == [
        ("ap-south-1", "ap-southeast-1", "ap-south-1")
    ]
    assert "RF142" in _codes(spec)
    assert "REFUSED (RF142)" in explain_copies(spec)


def test_in_country_copy_is_allowed_and_generated(tmp_path: Any) -> None:
    spec = _spec(tmp_path, _estate(backup={"copy_to": "ap-south-2", "copy_retention_days": 90}))
    assert "RF142" not in _codes(spec)
    calls = {c.name: c for c in GENERATOR.calls(spec)}
    assert set(calls) == {"backup_ap_south_1", "backup_ap_south_2"}
    mumbai = calls["backup_ap_south_1"].arguments
    assert mumbai["copy_to_region"] == "ap-south-2"
    assert mumbai["copy_retention_days"] == 90 and mumbai["retention_days"] == 35
    assert mumbai["resource_arns"] == ["${module.rds_ap_south_1.db_instance_arn}"]
    # The destination only receives: a vault, no plan.
    assert "plan_name" not in calls["backup_ap_south_2"].arguments


def test_a_secondarys_backup_copy_carries_the_primarys_origin(tmp_path: Any) -> None:
    data = _estate()
    data["regions"]["ap-south-1"]["database"] = {
        "engine": "aurora-postgresql",
        "instance_class": "db.r6g.large",
    }
    data["regions"]["ap-south-1"]["residency"] = {"jurisdiction": "IN"}
    data["regions"]["ap-southeast-1"]["database"] = {
        "engine": "aurora-postgresql",
        "instance_class": "db.r6g.large",
        "replica_of": "ap-south-1",
    }
    data["regions"]["ap-southeast-1"]["backup"] = {"copy_to": "ap-south-2"}
    data["regions"]["ap-southeast-1"]["residency"] = {"jurisdiction": "SG"}
    spec = _spec(tmp_path, data)
    (edge,) = [c for c in copy_graph(spec) if c.kind == BACKUP_COPY]
    assert edge.origin == "ap-south-1"
    assert edge.regions == ("ap-south-1", "ap-southeast-1", "ap-south-2")
    # Mumbai's rule (no allow_copies_to) judges it, not Singapore's.
    data["regions"]["ap-south-1"]["residency"] = {
        "jurisdiction": "IN",
        "allow_copies_to": ["ap-southeast-1"],
    }
    data["regions"]["ap-southeast-1"]["backup"] = {"copy_to": "ap-south-2"}
    refused = _spec(tmp_path, data)
    messages = [f.message for f in run_rules(refused) if f.code == "RF142"]
    assert any("AWS Backup" in m for m in messages)


def test_off_without_backup(tmp_path: Any) -> None:
    data = _estate()
    del data["backup"]
    spec = _spec(tmp_path, data)
    assert spec.backup is None and GENERATOR.calls(spec) == []
    data["backup"] = {"enabled": False}
    assert _spec(tmp_path, data).backup is None
