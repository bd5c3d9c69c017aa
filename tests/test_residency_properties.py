"""Lint clean ⇒ Terraform valid, over random estates: regions, tenants, countries, continents,
jurisdictions (nested, and a spec's own union) and copies of every kind.

The first property runs without Terraform on many specs: a lint-clean spec generates, emits
only geolocation codes Route 53 accepts, and emits exactly the copies of the copy graph (each
encrypted under a replica of its origin's key where that key is multi-Region). The second
runs `terraform validate` once over a bounded sample: every lint-clean spec of the sample is
generated into its own folder and called as a module of one root, so one `init` and one
provider start validate them all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Terraform
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_residency import IN_COUNTRY_DR, SA_BOTH

from regionform.api import generate, lint_spec, load_spec, render_files
from regionform.generators.kms import copy_key_arn
from regionform.spec.copies import (
    AUDIT_LOGS,
    CACHE_GLOBAL,
    RDS_BACKUPS,
    RDS_REPLICA,
    RDS_TENANT_BACKUPS,
    S3_REPLICATION,
    copy_graph,
)
from regionform.spec.jurisdictions import continents, countries
from regionform.spec.model import Spec

# Regions of several countries, two pairs in one country (in-country DR, US east/west).
REGIONS = {
    "ap-south-1": "IN",
    "ap-south-2": "IN",
    "ap-southeast-1": "SG",
    "eu-central-1": "DE",
    "eu-west-1": "IE",
    "us-east-1": "US",
    "us-west-2": "US",
    "me-central-1": "AE",
    "sa-east-1": "BR",
}
GCC = ["AE", "BH", "KW", "OM", "QA", "SA"]
UNIONS = {"EU": {"DE", "IE"}, "EEA": {"DE", "IE"}, "GCC": set(GCC)}
# Codes that are both a country and a continent are the interesting ones.
COUNTRIES = ["SA", "AF", "AS", "NA", "IN", "SG", "DE", "IE", "US", "AE", "BR", "GB", "FR"]
CONTINENTS = ["SA", "AF", "AS", "NA", "EU", "OC", "AN"]
SETTINGS = {"derandomize": True, "deadline": None}


def _jurisdictions(country: str) -> list[str]:
    return [country, *(name for name, members in UNIONS.items() if country in members)]


@st.composite
def estates(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(sorted(REGIONS)), min_size=2, max_size=4, unique=True))
    regions: dict[str, Any] = {}
    primary = names[0]
    for index, name in enumerate(names):
        others = [n for n in names if n != name]
        region: dict[str, Any] = {
            "role": "primary" if name == primary else draw(st.sampled_from(["dr", "regional"])),
            "vpc": {"cidr": f"10.{index + 1}.0.0/16"},
            "endpoint": {"fqdn": f"{name}.alb.example.com"},
        }
        if draw(st.booleans()):
            residency: dict[str, Any] = {
                "jurisdiction": draw(st.sampled_from(_jurisdictions(REGIONS[name])))
            }
            if draw(st.booleans()):
                # Regions, or jurisdictions meaning every region inside them.
                choices = others + _jurisdictions(REGIONS[name])
                residency["allow_copies_to"] = draw(
                    st.lists(st.sampled_from(choices), unique=True, max_size=2)
                )
            region["residency"] = residency
        multi = draw(st.lists(st.sampled_from(["database", "storage"]), unique=True))
        if multi:
            region["kms"] = {"multi_region": multi}
        if draw(st.booleans()):
            database: dict[str, Any] = {"instance_class": "db.r6g.large"}
            source = regions.get(primary, {}).get("database")
            if name != primary and source is not None and draw(st.booleans()):
                database["replica_of"] = primary
            if draw(st.booleans()):
                database["backup_copies_to"] = draw(st.sampled_from(others))
            region["database"] = database
        primary_cache = regions.get(primary, {}).get("cache")
        if name != primary and primary_cache is not None and draw(st.booleans()):
            region["cache"] = {"global_datastore": {"secondary_of": primary}}
        elif draw(st.booleans()):
            region["cache"] = {"node_type": "cache.r6g.large"}
            if name == primary and draw(st.booleans()):
                region["cache"]["global_datastore"] = "primary"
        if draw(st.booleans()):
            bucket: dict[str, Any] = {}
            if draw(st.booleans()):
                bucket["replicate_to"] = draw(st.sampled_from(others))
            region["buckets"] = {"documents": bucket}
        regions[name] = region
    tenants: dict[str, Any] = {}
    for index in range(draw(st.integers(0, 3))):
        home = draw(st.sampled_from(names))
        tenant: dict[str, Any] = {
            "home": home,
            "countries": draw(
                st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2, unique=True)
            ),
            "tier": draw(st.sampled_from(["pooled", "silo"])),
        }
        if draw(st.booleans()):
            tenant_residency: dict[str, Any] = {
                "jurisdiction": draw(st.sampled_from(_jurisdictions(REGIONS[home])))
            }
            if draw(st.booleans()):
                tenant_residency["allow_copies_to"] = draw(
                    st.lists(st.sampled_from(names), unique=True, max_size=2)
                )
            tenant["residency"] = tenant_residency
        tenants[f"tenant-{index}"] = tenant
    data: dict[str, Any] = {
        "version": 1,
        "project": "prop",
        "environment": "test",
        "state": {"backend": "local"},
        "jurisdictions": {"GCC": {"members": GCC}},
        "regions": regions,
    }
    if tenants:
        data["tenants"] = tenants
    if draw(st.booleans()):
        dns: dict[str, Any] = {"domain": "example.com", "tenant_records": draw(st.booleans())}
        if draw(st.booleans()):
            dns["api"] = "api"
            dns["countries"] = draw(
                st.dictionaries(st.sampled_from(COUNTRIES), st.sampled_from(names), max_size=3)
            )
            dns["continents"] = draw(
                st.dictionaries(st.sampled_from(CONTINENTS), st.sampled_from(names), max_size=3)
            )
        if draw(st.booleans()):
            dns["cdn"] = "cdn"
        if draw(st.booleans()):
            dns["failover"] = {"app": {"primary": primary, "secondary": names[1]}}
        data["dns"] = dns
    return data


def _write(folder: Path, data: dict[str, Any] | str) -> Path:
    spec = folder / "spec.yaml"
    spec.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    return spec


def _modules(model: Spec, name: str) -> dict[str, dict[str, Any]]:
    modules: dict[str, dict[str, Any]] = {}
    for file, body in render_files(model, "json", name).items():
        if file.endswith(".tf.json"):
            modules.update(json.loads(body).get("module", {}))
    return modules


def _check_generated(model: Spec, modules: dict[str, dict[str, Any]]) -> None:
    # Geolocation: every code is one Route 53 accepts, for the kind of location it is.
    route53 = modules.get("route53", {})
    for record in route53.get("geolocation_records", []):
        if "country" in record:
            assert record["country"] in countries(), record
        elif "continent" in record:
            assert record["continent"] in continents(), record
        else:
            assert record.get("default") is True, record
    # Copies: the Terraform holds exactly the copies of the graph, under the graph's keys.
    emitted = set()
    for name, call in modules.items():
        if name.startswith("rds_") and "replicate_source_db" in call:
            emitted.add((RDS_REPLICA, call["kms_key_arn"]))
        if name.startswith(("rds_backups_", "rds_tenant_backups_")):
            emitted.add(("backups", call["kms_key_arn"]))
        if name.startswith("redis_") and "global_replication_group_id" in str(call):
            emitted.add((CACHE_GLOBAL, call["kms_key_arn"]))
        if name.startswith("s3_"):
            for bucket in call["buckets"].values():
                if "replication" in bucket:
                    emitted.add((S3_REPLICATION, bucket["replication"]["destination_kms_key_arn"]))
    # Audit records: the trail records every region into the audit region's bucket, and each
    # region's AWS Config delivers there.
    region_of = {region.alias: region.name for region in model.regions}
    for name, call in modules.items():
        if name.startswith("audit_") and call.get("cloudtrail", True):
            target = region_of[name.removeprefix("audit_")]
            emitted |= {(AUDIT_LOGS, r, target) for r in model.region_names if r != target}
        if name.startswith("baseline_") and "config_bucket_region" in call:
            source = region_of[name.removeprefix("baseline_")]
            emitted.add((AUDIT_LOGS, source, call["config_bucket_region"]))
    expected = set()
    for copy in copy_graph(model):
        if copy.kind == AUDIT_LOGS:
            expected.add((AUDIT_LOGS, copy.source, copy.target))
            continue
        kind = "backups" if copy.kind in (RDS_BACKUPS, RDS_TENANT_BACKUPS) else copy.kind
        expected.add((kind, f"${{{copy_key_arn(model, copy)[2:-1]}}}"))
    assert emitted == expected


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], **SETTINGS)
@given(estates())
def test_a_lint_clean_estate_generates_route53_codes_and_exactly_the_graphs_copies(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    spec = _write(tmp_path_factory.mktemp("estate"), data)
    if lint_spec(spec):
        return  # lint refuses it: nothing is generated
    model = load_spec(spec)
    _check_generated(model, _modules(model, spec.name))


@pytest.mark.terraform
# One example of eight estates: each step would run Terraform, so no shrinking either.
@settings(max_examples=1, phases=(Phase.explicit, Phase.generate), **SETTINGS)
@given(st.lists(estates(), min_size=8, max_size=8))
def test_every_lint_clean_estate_of_a_sample_passes_terraform_validate(
    terraform: Terraform, tmp_path_factory: pytest.TempPathFactory, sample: list[dict[str, Any]]
) -> None:
    root = tmp_path_factory.mktemp("validate")
    # The cases always, then whatever of the random sample lints clean.
    candidates: list[dict[str, Any] | str] = [SA_BOTH, IN_COUNTRY_DR, *sample]
    calls = []
    for index, data in enumerate(candidates):
        folder = root / f"s{index}"
        folder.mkdir()
        spec = _write(folder, data)
        if lint_spec(spec):
            continue
        generated = generate(spec, folder / "out").root.relative_to(root)
        calls.append(f'module "s{index}" {{\n  source = "./{generated.as_posix()}"\n}}\n')
    assert len(calls) >= 4, "the sample should hold several lint-clean estates"
    (root / "main.tf").write_text("".join(calls))
    terraform.run(root, "init", "-backend=false", "-input=false", "-no-color")
    terraform.run(root, "validate", "-no-color")
