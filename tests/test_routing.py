"""The geolocation routing table that comes out of the examples, as the seeds say it."""

from __future__ import annotations

import json
from dataclasses import replace

from conftest import REPO

from regionform.api import load_spec, render_files
from regionform.spec.routing import geolocation

BIZFLOW = REPO / "examples" / "bizflow.yaml"


def test_bizflow_routes_each_country_to_the_region_the_seed_says() -> None:
    # Seed "Route53 Configuration": IN → ap-south-1, SG/MY → ap-southeast-1, AE → me-south-1,
    # GB/EU → eu-west-2, default → ap-south-1.
    table = {(r.kind, r.location): r.region for r in geolocation(load_spec(BIZFLOW))}
    assert table == {
        ("country", "IN"): "ap-south-1",
        ("country", "SG"): "ap-southeast-1",
        ("country", "MY"): "ap-southeast-1",
        ("country", "AE"): "me-south-1",
        ("country", "GB"): "eu-west-2",
        ("continent", "EU"): "eu-west-2",
        ("default", "*"): "ap-south-1",
    }


def test_the_generated_route53_call_carries_that_table() -> None:
    files = render_files(load_spec(BIZFLOW), "json", BIZFLOW.name)
    module = json.loads(files["global.tf.json"])["module"]["route53"]
    records = {
        r.get("country") or r.get("continent") or ("*" if r.get("default") else None): r["endpoint"]
        for r in module["geolocation_records"]
    }
    assert records == {
        "IN": "ap-south-1",
        "SG": "ap-southeast-1",
        "MY": "ap-southeast-1",
        "AE": "me-south-1",
        "GB": "eu-west-2",
        "EU": "eu-west-2",
        "*": "ap-south-1",
    }
    assert {r["name"] for r in module["geolocation_records"]} == {"api"}
    # The cdn name is the CloudFront distribution's alias (docs/cdn.md), not latency records:
    # the distribution reaches the regions' load balancers through its origins.
    assert module["latency_records"] == []
    cdn = json.loads(files["global.tf.json"])["module"]["cdn"]
    assert cdn["aliases"] == ["cdn.bizflow.app"]
    assert module["failover_records"] == [
        {"name": "app", "primary": "ap-south-1", "secondary": "ap-southeast-1"}
    ]
    check = module["endpoints"]["ap-south-1"]["health_check"]
    assert (check["path"], check["interval"], check["failure_threshold"]) == ("/health", 10, 3)
    assert module["tenant_records"]["sharma-textiles"] == "ap-south-1"
    assert module["dnssec"] is True


def test_a_new_tenant_country_adds_a_record_and_moves_none() -> None:
    spec = load_spec(BIZFLOW)
    before = {r.set_identifier: r.region for r in geolocation(spec)}

    tenants = (*spec.tenants, replace(spec.tenants[0], id="kathmandu", countries=("NP",)))
    after = {r.set_identifier: r.region for r in geolocation(replace(spec, tenants=tenants))}
    assert after == {**before, "NP": spec.tenants[0].home}
