"""Quotas as lint: the estate's usage against AWS's defaults, or the account's own quotas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import invoke

from regionform.document import ModuleCall
from regionform.generators import all_generators
from regionform.pipeline import load_spec
from regionform.spec.quotas import quota_table, usage

OVER = Path(__file__).parent / "rules" / "rf170" / "one-over-the-quota.yaml"


def listing(code: str, value: float) -> str:
    """What `aws service-quotas list-service-quotas --service-code rds` prints, trimmed."""
    quota = {"ServiceCode": "rds", "QuotaCode": code, "QuotaName": "DB instances"}
    return json.dumps({"Quotas": [{**quota, "Value": value, "Adjustable": True}]})


def test_every_quota_says_its_default_code_source_and_date() -> None:
    for quota in quota_table().values():
        assert quota.default > 0 and quota.code.startswith("L-")
        assert quota.source.startswith("https://docs.aws.amazon.com/")
        assert quota.per in ("region", "account", "hosted zone") and len(quota.date) == 10


def test_the_default_quota_warns_with_the_numbers(tmp_path: Path) -> None:
    result = invoke(["lint", str(OVER)])
    assert result.exit_code == 0  # a warning; --strict makes it fail
    assert f"{OVER}:13:5: RF170 eu-west-1 will hold 41 RDS DB instances" in (
        result.stdout + result.stderr
    )
    assert "the quota is 40 (Service Quotas L-7B6409FD)" in (result.stdout + result.stderr)


def test_a_raised_quota_from_the_account_silences_the_warning(tmp_path: Path) -> None:
    quotas = tmp_path / "rds.json"
    quotas.write_text(listing("L-7B6409FD", 100.0))
    result = invoke(["lint", "--strict", "--quotas", str(quotas), str(OVER)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "RF170" not in (result.stdout + result.stderr)


def test_a_lowered_quota_from_the_account_is_counted_against(tmp_path: Path) -> None:
    quotas = tmp_path / "rds.json"
    quotas.write_text(json.dumps([json.loads(listing("L-7B6409FD", 20.0))]))
    result = invoke(["lint", "--strict", "--quotas", str(quotas), str(OVER)])
    assert result.exit_code == 1
    assert "the quota is 20 (Service Quotas L-7B6409FD)" in (result.stdout + result.stderr)


def test_a_quota_file_that_is_not_the_listing_is_a_usage_error(tmp_path: Path) -> None:
    quotas = tmp_path / "rds.json"
    quotas.write_text('{"Items": []}')
    result = invoke(["lint", "--quotas", str(quotas), str(OVER)])
    assert result.exit_code == 2
    assert "expected the output of `aws service-quotas list-service-quotas`" in (
        result.stdout + result.stderr
    )


# Estates that between them use every record kind and every role the modules create.
ESTATES = [
    Path(__file__).parent / "rules" / "rf174" / "over-the-quota.yaml",
    Path(__file__).parent / "rules" / "rf173" / "over-the-quota.yaml",
    *sorted((Path(__file__).parent.parent / "examples").glob("*.yaml")),
    *sorted((Path(__file__).parent / "rules" / "clean").glob("*.yaml")),
    OVER,
]


def module_calls(path: Path) -> list[ModuleCall]:
    spec = load_spec(path)
    return [call for generator in all_generators() for call in generator.calls(spec)]


def records_generated(calls: list[ModuleCall]) -> dict[str, int]:
    """Records the route53 module will create in the zone, read from its call's arguments."""
    zones = {}
    for call in calls:
        if call.module == "route53":
            a = call.arguments
            zones[a["domain_name"]] = (
                len(a["geolocation_records"])
                + len(a["latency_records"])
                + 2 * len(a["failover_records"])
                + len(a["tenant_records"])
                + (2 if a["create_zone"] else 0)  # a new zone's SOA and NS
            )
    for call in calls:
        if call.module == "cdn":
            # In the estate's one zone: A and AAAA aliases and a certificate validation
            # record per hostname of the distribution.
            (zone,) = zones
            zones[zone] += 3 * len(call.arguments["aliases"])
    return zones


def roles_generated(calls: list[ModuleCall]) -> int:
    """IAM roles the module calls will create, read from their arguments."""
    roles = 0
    for call in calls:
        a = call.arguments
        if call.module == "vpc":
            roles += 1  # flow logs
        elif call.module == "rds" and a.get("create_instance", True):
            roles += 1  # Enhanced Monitoring, at the module's default interval
        elif call.module == "s3":
            roles += sum(1 for bucket in a["buckets"].values() if "replication" in bucket)
        elif call.module == "eks":
            roles += 4 + (1 if a["fargate_profiles"] else 0)
            roles += 1 if a.get("target_group_binding_arns") else 0  # the LB controller's
            roles += 1 if a.get("karpenter") else 0  # the Karpenter controller's
        elif call.module == "aurora":
            # One Enhanced Monitoring role for the cluster's instances: the writer (none in
            # a Global Database secondary) and its readers (the module's default is one).
            writer = 0 if "global_cluster_identifier" in a else 1
            roles += 1 if writer + a.get("readers", 1) else 0
        elif call.module == "ecs":
            roles += 2 * len(a["services"])  # execution and task role per service
    return roles


def nodes_generated(calls: list[ModuleCall]) -> dict[str, int]:
    """ElastiCache nodes per region, read from the redis calls' arguments (a Global Datastore
    secondary's shards are its primary's: the call leaves num_node_groups out)."""
    redis = [call for call in calls if call.module == "redis"]
    primary_shards = [
        c.arguments["num_node_groups"] for c in redis if "num_node_groups" in c.arguments
    ]
    nodes = {}
    for call in redis:
        a = call.arguments
        shards = 1
        if a.get("cluster_mode"):
            shards = a.get("num_node_groups", primary_shards[0] if primary_shards else 1)
        nodes[call.region] = shards * (a["replicas_per_node_group"] + 1)
    return nodes


def buckets_generated(calls: list[ModuleCall]) -> int:
    """S3 buckets the s3 calls will create: each call's buckets and its access-logs bucket."""
    return sum(len(call.arguments["buckets"]) + 1 for call in calls if call.module == "s3")


@pytest.mark.parametrize("path", ESTATES, ids=lambda p: p.name)
def test_the_counts_are_what_the_generators_create(path: Path) -> None:
    spec = load_spec(path)
    calls = module_calls(path)
    zones = {u.scope: u.count for u in usage(spec, "route53-records-per-zone")}
    assert zones == records_generated(calls)
    roles = sum(u.count for u in usage(spec, "iam-roles"))
    assert roles == roles_generated(calls)
    nodes = {u.scope: u.count for u in usage(spec, "elasticache-nodes")}
    assert nodes == nodes_generated(calls)
    buckets = sum(u.count for u in usage(spec, "s3-buckets"))
    assert buckets == buckets_generated(calls)


def test_roles_from_every_module_add_up_against_the_one_account_quota() -> None:
    used = usage(load_spec(OVER), "iam-roles")
    # One VPC, the region's database and 40 silo tenants' databases, each with its role.
    assert [(u.scope, u.count) for u in used] == [("account", 42)]


def test_the_record_quota_is_raised_in_us_east_1() -> None:
    over = Path(__file__).parent / "rules" / "rf171" / "over-the-quota.yaml"
    result = invoke(["lint", str(over)])
    output = result.stdout + result.stderr
    assert f"{over}:14:1: RF171 the hosted zone acme.io will hold 10001 Route 53 records" in output
    assert "--quota-code L-E209CC9F --desired-value 10001 --region us-east-1" in output


def test_the_bucket_quota_is_raised_in_us_east_1() -> None:
    over = Path(__file__).parent / "rules" / "rf174" / "over-the-quota.yaml"
    result = invoke(["lint", str(over)])
    output = result.stdout + result.stderr
    assert "the account will hold 10001 S3 general purpose buckets" in output
    assert "--quota-code L-DC2B2D3D --desired-value 10001 --region us-east-1" in output
