"""Every default is written once, in the schema (what editors show), and the model uses it."""

from __future__ import annotations

import json
import re
from typing import Any

from conftest import REPO

from regionform.spec.defaults import with_defaults
from regionform.spec.model import build
from regionform.spec.source import SourceMap

SCHEMA = json.loads((REPO / "regionform" / "spec" / "schema.json").read_text())
MODEL = (REPO / "regionform" / "spec" / "model.py").read_text()


def schema_defaults() -> dict[str, dict[str, Any]]:
    """Definition → {key: default} for every property the schema defaults."""
    found: dict[str, dict[str, Any]] = {}
    for name, definition in SCHEMA["$defs"].items():
        for key, sub in definition.get("properties", {}).items():
            if isinstance(sub, dict) and "default" in sub:
                found.setdefault(name, {})[key] = sub["default"]
    return found


def test_the_model_states_no_default_of_its_own_for_a_key_the_schema_defaults() -> None:
    keys = {key for defaults in schema_defaults().values() for key in defaults}
    for key in sorted(keys):
        pattern = rf'\.get\("{key}", [^)]'
        assert not re.search(pattern, MODEL), f"model.py repeats the schema's default of {key!r}"


def test_omitted_keys_get_the_schema_defaults_nested_settings_included() -> None:
    data = {
        "version": 1,
        "project": "acme",
        "environment": "prod",
        "state": {"backend": "local"},
        "regions": {"ap-south-1": {"role": "primary", "vpc": {"cidr": "10.1.0.0/16"}}},
        "dns": {"domain": "acme.example.com"},
    }
    filled = with_defaults(data)
    region = filled["regions"]["ap-south-1"]
    defaults = schema_defaults()
    assert region["vpc"]["az_count"] == defaults["vpc"]["az_count"]
    assert region["vpc"]["flow_logs"]["retention_days"] == 365
    assert region["kms"]["rotation_period_in_days"] == defaults["kms"]["rotation_period_in_days"]
    assert filled["dns"]["health_check"]["interval"] == 30
    assert data["regions"]["ap-south-1"] == {"role": "primary", "vpc": {"cidr": "10.1.0.0/16"}}
    spec = build(data, SourceMap("spec.yaml"))
    assert spec.dns is not None and spec.dns.health_check.interval == 30
    assert spec.regions[0].vpc.flow_log_retention_days == 365
