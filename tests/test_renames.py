"""Renaming a key never recreates anything: `renamed_from` moves the Terraform state to the new
key's addresses (`moved.tf`) and keeps every AWS name derived from the oldest key.

The base is a silo tenant (own keys, database, backup copies, bucket, DNS record) and a
bucket with Object Lock and replication, the two kinds of user keys that reach addresses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, REPO, Terraform
from hcl_equivalence import canonical_hcl, canonical_json, numbers_as_json
from spec_edit import assert_lints_to, edit, write_spec

from regionform.api import generate, load_spec
from regionform.document import Move
from regionform.generators import root as root_generator
from regionform.generators.renames import VERSION_MOVES
from regionform.generators.root import generate_root, moves
from regionform.generators.s3 import BUCKET_RESOURCES, OBJECT_LOCK_RESOURCES, REPLICATION_RESOURCES
from regionform.spec.model import Spec

BASE = """\
version: 1
project: acme
environment: prod
state:
  backend: local
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    database:
      instance_class: db.r6g.large
      backup_copies_to: ap-southeast-1
    buckets:
      audit-logs:
        object_lock: {mode: COMPLIANCE, years: 5}
        replicate_to: ap-southeast-1
    endpoint: {fqdn: ap-south-1.alb.acme.example}
  ap-southeast-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
dns:
  domain: acme.example
tenants:
  wealth-desk:
    home: ap-south-1
    countries: [IN]
    tier: silo
"""

RENAMED = edit(
    edit(
        BASE,
        "  wealth-desk:\n    home",
        "  wealth-advisory:\n    renamed_from: wealth-desk\n    home",
    ),
    "      audit-logs:\n        object_lock",
    "      audit-trail:\n        renamed_from: audit-logs\n        object_lock",
)


def _document(tmp_path: Path, text: str) -> dict[str, dict[str, Any]]:
    return generate_root(load_spec(write_spec(tmp_path, text))).document


def _modules(document: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for body in document.values():
        found.update(body.get("module", {}))
    return found


def _bucket(document: dict[str, dict[str, Any]], call: str, key: str) -> str:
    """The AWS name the s3 module gives a bucket: <prefix>-<name_purpose or key>-<region>."""
    module = _modules(document)[call]
    region = module["providers"]["aws"].removeprefix("aws.").replace("_", "-")
    purpose = module["buckets"][key].get("name_purpose", key)
    return f"{module['name_prefix']}-{purpose}-{region}"


def test_renaming_moves_every_address_of_the_tenant_and_the_bucket(tmp_path: Path) -> None:
    document = _document(tmp_path, RENAMED)
    blocks = document["moved"]["moved"]
    s3, s3_dr = "module.s3_ap_south_1", "module.s3_ap_southeast_1"
    bucket = BUCKET_RESOURCES + OBJECT_LOCK_RESOURCES
    expected = [
        ("module.kms_tenant_wealth_desk", "module.kms_tenant_wealth_advisory"),
        ("module.rds_tenant_wealth_desk", "module.rds_tenant_wealth_advisory"),
        ("module.rds_tenant_backups_wealth_desk", "module.rds_tenant_backups_wealth_advisory"),
        (
            'module.route53.aws_route53_record.this["tenant/wealth-desk"]',
            'module.route53.aws_route53_record.this["tenant/wealth-advisory"]',
        ),
        # The version move of the one-resource route53 module, from the oldest id: it chains
        # into the rename (Terraform refuses two moves to one address).
        (
            'module.route53.aws_route53_record.tenant["wealth-desk"]',
            'module.route53.aws_route53_record.this["tenant/wealth-desk"]',
        ),
        *[
            (f'{s3}.{r}["audit-logs"]', f'{s3}.{r}["audit-trail"]')
            for r in bucket + REPLICATION_RESOURCES
        ],
        *[
            (f'{s3}.{r}["tenant-wealth-desk"]', f'{s3}.{r}["tenant-wealth-advisory"]')
            for r in BUCKET_RESOURCES
        ],
        # The replica bucket in the DR region follows its source's key.
        *[(f'{s3_dr}.{r}["audit-logs"]', f'{s3_dr}.{r}["audit-trail"]') for r in bucket],
    ]
    assert sorted((b["from"], b["to"]) for b in blocks) == sorted(expected)
    # Terraform refuses two moves to one address ("Ambiguous move statements").
    targets = [b["to"] for b in blocks]
    assert len(set(targets)) == len(targets)
    # Every `to` is an address the new configuration declares.
    calls = _modules(document)
    for block in blocks:
        call = block["to"].split(".")[1]
        assert call in calls, block


def test_renaming_keeps_every_aws_name(tmp_path: Path) -> None:
    before = _document(tmp_path, BASE)
    after = _document(tmp_path, RENAMED)
    old, new = _modules(before), _modules(after)
    assert (
        new["rds_tenant_wealth_advisory"]["identifier"]
        == old["rds_tenant_wealth_desk"]["identifier"]
        == "acme-prod-wealth-desk"
    )
    assert (
        new["rds_tenant_backups_wealth_advisory"]["identifier"]
        == old["rds_tenant_backups_wealth_desk"]["identifier"]
    )
    assert (
        new["kms_tenant_wealth_advisory"]["alias_prefix"]
        == old["kms_tenant_wealth_desk"]["alias_prefix"]
        == "acme/wealth-desk"
    )
    for call, old_key, new_key in [
        ("s3_ap_south_1", "audit-logs", "audit-trail"),
        ("s3_ap_south_1", "tenant-wealth-desk", "tenant-wealth-advisory"),
        ("s3_ap_southeast_1", "audit-logs", "audit-trail"),
    ]:
        assert _bucket(after, call, new_key) == _bucket(before, call, old_key)
    # The DNS name follows the new id (users type it); the record holds no data.
    assert new["route53"]["tenant_records"] == {"wealth-advisory": "ap-south-1"}


def _version_moves(spec: Spec) -> list[Move]:
    return [move for version in VERSION_MOVES for move in version(spec)]


def test_a_spec_without_renames_moves_only_what_regionform_versions_changed(
    tmp_path: Path,
) -> None:
    for spec in [load_spec(write_spec(tmp_path, BASE)), *map(load_spec, EXAMPLES)]:
        assert moves(spec) == _version_moves(spec), spec.project
    no_dns = BASE[: BASE.index("dns:\n")] + BASE[BASE.index("tenants:\n") :]
    assert "moved" not in _document(tmp_path, no_dns)


def test_renaming_without_renamed_from_moves_nothing_and_renames_aws_names(
    tmp_path: Path,
) -> None:
    # The negative control: what renamed_from prevents.
    text = edit(BASE, "  wealth-desk:\n", "  wealth-advisory:\n")
    document = _document(tmp_path, text)
    assert document["moved"]["moved"] == [
        move.block() for move in _version_moves(load_spec(write_spec(tmp_path, text)))
    ]
    assert _modules(document)["rds_tenant_wealth_advisory"]["identifier"] == (
        "acme-prod-wealth-advisory"
    )


def test_renames_chain_oldest_first(tmp_path: Path) -> None:
    text = edit(
        BASE,
        "  wealth-desk:\n    home",
        "  wealth-partners:\n    renamed_from: [wealth-desk, wealth-advisory]\n    home",
    )
    spec = load_spec(write_spec(tmp_path, text))
    kms = [m for m in moves(spec) if m.source.startswith("module.kms_tenant")]
    assert kms == [
        Move("module.kms_tenant_wealth_desk", "module.kms_tenant_wealth_advisory"),
        Move("module.kms_tenant_wealth_advisory", "module.kms_tenant_wealth_partners"),
    ]
    assert _modules(generate_root(spec).document)["rds_tenant_wealth_partners"]["identifier"] == (
        "acme-prod-wealth-desk"
    )


def test_version_renames_are_one_registry_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load_spec(write_spec(tmp_path, BASE))

    def kms_to_keys(spec: Any) -> list[Move]:
        return [Move(f"module.kms_{r.alias}", f"module.keys_{r.alias}") for r in spec.regions]

    monkeypatch.setattr(root_generator, "VERSION_MOVES", (kms_to_keys,))
    assert moves(spec) == [
        Move("module.kms_ap_south_1", "module.keys_ap_south_1"),
        Move("module.kms_ap_southeast_1", "module.keys_ap_southeast_1"),
    ]


def test_bucket_resource_lists_match_the_s3_module() -> None:
    text = (REPO / "modules" / "s3" / "main.tf").read_text()
    keyed: dict[str, set[str]] = {}
    pattern = r'resource "(\w+)" "(\w+)" \{\n(?:  #[^\n]*\n)*  for_each = ([\w.]+)\n'
    for kind, name, over in re.findall(pattern, text):
        keyed.setdefault(over, set()).add(f"{kind}.{name}")
    assert keyed["var.buckets"] == set(BUCKET_RESOURCES)
    assert keyed["local.object_lock"] == set(OBJECT_LOCK_RESOURCES)
    assert keyed["local.replication"] == set(REPLICATION_RESOURCES)


@pytest.mark.terraform
def test_moved_blocks_validate_and_render_alike(tmp_path: Path, terraform: Terraform) -> None:
    spec = write_spec(tmp_path, RENAMED)
    hcl_root = generate(spec, tmp_path / "hcl", "hcl").root
    json_root = generate(spec, tmp_path / "json", "json").root
    assert (hcl_root / "moved.tf").read_text().count("moved {") == len(
        json.loads((json_root / "moved.tf.json").read_text())["moved"]
    )
    assert (
        'from = module.s3_ap_south_1.aws_s3_bucket.this["audit-logs"]'
        in (hcl_root / "moved.tf").read_text()
    )
    assert numbers_as_json(canonical_hcl(hcl_root / "moved.tf")) == numbers_as_json(
        canonical_json(json_root / "moved.tf.json")
    )
    for root in (hcl_root, json_root):
        terraform.run(root, "init", "-backend=false", "-input=false", "-no-color")
        assert "Success" in terraform.run(root, "validate", "-no-color").stdout
    fmt = terraform.run(hcl_root, "fmt", "-check", "-diff", "-no-color", check=False)
    assert fmt.returncode == 0, fmt.stdout


# The lint cases of renamed_from (RF150, RF151) are data files under tests/rules/.
def test_the_rename_specs_are_clean(tmp_path: Path) -> None:
    assert_lints_to(tmp_path, BASE, [])
    assert_lints_to(tmp_path, RENAMED, [])


def test_per_region_roots_carry_the_moves_of_their_own_module_calls(tmp_path: Path) -> None:
    from regionform.api import roots

    laid_out = roots(load_spec(write_spec(tmp_path, RENAMED)), "per-region")
    single = generate_root(load_spec(write_spec(tmp_path, RENAMED))).document["moved"]["moved"]
    carried = []
    for root in laid_out.roots:
        blocks = root.document.get("moved", {}).get("moved", [])
        calls = set(root.document.get("main", {}).get("module", {}))
        for block in blocks:
            assert block["to"].split(".")[1].split("[")[0] in calls, (root.name, block)
        carried.extend(blocks)
    # Every move of the single root lands in exactly one per-region root.
    assert sorted(map(str, carried)) == sorted(map(str, single))
    assert carried
