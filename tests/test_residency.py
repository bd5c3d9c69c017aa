"""Residency, case by case: where data may go (followed from its origin through every copy),
jurisdictions that nest, and routing kept apart from residency.

Each case is a whole spec and every finding lint must report for it (code, line, column);
an empty list means the spec lints clean. The issue's proof cases come first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regionform.api import lint_spec, load_spec, render_files
from regionform.spec.copies import copy_graph, explain_copies
from regionform.spec.jurisdictions import DATA, continents, countries, jurisdictions
from regionform.spec.model import Spec
from regionform.spec.routing import geolocation
from regionform.spec.validate import schema

HEAD = """\
version: 1
project: acme
environment: prod
state: {backend: local}
"""

# A read replica in Singapore of Mumbai's database (allowed), whose backups go to Ireland.
TRANSITIVE_LEAK = (
    HEAD
    + """\
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}
    database: {instance_class: db.r6g.large}
  ap-southeast-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
    database:
      instance_class: db.r6g.large
      replica_of: ap-south-1
      backup_copies_to: eu-west-1
  eu-west-1:
    role: regional
    vpc: {cidr: 10.3.0.0/16}
tenants:
  advisors:
    home: ap-south-1
    countries: [IN]
    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}
"""
)

# Mumbai with a Hyderabad DR: both IN, failover and geolocation records.
IN_COUNTRY_DR = (
    HEAD
    + """\
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    endpoint: {fqdn: mumbai.alb.acme.in}
    residency: {jurisdiction: IN, allow_copies_to: [ap-south-2]}
    database: {instance_class: db.r6g.large, backup_copies_to: ap-south-2}
  ap-south-2:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
    endpoint: {fqdn: hyderabad.alb.acme.in}
    residency: {jurisdiction: IN}
    database: {instance_class: db.r6g.large, replica_of: ap-south-1}
dns:
  domain: acme.in
  api: api
  failover:
    app: {primary: ap-south-1, secondary: ap-south-2}
tenants:
  advisors:
    home: ap-south-1
    countries: [IN]
    residency: {jurisdiction: IN}
"""
)

US_EAST_WEST = (
    HEAD
    + """\
regions:
  us-east-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    endpoint: {fqdn: east.alb.acme.com}
    residency: {jurisdiction: US}
  us-west-2:
    role: regional
    vpc: {cidr: 10.2.0.0/16}
    endpoint: {fqdn: west.alb.acme.com}
    residency: {jurisdiction: US}
tenants:
  east-co:
    home: us-east-1
    countries: [US]
  west-co:
    home: us-west-2
    countries: [US]
"""
)
LATENCY = "dns:\n  domain: acme.com\n  cdn: www\n"

EU_TENANT_IN_DE = (
    HEAD
    + """\
regions:
  eu-central-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    residency: {jurisdiction: DE}
    buckets:
      documents: {}
  us-east-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
tenants:
  berlin-gmbh:
    home: eu-central-1
    countries: [DE, AT]
    residency: {jurisdiction: EU}
"""
)

UK_REGION = (
    HEAD
    + """\
regions:
  eu-west-2:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    residency: {jurisdiction: UK}
"""
)

SA_BOTH = (
    HEAD
    + """\
regions:
  me-central-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    endpoint: {fqdn: uae.alb.acme.com}
  sa-east-1:
    role: regional
    vpc: {cidr: 10.2.0.0/16}
    endpoint: {fqdn: brazil.alb.acme.com}
dns:
  domain: acme.com
  api: api
  countries: {SA: me-central-1}
  continents: {SA: sa-east-1, AF: me-central-1, NA: sa-east-1, AS: me-central-1}
  tenant_records: false
"""
)

# A spec's own union: Gulf data may move within the GCC (UAE ↔ Bahrain), not beyond.
GCC = (
    HEAD
    + """\
jurisdictions:
  GCC:
    members: [AE, BH, KW, OM, QA, SA]  # GCC data-sharing arrangement
regions:
  me-central-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    residency: {jurisdiction: AE}
    database: {instance_class: db.r6g.large, backup_copies_to: me-south-1}
  me-south-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
    residency: {jurisdiction: BH}
  eu-west-1:
    role: regional
    vpc: {cidr: 10.3.0.0/16}
tenants:
  gulf-trading:
    home: me-central-1
    countries: [AE, SA]
    residency: {jurisdiction: GCC}
"""
)

# Geolocation on, two regions of one country, and the primary elsewhere.
US_GEO = (
    HEAD
    + """\
regions:
  eu-west-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    endpoint: {fqdn: eu.alb.acme.com}
  us-east-1:
    role: regional
    vpc: {cidr: 10.2.0.0/16}
    endpoint: {fqdn: east.alb.acme.com}
    residency: {jurisdiction: US}
  us-west-2:
    role: regional
    vpc: {cidr: 10.3.0.0/16}
    endpoint: {fqdn: west.alb.acme.com}
    residency: {jurisdiction: US}
dns:
  domain: acme.com
  api: api
tenants:
  east-co:
    home: us-east-1
    countries: [US]
  west-co:
    home: us-west-2
    countries: [US]
"""
)


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


Finding = tuple[str, int, int]
CASES: list[tuple[str, str, list[Finding]]] = [
    # --- the proof ---
    # The backups of the Singapore replica carry Indian data to Ireland: refused at that
    # line, by the origin region's rule and by the tenant's.
    (
        "transitive-leak-refused-at-backup-copies-to",
        TRANSITIVE_LEAK,
        [
            ("RF142", 17, 25),
            ("RF143", 17, 25),
        ],
    ),
    ("in-country-dr-with-failover-and-geolocation-clean", IN_COUNTRY_DR, []),
    ("us-east-west-tenants-without-dns-clean", US_EAST_WEST, []),
    ("us-east-west-tenants-with-latency-routing-clean", US_EAST_WEST + LATENCY, []),
    ("eu-tenant-in-a-de-region-clean", EU_TENANT_IN_DE, []),
    (
        "eu-tenant-copied-to-us-east-1-refused",
        edit(EU_TENANT_IN_DE, "      documents: {}", "      documents: {replicate_to: us-east-1}"),
        [("RF143", 11, 33)],
    ),
    ("uk-refused-with-gb-hint", UK_REGION, [("RF147", 9, 31)]),
    ("sa-country-and-sa-continent-clean", SA_BOTH, []),
    (
        "allow-copies-to-undeclared-region-refused",
        edit(
            TRANSITIVE_LEAK,
            "allow_copies_to: [ap-southeast-1]}\n    database",
            "allow_copies_to: [ap-southest-1]}\n    database",
        ),
        [
            ("RF148", 9, 53),  # did you mean ap-southeast-1?
            # …and with the typo, the rule allows neither copy:
            ("RF142", 16, 19),
            ("RF142", 17, 25),
            ("RF143", 17, 25),
        ],
    ),
    # --- nesting ---
    ("spec-union-gcc-copy-inside-clean", GCC, []),
    (
        "spec-union-gcc-copy-beyond-refused",
        edit(GCC, "backup_copies_to: me-south-1}", "backup_copies_to: eu-west-1}"),
        [("RF143", 13, 64)],
    ),
    (
        "union-member-unknown",
        edit(GCC, "[AE, BH, KW, OM, QA, SA]", "[AE, BH, KW, OM, QA, KSA]"),
        [("RF147", 7, 35)],
    ),
    (
        "union-reuses-a-country-name",
        edit(edit(GCC, "  GCC:\n", "  SA:\n"), "{jurisdiction: GCC}", "{jurisdiction: SA}"),
        [("RF147", 6, 3), ("RF143", 13, 64), ("RF143", 25, 31)],
    ),
    (
        "union-contains-itself",
        edit(GCC, "[AE, BH, KW, OM, QA, SA]", "[AE, BH, KW, OM, QA, SA, GCC]"),
        [("RF147", 6, 3)],
    ),
    (
        "eea-contains-eu-contains-de",
        edit(EU_TENANT_IN_DE, "{jurisdiction: EU}", "{jurisdiction: EEA}"),
        [],
    ),
    (
        "de-tenant-in-an-eu-region-refused",
        edit(
            edit(EU_TENANT_IN_DE, "{jurisdiction: EU}", "{jurisdiction: DE}"),
            "    residency: {jurisdiction: DE}\n    buckets",
            "    residency: {jurisdiction: EU}\n    buckets",
        ),
        [("RF143", 19, 31)],
    ),
    (
        # A region that states no residency is judged by the country it is in.
        "tenant-homed-in-an-undeclared-foreign-region-refused",
        edit(EU_TENANT_IN_DE, "    home: eu-central-1", "    home: us-east-1"),
        [("RF143", 19, 31)],
    ),
    (
        "unknown-tenant-jurisdiction",
        edit(EU_TENANT_IN_DE, "{jurisdiction: EU}", "{jurisdiction: EUR}"),
        [("RF147", 19, 31)],
    ),
    # --- routing apart from residency ---
    (
        "geolocation-us-tenants-east-and-west-neither-primary",
        US_GEO,
        [("RF107", 29, 17)],
    ),
    (
        "geolocation-says-which-in-dns-countries",
        edit(US_GEO, "  api: api\n", "  api: api\n  countries: {US: us-east-1}\n"),
        [],
    ),
    (
        "geolocation-residency-only-neither-primary",
        US_GEO.split("tenants:")[0],
        [("RF121", 19, 31)],
    ),
    (
        "geolocation-primary-takes-its-country",
        edit(
            edit(US_GEO.split("tenants:")[0], "    role: primary\n", "    role: regional\n"),
            "  us-east-1:\n    role: regional",
            "  us-east-1:\n    role: primary",
        ),
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_residency_case_reports_exactly(tmp_path: Path, text: str, expected: list[Finding]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    findings = lint_spec(spec)
    found = sorted((f.code, f.location.line, f.location.column) for f in findings)
    assert found == sorted(expected), "\n".join(f.render() for f in findings)


# These cases are about the copies their regions ask for; the security baseline's audit-logs
# copies into the audit region are tested in test_operations.py.
NO_AUDIT_COPIES = (
    "security_baseline: {cloudtrail: false, config: false, centrally_by: the security account}\n"
)


def _load(tmp_path: Path, text: str) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text + ("" if "security_baseline" in text else NO_AUDIT_COPIES), "utf-8")
    return spec


def _model(tmp_path: Path, text: str) -> Spec:
    """The model without lint: what explain and the graph see, findings or not."""
    from regionform.pipeline import read

    model, findings = read(_load(tmp_path, text))
    assert model is not None, findings
    return model


def test_uk_says_did_you_mean_gb_as_jurisdiction_and_as_country(tmp_path: Path) -> None:
    (finding,) = lint_spec(_load(tmp_path, UK_REGION))
    assert finding.hint is not None and finding.hint.startswith("did you mean GB?")
    as_country = UK_REGION + "tenants:\n  t:\n    home: eu-west-2\n    countries: [UK]\n"
    (finding,) = lint_spec(_load(tmp_path, as_country))
    assert (finding.code, finding.location.line, finding.location.column) == ("RF013", 13, 17)
    assert finding.hint is not None and finding.hint.startswith("did you mean GB?")


def test_an_undeclared_region_in_allow_copies_to_names_the_likely_one(tmp_path: Path) -> None:
    text = edit(
        TRANSITIVE_LEAK, "[ap-southeast-1]}\n    database", "[ap-southest-1]}\n    database"
    )
    rf148 = [f for f in lint_spec(_load(tmp_path, text)) if f.code == "RF148"]
    assert [f.hint for f in rf148] == ["did you mean ap-southeast-1?"]


def test_the_leak_is_reported_with_its_whole_path(tmp_path: Path) -> None:
    (region, tenant) = lint_spec(_load(tmp_path, TRANSITIVE_LEAK))
    for finding in (region, tenant):
        assert "through its RDS read replica in ap-southeast-1" in finding.message
        assert "from ap-southeast-1 to eu-west-1" in finding.message
    assert "the residency of ap-south-1 allows copies only to ap-southeast-1" in region.message
    assert "tenant 'advisors'" in tenant.message


def test_every_copy_is_an_edge_tagged_with_the_origin_of_its_data(tmp_path: Path) -> None:
    graph = copy_graph(_model(tmp_path, TRANSITIVE_LEAK))
    assert [(c.kind, c.regions, c.tenants) for c in graph] == [
        ("rds-replica", ("ap-south-1", "ap-southeast-1"), ("advisors",)),
        ("rds-backups", ("ap-south-1", "ap-southeast-1", "eu-west-1"), ("advisors",)),
    ]


def test_explain_copies_shows_origin_path_target_and_the_rule_of_each_hop(
    tmp_path: Path,
) -> None:
    text = explain_copies(_model(tmp_path, TRANSITIVE_LEAK))
    assert text.splitlines() == [
        "data written in ap-south-1 (IN):",
        "  ap-south-1 → ap-southeast-1  RDS read replica",
        "    asked by regions.ap-southeast-1.database.replica_of (line 16)",
        "    carries tenants: advisors",
        "    allowed by region ap-south-1: regions.ap-south-1.residency.allow_copies_to lists "
        "ap-southeast-1",
        "    allowed by tenant 'advisors': tenants.advisors.residency.allow_copies_to lists "
        "ap-southeast-1",
        "  ap-south-1 → ap-southeast-1 → eu-west-1  RDS automated-backup replication",
        "    asked by regions.ap-southeast-1.database.backup_copies_to (line 17)",
        "    after RDS read replica ap-south-1 → ap-southeast-1",
        "    carries tenants: advisors",
        "    REFUSED (RF142) by region ap-south-1: the residency of ap-south-1 allows copies "
        "only to ap-southeast-1",
        "    REFUSED (RF143) by tenant 'advisors': it allows copies only to ap-southeast-1",
    ]


def test_nesting_is_by_countries() -> None:
    known = jurisdictions([("GCC", ("AE", "BH", "KW", "OM", "QA", "SA"))])
    assert known.inside("DE", "EU") and known.inside("EU", "EEA") and known.inside("NO", "EEA")
    assert not known.inside("NO", "EU") and not known.inside("GB", "EU")
    assert known.inside("BH", "GCC") and not known.inside("GCC", "AE")
    assert not known.inside("XX", "EU")  # an unknown code lies inside nothing


def test_the_jurisdiction_data_names_its_sources_and_dates() -> None:
    data = json.loads(DATA.read_text("utf-8"))
    for part in (data["countries"], data["route53_continents"], *data["unions"].values()):
        assert part["source"] and part["date"]
    assert len(data["unions"]["EU"]["members"]) == 27


def test_every_geolocation_code_the_generator_can_emit_is_one_route53_accepts() -> None:
    # Route 53 takes ISO 3166-1 alpha-2 countries and seven continent codes (the stored list
    # and its source: regionform/spec/jurisdictions.json). The schema is what the generator
    # can emit: dns.countries, tenants' countries and residency countries use its `country`
    # enum, dns.continents its continent enum.
    definitions = schema()["$defs"]
    assert set(definitions["country"]["enum"]) == set(countries())
    continent_keys = definitions["dns"]["properties"]["continents"]["propertyNames"]["enum"]
    assert set(continent_keys) == set(continents()) == {"AF", "AN", "AS", "EU", "NA", "OC", "SA"}
    # Codes that are both a country and a continent stay apart in the routing table.
    assert set(countries()) & set(continents()) == {"AF", "AS", "NA", "SA"}


def test_country_sa_and_continent_sa_are_two_records(tmp_path: Path) -> None:
    routes = {(r.kind, r.location): r.region for r in geolocation(_model(tmp_path, SA_BOTH))}
    assert routes[("country", "SA")] == "me-central-1"
    assert routes[("continent", "SA")] == "sa-east-1"


MULTI_REGION = edit(
    TRANSITIVE_LEAK,
    "    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}\n    database",
    "    kms: {multi_region: [database]}\n"
    "    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1, eu-west-1]}\n"
    "    database",
).replace("allow_copies_to: [ap-southeast-1]}\n", "allow_copies_to: [ap-southeast-1, eu-west-1]}\n")


def test_a_multi_region_key_is_replicated_where_its_data_goes_and_copies_use_it(
    tmp_path: Path,
) -> None:
    spec = _load(tmp_path, MULTI_REGION)
    assert lint_spec(spec) == []
    files = render_files(load_spec(spec), "json", spec.name)
    modules: dict[str, dict[str, object]] = {}
    for name, body in files.items():
        if name.endswith(".tf.json"):
            modules.update(json.loads(body).get("module", {}))
    replicas = {
        name: call["replica_keys"] for name, call in modules.items() if "replica_keys" in call
    }
    primary = '${module.kms_ap_south_1.key_arns["database"]}'
    assert replicas == {
        name: {
            "database": {
                "primary_key_arn": primary,
                "service_principals": ["elasticache.amazonaws.com", "rds.amazonaws.com"],
            }
        }
        for name in ("kms_ap_south_1_in_ap_southeast_1", "kms_ap_south_1_in_eu_west_1")
    }
    # The replica in Singapore and the backups of it in Ireland (two hops from Mumbai) are
    # both encrypted under Mumbai's key material.
    assert modules["rds_ap_southeast_1"]["kms_key_arn"] == (
        '${module.kms_ap_south_1_in_ap_southeast_1.key_arns["database"]}'
    )
    assert modules["rds_backups_ap_southeast_1"]["kms_key_arn"] == (
        '${module.kms_ap_south_1_in_eu_west_1.key_arns["database"]}'
    )


def test_the_generated_copies_are_exactly_the_graph(tmp_path: Path) -> None:
    spec = _load(tmp_path, MULTI_REGION)
    model = load_spec(spec)
    files = render_files(model, "json", spec.name)
    calls = set()
    for name, body in files.items():
        if name.endswith(".tf.json"):
            calls |= set(json.loads(body).get("module", {}))
    copies = {c.kind: c for c in copy_graph(model)}
    assert set(copies) == {"rds-replica", "rds-backups"}
    assert {"rds_ap_southeast_1", "rds_backups_ap_southeast_1"} <= calls
    assert not {c for c in calls if c.startswith("rds_backups_")} - {"rds_backups_ap_southeast_1"}


def test_explain_says_where_a_declared_jurisdiction_is_not_where_the_region_is(
    tmp_path: Path,
) -> None:
    text = edit(
        UK_REGION,
        "    residency: {jurisdiction: UK}\n",
        "    residency: {jurisdiction: IE}\n    buckets: {logs: {replicate_to: eu-west-1}}\n"
        "  eu-west-1:\n    role: dr\n    vpc: {cidr: 10.2.0.0/16}\n",
    )
    first = explain_copies(_model(tmp_path, text)).splitlines()[0]
    assert first == "data written in eu-west-2 (IE as declared; the region is in GB):"


def test_regionform_explain_copies_prints_the_graph_even_for_a_refused_spec(
    tmp_path: Path,
) -> None:
    from cli_runner import invoke

    spec = _load(tmp_path, TRANSITIVE_LEAK)
    result = invoke(["explain", str(spec), "--copies"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == explain_copies(_model(tmp_path, TRANSITIVE_LEAK))


def test_a_renamed_silo_tenant_moves_its_key_replicas_too(tmp_path: Path) -> None:
    from regionform.generators.kms import GENERATOR as KMS

    text = edit(
        MULTI_REGION,
        "  advisors:\n    home: ap-south-1\n",
        "  wealth-advisors:\n    renamed_from: advisors\n    tier: silo\n    home: ap-south-1\n",
    ).replace(
        "    database:\n      instance_class: db.r6g.large\n      replica_of: ap-south-1\n"
        "      backup_copies_to: eu-west-1\n",
        "    database: {instance_class: db.r6g.large, replica_of: ap-south-1}\n",
    )
    text = edit(
        text,
        "    database: {instance_class: db.r6g.large}\n",
        "    database: {instance_class: db.r6g.large, backup_copies_to: eu-west-1}\n",
    )
    spec = _load(tmp_path, text)
    assert lint_spec(spec) == []
    moves = {(m.source, m.target) for m in KMS.moves(load_spec(spec))}
    assert moves == {
        ("module.kms_tenant_advisors", "module.kms_tenant_wealth_advisors"),
        (
            "module.kms_tenant_advisors_in_eu_west_1",
            "module.kms_tenant_wealth_advisors_in_eu_west_1",
        ),
    }


def test_allow_copies_to_may_name_a_jurisdiction_and_allows_every_region_inside(
    tmp_path: Path,
) -> None:
    text = edit(
        EU_TENANT_IN_DE,
        "    residency: {jurisdiction: DE}\n    buckets:\n      documents: {}\n",
        "    residency: {jurisdiction: DE, allow_copies_to: [EU]}\n"
        "    buckets:\n      documents: {replicate_to: eu-west-1}\n",
    ).replace("  us-east-1:\n    role: dr", "  eu-west-1:\n    role: dr")
    assert lint_spec(_load(tmp_path, text)) == []
    (line,) = [
        line
        for line in explain_copies(_model(tmp_path, text)).splitlines()
        if "allowed by region" in line
    ]
    assert line.endswith("allow_copies_to lists EU (eu-west-1 is under IE)")
    refused = text.replace("allow_copies_to: [EU]", "allow_copies_to: [EUR]")
    found = [(f.code, f.location.line) for f in lint_spec(_load(tmp_path, refused))]
    assert found == [("RF147", 9), ("RF142", 11)]


GLOBAL_TABLE = (
    HEAD
    + """\
regions:
  ap-south-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
    kms: {multi_region: [database]}
    residency: {jurisdiction: IN, allow_copies_to: [ap-southeast-1]}
    tables:
      orders:
        partition_key: {name: tenant_id}
        replicas: [ap-southeast-1]
        tenant_partitioned: true
  ap-southeast-1:
    role: dr
    vpc: {cidr: 10.2.0.0/16}
tenants:
  advisors:
    home: ap-south-1
    countries: [IN]
  lion-city:
    home: ap-southeast-1
    countries: [SG]
"""
)


def test_a_global_table_replica_is_a_copy_both_ways_and_uses_the_copy_key(
    tmp_path: Path,
) -> None:
    spec = _load(tmp_path, GLOBAL_TABLE)
    assert lint_spec(spec) == []
    model = load_spec(spec)
    edges = {(c.kind, c.source, c.target, c.origin, c.tenants) for c in copy_graph(model)}
    assert edges == {
        ("dynamodb-replica", "ap-south-1", "ap-southeast-1", "ap-south-1", ("advisors",)),
        (
            "dynamodb-replica-writes",
            "ap-southeast-1",
            "ap-south-1",
            "ap-southeast-1",
            ("lion-city",),
        ),
    }
    files = render_files(model, "json", spec.name)
    modules: dict[str, dict[str, object]] = {}
    for name, body in files.items():
        if name.endswith(".tf.json"):
            modules.update(json.loads(body).get("module", {}))
    table = modules["dynamodb_ap_south_1"]["tables"]["orders"]  # type: ignore[index]
    # Mumbai's multi-Region key encrypts its data in Singapore too, and DynamoDB may use it.
    assert table["replicas"] == {  # type: ignore[index]
        "ap-southeast-1": {
            "kms_key_arn": '${module.kms_ap_south_1_in_ap_southeast_1.key_arns["database"]}'
        }
    }
    replica_key = modules["kms_ap_south_1_in_ap_southeast_1"]["replica_keys"]["database"]  # type: ignore[index]
    assert "dynamodb.amazonaws.com" in replica_key["service_principals"]  # type: ignore[index]
    # Each pooled tenant reaches the table where it lives: its home's table or replica.
    assert modules["dynamodb_ap_south_1"]["tenant_policies"] == {
        "advisors": "ap-south-1",
        "lion-city": "ap-southeast-1",
    }
