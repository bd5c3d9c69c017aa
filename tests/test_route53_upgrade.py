"""Upgrading the route53 module plans no replacement of any record.

The module used to hold its records in four `aws_route53_record` resources, one per routing
policy; they now share one resource with dynamic routing blocks, so every record's address
changes. `VERSION_MOVES` (route53.one_record_resource) emits a `moved` block per record. The
proof: apply an estate against moto with the module as it was released
(tests/fixtures/route53-four-record-resources), then plan it with the current module and the
generated `moved` blocks: every record is moved, none is created, deleted or replaced (the
only creates are the health-check alarms the module gained since).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, Terraform
from moto_server import MotoServer, moto_server, write_moto_override

from regionform.api import generate

pytestmark = pytest.mark.terraform

OLD_MODULE = REPO / "tests" / "fixtures" / "route53-four-record-resources"

# Every routing policy and tenant records, with typed endpoints (CNAME records) so the
# estate is only the zone, its health checks and its records. DNSSEC and query logging are
# off: moto implements neither (see tests/test_spec_edits.py).
SPEC = """\
version: 1
project: upgrade
environment: test
state: {backend: local}
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16, az_count: 2, nat: none}
    endpoint: {fqdn: ap-south-1.origin.upgrade.example}
  eu-west-2:
    role: regional
    vpc: {cidr: 10.2.0.0/16, az_count: 2, nat: none}
    endpoint: {fqdn: eu-west-2.origin.upgrade.example}
dns:
  domain: upgrade.example
  api: api
  cdn: cdn
  failover:
    app: {primary: ap-south-1, secondary: eu-west-2}
  dnssec: false
  query_logging: false
tenants:
  acme: {home: ap-south-1, countries: [IN]}
  globex: {home: eu-west-2, countries: [GB]}
# The released module has no alarm_arns output for the global dashboard to read.
dashboards: false
"""


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    with moto_server() as server:
        yield server


KEEP = {
    "global.tf.json",
    "versions.tf.json",
    "providers.tf.json",
    "backend.tf.json",
    "moved.tf.json",
}
RECORDS = 3 + 2 + 2 + 2  # geolocation IN, GB, default; latency cdn x2; failover app x2; tenants


def _only_dns(root: Path) -> None:
    """Keep the global file (route53) and the root's plumbing; drop the regions' stacks and
    the outputs that read them."""
    for path in root.glob("*.tf.json"):
        if path.name not in KEEP:
            path.unlink()


def _plan(terraform: Terraform, root: Path) -> dict[str, Any]:
    terraform.run(root, "plan", "-input=false", "-no-color", "-out=tfplan")
    shown = terraform.run(root, "show", "-json", "tfplan")
    plan: dict[str, Any] = json.loads(shown.stdout)
    return plan


def test_an_applied_estate_plans_only_moves_after_the_upgrade(
    moto: MotoServer, terraform: Terraform, tmp_path: Path
) -> None:
    moto.reset()
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    out = tmp_path / "out"
    generate(spec, out=out, output_format="json")
    root = out / "test"
    _only_dns(root)
    new_module = tmp_path / "route53-now"
    shutil.move(root / "modules" / "route53", new_module)
    moved = root / "moved.tf.json"
    blocks = json.loads(moved.read_text())["moved"]
    assert len(blocks) == RECORDS
    shutil.move(moved, tmp_path / "moved.tf.json")

    # The estate as the released module applied it.
    shutil.copytree(OLD_MODULE, root / "modules" / "route53")
    write_moto_override(root, moto.endpoint, root / "terraform.tfstate")
    terraform.run(root, "init", "-input=false", "-no-color")
    terraform.run(root, "apply", "-input=false", "-no-color", "-auto-approve")
    state = terraform.run(root, "state", "list").stdout.split()
    assert 'module.route53.aws_route53_record.tenant["acme"]' in state
    assert 'module.route53.aws_route53_record.failover["app/secondary"]' in state

    # The upgrade: the current module and the generated moved blocks.
    shutil.rmtree(root / "modules" / "route53")
    shutil.move(new_module, root / "modules" / "route53")
    shutil.move(tmp_path / "moved.tf.json", moved)
    terraform.run(root, "init", "-input=false", "-no-color")
    plan = _plan(terraform, root)
    records = [
        change for change in plan["resource_changes"] if change["type"] == "aws_route53_record"
    ]
    assert len(records) == len(blocks)
    for change in records:
        assert change["address"].startswith("module.route53.aws_route53_record.this[")
        assert change["change"]["actions"] == ["no-op"], change["address"]
        assert change["previous_address"].replace("this[", "", 1) != change["address"]
    # Besides the moves, the upgrade only adds what the module gained since that release:
    # the health checks' alarms. Nothing is deleted, replaced or updated.
    assert {
        (c["type"], tuple(c["change"]["actions"]))
        for c in plan["resource_changes"]
        if c["change"]["actions"] != ["no-op"]
    } <= {("aws_cloudwatch_metric_alarm", ("create",))}


def test_without_the_moved_blocks_every_record_would_be_replaced(
    moto: MotoServer, terraform: Terraform, tmp_path: Path
) -> None:
    # The negative control: what the moved blocks prevent.
    moto.reset()
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    out = tmp_path / "out"
    generate(spec, out=out, output_format="json")
    root = out / "test"
    _only_dns(root)
    (root / "moved.tf.json").unlink()
    new_module = tmp_path / "route53-now"
    shutil.move(root / "modules" / "route53", new_module)
    shutil.copytree(OLD_MODULE, root / "modules" / "route53")
    write_moto_override(root, moto.endpoint, root / "terraform.tfstate")
    terraform.run(root, "init", "-input=false", "-no-color")
    terraform.run(root, "apply", "-input=false", "-no-color", "-auto-approve")
    shutil.rmtree(root / "modules" / "route53")
    shutil.move(new_module, root / "modules" / "route53")
    terraform.run(root, "init", "-input=false", "-no-color")
    plan = _plan(terraform, root)
    actions = {
        c["address"]: c["change"]["actions"]
        for c in plan["resource_changes"]
        if c["type"] == "aws_route53_record"
    }
    assert sum(a == ["delete"] for a in actions.values()) == RECORDS
    assert sum(a == ["create"] for a in actions.values()) == RECORDS
