"""Dashboards: one per root over the alarms of the calls in that root, in both layouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from regionform.api import load_spec, roots
from regionform.generators.root import generate_root
from regionform.layout.references import all_references
from regionform.spec.names import derived_names
from regionform.spec.names.dashboard import ALARM_KINDS, GLOBAL_CALL

IDS = [e.stem for e in EXAMPLES]
BIZFLOW = REPO / "examples" / "bizflow.yaml"


def test_alarm_kinds_are_the_modules_with_an_alarm_arns_output() -> None:
    with_output = {
        outputs.parent.name
        for outputs in (REPO / "modules").glob("*/outputs.tf")
        if re.search(r'^output\s+"alarm_arns"', outputs.read_text(), re.MULTILINE)
    }
    assert with_output == ALARM_KINDS


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_each_root_gets_one_dashboard_over_every_alarm_carrying_call(example: Path) -> None:
    spec = load_spec(example)
    generated = generate_root(spec)
    watched: dict[str, set[str]] = {}
    for call in generated.calls:
        if call.module in ALARM_KINDS:
            watched.setdefault(call.file or call.region, set()).add(call.name)
    dashboards = [call for call in generated.calls if call.module == "dashboard"]
    assert watched, example.stem
    assert len(dashboards) == len(watched)
    for call in dashboards:
        stem = call.file or call.region
        assert set(call.arguments["alarm_arns"]) == watched[stem], call.name
        for name, value in call.arguments["alarm_arns"].items():
            assert value == f"${{module.{name}.alarm_arns}}"
        if stem == "global":
            assert (call.name, call.region) == (GLOBAL_CALL, "us-east-1")
            assert call.arguments["name"] == f"{spec.prefix}-global"
        else:
            region = spec.region(stem)
            assert region is not None
            assert call.name == f"dashboard_{region.alias}"
            assert call.arguments["name"] == f"{spec.prefix}-{region.name}"
    # Every dashboard name is length-checked by RF109.
    names = {n.value for n in derived_names(spec) if n.what == "CloudWatch dashboard"}
    assert {c.arguments["name"] for c in dashboards} <= names


def test_dashboards_false_makes_none(tmp_path: Path) -> None:
    spec_file = tmp_path / "no-dashboards.yaml"
    spec_file.write_text(BIZFLOW.read_text() + "\ndashboards: false\n")
    spec = load_spec(spec_file)
    assert spec.dashboards is False
    assert not [c for c in generate_root(spec).calls if c.module == "dashboard"]
    assert load_spec(BIZFLOW).dashboards is True


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_per_region_dashboards_read_only_their_own_root(example: Path) -> None:
    layout = roots(load_spec(example), "per-region")
    for root in layout.roots:
        modules: dict[str, dict[str, object]] = {}
        for body in root.document.values():
            modules.update(body.get("module", {}))
        for name, block in modules.items():
            if not name.startswith("dashboard_"):
                continue
            assert block["source"] == "../modules/dashboard"
            called = {r.call for r in all_references(block)}
            # Read in place, never through remote state: the calls are in this root.
            assert called and called <= set(modules), (root.name, called - set(modules))
            assert called == set(block["alarm_arns"])  # type: ignore[arg-type]
