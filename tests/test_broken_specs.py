"""A table of broken specs: each must give exactly this code at exactly this line and column.

The base spec is valid; every case changes one thing in it. Line numbers refer to the
edited text (the base's lines are numbered in the comments).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regionform.api import lint_spec

BASE = """\
version: 1
project: acme
environment: prod
state:
  backend: local
regions:
  eu-west-1:
    role: primary
    vpc:
      cidr: 10.1.0.0/16
  eu-west-2:
    role: regional
    vpc:
      cidr: 10.2.0.0/16
tenants:
  alpha:
    home: eu-west-1
    countries: [IE]
"""
#        1 version, 2 project, 3 environment, 4 state, 5 backend, 6 regions, 7 eu-west-1,
#        8 role, 9 vpc, 10 cidr, 11 eu-west-2, 12 role, 13 vpc, 14 cidr, 15 tenants,
#        16 alpha, 17 home, 18 countries


def edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


CASES: list[tuple[str, str, str, int, int]] = [
    # id, spec text, code, line, column
    ("yaml-unclosed-flow", edit("[IE]", "[IE"), "RF001", 19, 1),
    ("yaml-bad-indent", edit("    role: regional", "   role: regional"), "RF001", 13, 8),
    ("yaml-tab", edit("    home: eu-west-1", "\thome: eu-west-1"), "RF001", 17, 1),
    ("yaml-two-documents", BASE + "---\nversion: 1\n", "RF001", 19, 1),
    (
        "yaml-unsupported-tag",
        edit("project: acme", "project: !!python/name:os.system acme"),
        "RF001",
        2,
        10,
    ),
    ("yaml-unknown-alias", edit("project: acme", "project: *nope"), "RF001", 2, 10),
    ("duplicate-top-key", BASE + "project: other\n", "RF002", 19, 1),
    (
        "duplicate-nested-key",
        edit("      cidr: 10.2.0.0/16", "      cidr: 10.2.0.0/16\n      cidr: 10.3.0.0/16"),
        "RF002",
        15,
        7,
    ),
    (
        "duplicate-region",
        BASE.replace(
            "tenants:", "  eu-west-1:\n    role: dr\n    vpc: {cidr: 10.9.0.0/16}\ntenants:"
        ),
        "RF002",
        15,
        3,
    ),
    ("unknown-top-key", edit("environment: prod", "enviroment: prod"), "RF010", 3, 1),
    (
        "unknown-vpc-key",
        edit("      cidr: 10.1.0.0/16", "      cidr: 10.1.0.0/16\n      nat_gateways: 3"),
        "RF010",
        11,
        7,
    ),
    (
        "unknown-tenant-key",
        edit("    countries: [IE]", "    countries: [IE]\n    homes: eu-west-1"),
        "RF010",
        19,
        5,
    ),
    (
        "local-backend-with-bucket",
        edit("  backend: local", "  backend: local\n  bucket: my-state"),
        "RF010",
        6,
        3,
    ),
    ("missing-project", edit("project: acme\n", ""), "RF011", 1, 1),
    ("missing-vpc-cidr", edit("      cidr: 10.2.0.0/16", "      az_count: 2"), "RF011", 13, 5),
    (
        "missing-s3-bucket",
        edit("  backend: local", "  backend: s3\n  region: eu-west-1"),
        "RF011",
        4,
        1,
    ),
    ("version-wrong", edit("version: 1", "version: 2"), "RF013", 1, 10),
    ("version-string", edit("version: 1", 'version: "1"'), "RF013", 1, 10),
    ("project-uppercase", edit("project: acme", "project: Acme"), "RF013", 2, 10),
    ("role-typo", edit("    role: regional", "    role: regoinal"), "RF013", 12, 11),
    (
        "az-count-string",
        edit("      cidr: 10.1.0.0/16", "      cidr: 10.1.0.0/16\n      az_count: three"),
        "RF012",
        11,
        17,
    ),
    (
        "az-count-zero",
        edit("      cidr: 10.1.0.0/16", "      cidr: 10.1.0.0/16\n      az_count: 0"),
        "RF013",
        11,
        17,
    ),
    (
        "nat-typo",
        edit("      cidr: 10.1.0.0/16", "      cidr: 10.1.0.0/16\n      nat: per-az"),
        "RF013",
        11,
        12,
    ),
    ("cidr-garbage", edit("cidr: 10.2.0.0/16", "cidr: ten.two/16"), "RF013", 14, 13),
    ("region-key-shape", edit("  eu-west-2:", "  europe:"), "RF013", 11, 3),
    ("country-lowercase", edit("[IE]", "[ie]"), "RF013", 18, 17),
    ("country-unknown", edit("[IE]", "[IE, XX]"), "RF013", 18, 21),
    ("country-twice", edit("[IE]", "[IE, IE]"), "RF013", 18, 21),
    ("country-norway-is-a-string", edit("[IE]", "[NO, 12]"), "RF012", 18, 21),
    ("tags-not-a-map", edit("state:", "tags: [a, b]\nstate:"), "RF012", 4, 7),
    (
        "tag-value-with-template",
        edit("state:", "tags:\n  Owner: '${var.x}'\nstate:"),
        "RF013",
        5,
        10,
    ),
    (
        "retention-not-allowed",
        edit(
            "      cidr: 10.1.0.0/16",
            "      cidr: 10.1.0.0/16\n      flow_logs: {retention_days: 100}",
        ),
        "RF013",
        11,
        35,
    ),
    ("spec-is-a-list", "- version: 1\n", "RF012", 1, 1),
    ("vpc-overlap", edit("cidr: 10.2.0.0/16", "cidr: 10.1.128.0/17"), "RF101", 14, 13),
    ("vpc-public-range", edit("cidr: 10.2.0.0/16", "cidr: 100.64.0.0/16"), "RF102", 14, 13),
    ("vpc-too-big", edit("cidr: 10.2.0.0/16", "cidr: 10.0.0.0/8"), "RF102", 14, 13),
    (
        "subnet-outside-vpc",
        edit(
            "      cidr: 10.2.0.0/16",
            "      cidr: 10.2.0.0/16\n      az_count: 1\n      subnets: {public: [10.2.1.0/24], private: [10.9.0.0/24], database: [10.2.3.0/24]}",
        ),
        "RF103",
        16,
        50,
    ),
    (
        "subnet-count",
        edit(
            "      cidr: 10.2.0.0/16",
            "      cidr: 10.2.0.0/16\n      subnets: {public: [10.2.1.0/24], private: [10.2.2.0/24], database: [10.2.3.0/24]}",
        ),
        "RF103",
        15,
        25,
    ),
    (
        "subnet-overlap",
        edit(
            "      cidr: 10.2.0.0/16",
            "      cidr: 10.2.0.0/16\n      az_count: 1\n      subnets: {public: [10.2.0.0/20], private: [10.2.1.0/24], database: [10.2.32.0/24]}",
        ),
        "RF103",
        16,
        50,
    ),
    (
        "vpc-too-small-for-default-plan",
        edit("cidr: 10.2.0.0/16", "cidr: 10.2.0.0/22"),
        "RF103",
        14,
        13,
    ),
    ("unknown-region", edit("  eu-west-2:", "  eu-west-9:"), "RF104", 11, 3),
    (
        "too-many-azs",
        edit("      cidr: 10.2.0.0/16", "      cidr: 10.2.0.0/16\n      az_count: 5"),
        "RF105",
        15,
        17,
    ),
    ("tenant-home-missing", edit("    home: eu-west-1", "    home: eu-central-1"), "RF106", 17, 11),
    (
        # A geolocation record must send IE one way; neither home region is the primary.
        "country-split",
        edit(
            "tenants:\n  alpha:\n    home: eu-west-1\n",
            "  eu-west-3:\n    role: regional\n    vpc:\n      cidr: 10.3.0.0/16\n"
            "dns:\n  domain: acme.io\n  api: api\n  tenant_records: false\n"
            "tenants:\n  beta:\n    home: eu-west-3\n    countries: [GB, IE]\n"
            "  alpha:\n    home: eu-west-2\n",
        ),
        "RF107",
        26,
        21,
    ),
    ("tenant-id-uppercase", edit("  alpha:", "  Alpha:"), "RF108", 16, 3),
    ("tenant-id-lookalike", edit("  alpha:", "  \u0430lpha:"), "RF108", 16, 3),
    ("tenant-id-underscore", edit("  alpha:", "  alpha_co:"), "RF108", 16, 3),
    (
        "name-too-long",
        edit(
            "project: acme\nenvironment: prod",
            "project: acme-enterprise-holdings\nenvironment: production-blue1",
        ).replace("eu-west-2", "ap-southeast-1"),
        "RF109",
        11,
        3,
    ),
    ("two-primaries", edit("    role: regional", "    role: primary"), "RF110", 12, 11),
    ("host-bits-set", edit("cidr: 10.2.0.0/16", "cidr: 10.2.3.4/16"), "RF111", 14, 13),
    ("octet-out-of-range", edit("cidr: 10.2.0.0/16", "cidr: 10.256.0.0/16"), "RF111", 14, 13),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_broken_spec_is_reported_exactly(
    tmp_path: Path, text: str, code: str, line: int, column: int
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    findings = lint_spec(spec)
    found = [(f.code, f.location.line, f.location.column) for f in findings]
    assert (code, line, column) in found, "\n".join(f.render() for f in findings)
    assert all(f.location.file == str(spec) for f in findings)


def test_the_base_spec_is_clean(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(BASE)
    assert lint_spec(spec) == []


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({c[0] for c in CASES}) == len(CASES)
