"""The residency rules (RF140-RF143): each case edits a valid spec and must produce exactly
these findings, code, line and column. The examples are the pass cases (they lint clean, see
test_examples_lint_clean), and so is the base spec here. The other data-tier rules (RF109,
RF144, RF145) are data files under tests/rules/.

The base is the seeds' conflict made explicit: Project One keeps advisor PII in ap-south-1
and copies only backups to Singapore; BizFlow replicates the same region's data (database,
cache, bucket) to Singapore. Both are expressible; which one lint accepts depends on what
ap-south-1's residency (and the tenant's) allow.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES
from spec_edit import assert_lints_to, write_spec
from spec_edit import edit as edit_once

from regionform.api import lint_spec

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
    residency:
      jurisdiction: IN
      allow_copies_to: [ap-southeast-1]
    database:
      instance_class: db.r6g.2xlarge
      storage_gb: 500
      backup_retention_days: 35
      backup_copies_to: ap-southeast-1
    cache:
      node_type: cache.r6g.large
      global_datastore: primary
    buckets:
      audit-logs:
        object_lock: {mode: COMPLIANCE, years: 5}
        expire_after_days: 1827
        replicate_to: ap-southeast-1
  ap-southeast-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
    database:
      instance_class: db.r6g.xlarge
      replica_of: ap-south-1
    cache:
      global_datastore: {secondary_of: ap-south-1}
tenants:
  advisors-in:
    home: ap-south-1
    countries: [IN]
    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}
"""
#  7 ap-south-1, 10 residency, 12 allow_copies_to, 13 database, 14 instance_class,
# 15 storage_gb, 16 backup_retention_days, 17 backup_copies_to, 18 cache, 19 node_type,
# 20 global_datastore, 22 audit-logs, 23 object_lock, 24 expire_after_days, 25 replicate_to,
# 26 ap-southeast-1, 29 database, 30 instance_class, 31 replica_of, 32 cache,
# 33 global_datastore, 38 tenant residency


def edit(old: str, new: str, text: str = BASE) -> str:
    return edit_once(text, old, new)


# Project One as its seed says: PII stays in Mumbai, nothing may leave.
PII_STAYS = edit("      allow_copies_to: [ap-southeast-1]\n", "      allow_copies_to: []\n")

# The same estate on Aurora: a Global Database secondary in Singapore instead of an RDS
# replica (Aurora has no automated-backup replication: backup_copies_to is RDS only).
AURORA = edit(
    "      instance_class: db.r6g.xlarge\n      replica_of: ap-south-1\n",
    "      engine: aurora-postgresql\n      serverless: {min_acu: 2, max_acu: 16}\n"
    "      replica_of: ap-south-1\n",
    edit(
        "      instance_class: db.r6g.2xlarge\n      storage_gb: 500\n"
        "      backup_retention_days: 35\n      backup_copies_to: ap-southeast-1\n",
        "      engine: aurora-postgresql\n      serverless: {min_acu: 2, max_acu: 16}\n"
        "      backup_retention_days: 35\n",
    ),
)
# 24 audit-logs replicate_to, 31 the secondary's replica_of, 33 the cache's global_datastore
AURORA_PII_STAYS = edit(
    "      allow_copies_to: [ap-southeast-1]\n", "      allow_copies_to: []\n", AURORA
)

Finding = tuple[str, int, int]
CASES: list[tuple[str, str, list[Finding]]] = [
    # id, spec text, every finding (code, line, column)
    (
        "replica-source-has-no-database",
        edit(
            "    database:\n      instance_class: db.r6g.2xlarge\n      storage_gb: 500\n"
            "      backup_retention_days: 35\n      backup_copies_to: ap-southeast-1\n",
            "",
        ),
        [("RF140", 26, 19)],
    ),
    (
        "replica-source-undefined",
        edit("      replica_of: ap-south-1", "      replica_of: eu-west-1"),
        [("RF140", 31, 19)],
    ),
    (
        "replica-of-a-replica",
        edit(
            "tenants:",
            "  me-south-1:\n    role: regional\n    vpc: {cidr: 10.3.0.0/16}\n"
            "    database: {instance_class: db.r6g.large, replica_of: ap-southeast-1}\ntenants:",
        ),
        # The chained replica also carries ap-south-1's data to a region neither it nor the
        # tenant allows: residency follows the data's origin, not the hop's source.
        [("RF140", 37, 58), ("RF142", 37, 58), ("RF143", 37, 58)],
    ),
    (
        "backups-to-undefined-region",
        edit("      backup_copies_to: ap-southeast-1", "      backup_copies_to: ap-southeast-2"),
        [("RF140", 17, 25), ("RF142", 17, 25), ("RF143", 17, 25)],
    ),
    (
        "global-secondary-without-primary",
        edit("      global_datastore: primary\n", ""),
        [("RF140", 32, 40)],
    ),
    (
        "bucket-replicates-to-undefined-region",
        edit("        replicate_to: ap-southeast-1", "        replicate_to: eu-west-2"),
        [("RF140", 25, 23), ("RF142", 25, 23), ("RF143", 25, 23)],
    ),
    (
        "replica-in-its-own-region",
        edit("      replica_of: ap-south-1", "      replica_of: ap-southeast-1"),
        [("RF140", 31, 19), ("RF141", 31, 19)],
    ),
    (
        "backups-copied-into-own-region",
        edit("      backup_copies_to: ap-southeast-1", "      backup_copies_to: ap-south-1"),
        [("RF141", 17, 25)],
    ),
    (
        "bucket-replicates-into-own-region",
        edit("        replicate_to: ap-southeast-1", "        replicate_to: ap-south-1"),
        [("RF141", 25, 23)],
    ),
    (
        # The seeds' conflict: Project One's residency forbids what BizFlow does.
        "pii-stays-in-mumbai-refuses-every-copy",
        PII_STAYS,
        [("RF142", 17, 25), ("RF142", 25, 23), ("RF142", 31, 19), ("RF142", 33, 40)],
    ),
    (
        "pii-stays-in-mumbai-with-backups-only",
        edit(
            "    cache:\n      global_datastore: {secondary_of: ap-south-1}\n",
            "",
            edit(
                "      replica_of: ap-south-1\n",
                "",
                edit("        replicate_to: ap-southeast-1\n", "", PII_STAYS),
            ),
        ),
        [("RF142", 17, 25)],
    ),
    (
        "residency-allows-another-region",
        edit("      allow_copies_to: [ap-southeast-1]\n", "      allow_copies_to: [eu-west-1]\n"),
        [
            ("RF142", 17, 25),
            ("RF142", 25, 23),
            ("RF142", 31, 19),
            ("RF142", 33, 40),
            ("RF148", 12, 25),  # eu-west-1 is not under regions
        ],
    ),
    (
        "tenant-forbids-copies",
        edit(
            "residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}",
            "residency: {jurisdiction: IN, allow_copies_to: []}",
        ),
        [("RF143", 17, 25), ("RF143", 25, 23), ("RF143", 31, 19), ("RF143", 33, 40)],
    ),
    (
        "tenant-jurisdiction-only-refuses-foreign-region",
        edit(
            "residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}",
            "residency: {jurisdiction: IN}",
        ),
        [("RF143", 17, 25), ("RF143", 25, 23), ("RF143", 31, 19), ("RF143", 33, 40)],
    ),
    (
        # A silo tenant's dedicated database and bucket are not replicated; its backups and
        # the shared cache still carry its data.
        "silo-tenant-forbids-copies",
        edit(
            "    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}",
            "    tier: silo\n    residency: {jurisdiction: IN, allow_copies_to: []}",
        ),
        [("RF143", 17, 25), ("RF143", 33, 40)],
    ),
    (
        "tenant-homed-outside-its-jurisdiction",
        edit(
            "residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}",
            "residency: {jurisdiction: SG, allow_copies_to: [ap-southeast-1]}",
        ),
        [("RF143", 38, 31)],
    ),
    # Aurora: a Global Database secondary is a copy like an RDS replica (exact line:col).
    (
        "aurora-pii-stays-in-mumbai-refuses-the-secondary",
        AURORA_PII_STAYS,
        [("RF142", 24, 23), ("RF142", 31, 19), ("RF142", 33, 40)],
    ),
    (
        "aurora-tenant-forbids-the-secondary",
        edit(
            "residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}",
            "residency: {jurisdiction: IN, allow_copies_to: []}",
            AURORA,
        ),
        [("RF143", 24, 23), ("RF143", 31, 19), ("RF143", 33, 40)],
    ),
    (
        "aurora-secondary-in-its-own-region",
        edit("      replica_of: ap-south-1", "      replica_of: ap-southeast-1", AURORA),
        [("RF140", 31, 19), ("RF141", 31, 19)],
    ),
]

RESIDENCY_CODES = {"RF140", "RF141", "RF142", "RF143", "RF148"}


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_data_rule_reports_exactly(tmp_path: Path, text: str, expected: list[Finding]) -> None:
    assert_lints_to(tmp_path, text, expected)


def test_the_base_spec_is_clean(tmp_path: Path) -> None:
    assert_lints_to(tmp_path, BASE, [])


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_examples_lint_clean(example: Path) -> None:
    assert lint_spec(example) == []


def test_every_residency_rule_has_a_fail_case() -> None:
    codes = {code for _, _, expected in CASES for code, _, _ in expected}
    assert codes == RESIDENCY_CODES
    assert len({c[0] for c in CASES}) == len(CASES)


def _modules(spec_path: Path) -> dict[str, dict[str, object]]:
    from regionform.api import load_spec
    from regionform.generators.root import generate_root

    document = generate_root(load_spec(spec_path)).document
    modules: dict[str, dict[str, object]] = {}
    for part in document.values():
        modules.update(part.get("module", {}))
    return modules


def _with_tenant(text: str, tenant: str) -> str:
    """`text` with `tenant` added as the last entry of its top-level `tenants:` mapping."""
    lines = text.splitlines(keepends=True)
    start = lines.index("tenants:\n")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha()),
        len(lines),
    )
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "".join([*lines[:end], tenant, *lines[end:]])


def test_adding_a_silo_tenant_touches_no_other_address(tmp_path: Path) -> None:
    before_path = EXAMPLES[[e.stem for e in EXAMPLES].index("bizflow")]
    after_path = write_spec(
        tmp_path,
        _with_tenant(
            before_path.read_text(),
            "  mumbai-mills:\n    home: ap-south-1\n    countries: [NP]\n    tier: silo\n",
        ),
        "bizflow.yaml",
    )
    before, after = _modules(before_path), _modules(after_path)
    added = set(after) - set(before)
    assert added == {"kms_tenant_mumbai_mills", "rds_tenant_mumbai_mills"}
    for name, block in before.items():
        if name == "s3_ap_south_1":
            # The region's S3 call gains the tenant's bucket under its own key, nothing else.
            buckets_before = block["buckets"]
            buckets_after = after[name]["buckets"]
            assert isinstance(buckets_before, dict) and isinstance(buckets_after, dict)
            assert set(buckets_after) - set(buckets_before) == {"tenant-mumbai-mills"}
            assert all(buckets_after[k] == v for k, v in buckets_before.items())
        elif name == "route53":
            # The zone gains the tenant's record and its country's geolocation record, both
            # for_each-keyed (tenant id, set identifier), so no other record moves.
            tenants_before, tenants_after = block["tenant_records"], after[name]["tenant_records"]
            assert isinstance(tenants_before, dict) and isinstance(tenants_after, dict)
            assert tenants_after == {**tenants_before, "mumbai-mills": "ap-south-1"}
            geo_before, geo_after = block["geolocation_records"], after[name]["geolocation_records"]
            assert isinstance(geo_before, list) and isinstance(geo_after, list)
            assert [r for r in geo_after if r not in geo_before] == [
                {"name": "api", "set_identifier": "NP", "endpoint": "ap-south-1", "country": "NP"}
            ]
            rest = ("tenant_records", "geolocation_records")
            assert {k: v for k, v in after[name].items() if k not in rest} == {
                k: v for k, v in block.items() if k not in rest
            }
        elif name == "alb_https_ap_south_1":
            # The home region's certificate gains the tenant's hostname; the certificate is
            # create_before_destroy, so the listener switches to the new one before the old
            # one goes, and no address changes.
            names_before = block["subject_alternative_names"]
            names_after = after[name]["subject_alternative_names"]
            assert isinstance(names_before, list) and isinstance(names_after, list)
            assert sorted(names_after) == sorted([*names_before, "mumbai-mills.bizflow.app"])
            rest = ("subject_alternative_names",)
            assert {k: v for k, v in after[name].items() if k not in rest} == {
                k: v for k, v in block.items() if k not in rest
            }
        elif name == "dashboard_ap_south_1":
            # The region's dashboard gains the tenant database's section (widgets only).
            sections_before, sections_after = block["alarm_arns"], after[name]["alarm_arns"]
            assert isinstance(sections_before, dict) and isinstance(sections_after, dict)
            assert set(sections_after) - set(sections_before) == {"rds_tenant_mumbai_mills"}
            assert all(sections_after[k] == v for k, v in sections_before.items())
        else:
            assert after[name] == block, name


# --- DynamoDB global tables ------------------------------------------------------------------
# The same conflict for a global table: Mumbai's orders table with a replica in Singapore. A
# global table is multi-active, so the residency rules judge both directions: Mumbai's data
# reaching Singapore, and what is written to the Singapore replica reaching Mumbai.

TABLE_BASE = """\
version: 1
project: acme
environment: prod
state:
  backend: local
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    residency:
      jurisdiction: IN
      allow_copies_to: [ap-southeast-1]
    tables:
      orders:
        partition_key: {name: tenant_id}
        sort_key: {name: order_id}
        replicas: [ap-southeast-1]
        tenant_partitioned: true
  ap-southeast-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
tenants:
  advisors-in:
    home: ap-south-1
    countries: [IN]
    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}
  lion-city:
    home: ap-southeast-1
    countries: [SG]
security_baseline: {cloudtrail: false, config: false, centrally_by: the security account}
"""
# 12 allow_copies_to, 17 replicas (the entry at column 20), 22 tenants, 26 tenant residency

TABLE_CASES: list[tuple[str, str, list[Finding]]] = [
    (
        "table-replica-in-undefined-region",
        edit("replicas: [ap-southeast-1]", "replicas: [ap-southeast-2]", TABLE_BASE),
        [("RF140", 17, 20), ("RF142", 17, 20), ("RF143", 17, 20)],
    ),
    (
        "table-replica-in-its-own-region",
        edit("replicas: [ap-southeast-1]", "replicas: [ap-south-1]", TABLE_BASE),
        [("RF141", 17, 20)],
    ),
    (
        # Project One's residency refuses BizFlow's global table as it refuses its replica.
        "pii-stays-in-mumbai-refuses-the-table-replica",
        edit(
            "      allow_copies_to: [ap-southeast-1]\n", "      allow_copies_to: []\n", TABLE_BASE
        ),
        [("RF142", 17, 20)],
    ),
    (
        "tenant-forbids-the-table-replica",
        edit(
            "residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}",
            "residency: {jurisdiction: IN, allow_copies_to: []}",
            TABLE_BASE,
        ),
        [("RF143", 17, 20)],
    ),
    (
        # The other direction: Singapore's writes come back to Mumbai through the replica.
        "replica-region-forbids-its-writes-leaving",
        edit(
            "    vpc: {cidr: 10.2.0.0/16}\n",
            "    vpc: {cidr: 10.2.0.0/16}\n"
            "    residency: {jurisdiction: SG, allow_copies_to: []}\n",
            TABLE_BASE,
        ),
        [("RF142", 17, 20)],
    ),
    (
        "tenant-of-the-replica-region-forbids-its-writes-leaving",
        edit(
            "    countries: [SG]\n",
            "    countries: [SG]\n    residency: {jurisdiction: SG}\n",
            TABLE_BASE,
        ),
        [("RF143", 17, 20)],
    ),
    (
        # A third region: Singapore's writes reach it too, under Singapore's rule.
        "writes-to-one-replica-reach-the-others",
        edit(
            "replicas: [ap-southeast-1]",
            "replicas: [ap-southeast-1, ap-southeast-2]",
            edit(
                "      allow_copies_to: [ap-southeast-1]\n",
                "      allow_copies_to: [ap-southeast-1, ap-southeast-2]\n",
                edit(
                    "tenants:",
                    "    residency: {jurisdiction: SG, allow_copies_to: [ap-south-1]}\n"
                    "  ap-southeast-2:\n    role: regional\n    vpc: {cidr: 10.3.0.0/16}\n"
                    "tenants:",
                    TABLE_BASE,
                ),
            ),
        ),
        [("RF142", 17, 36), ("RF143", 17, 36)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in TABLE_CASES], ids=[c[0] for c in TABLE_CASES]
)
def test_table_residency_reports_exactly(
    tmp_path: Path, text: str, expected: list[Finding]
) -> None:
    assert_lints_to(tmp_path, text, expected)


def test_the_table_base_spec_is_clean(tmp_path: Path) -> None:
    assert_lints_to(tmp_path, TABLE_BASE, [])


def test_every_residency_rule_has_a_table_case() -> None:
    codes = {code for _, _, expected in TABLE_CASES for code, _, _ in expected}
    assert codes == RESIDENCY_CODES - {"RF148"}
