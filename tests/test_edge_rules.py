"""Compute and edge rules (RF120-RF132): each broken spec gives exactly this code at exactly
this line and column. The base spec is valid; every case changes one thing in it.
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
    endpoint: {fqdn: eu-west-1.alb.acme.io}
    cluster:
      kubernetes_version: "1.32"
      node_groups:
        general:
          instance_types: [m5.large]
          min: 1
          desired: 2
          max: 3
        gpu:
          instance_types: [g4dn.xlarge]
          ami_type: AL2023_x86_64_NVIDIA
          min: 0
          max: 2
    waf:
      rate_limits:
        login: {limit: 10, window_seconds: 60}
      blocked_countries: [KP]
      admin: {path_prefix: /admin, countries: [IE]}
      associate_alb_arns:
        - arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef
  eu-west-2:
    role: dr
    vpc:
      cidr: 10.2.0.0/16
    endpoint: {fqdn: eu-west-2.alb.acme.io}
    residency: {jurisdiction: GB}
dns:
  domain: acme.io
  api: api
  cdn: cdn
  continents: {EU: eu-west-1}
  failover:
    app: {primary: eu-west-1, secondary: eu-west-2}
  health_check:
    interval: 10
    failure_threshold: 3
    regions: [us-east-1, eu-west-1, ap-southeast-1]
cloudfront_waf:
  rate_limits:
    api: {limit: 1000, window_seconds: 300}
tenants:
  alpha:
    home: eu-west-1
    countries: [IE]
  beta:
    home: eu-west-2
    countries: [GB]
"""
# 11 eu-west-1 endpoint, 13 kubernetes_version, 16-19 general, 21-24 gpu, 27 login limit,
# 28 blocked, 29 admin, 31 ALB ARN, 36 eu-west-2 endpoint, 37 residency, 40 api, 41 cdn,
# 42 continents, 44 failover app, 46 interval, 47 threshold, 48 regions, 51 cloudfront api,
# 54 alpha home, 55 alpha countries, 57 beta home, 58 beta countries


def edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


NO_DR_ENDPOINT = edit("    endpoint: {fqdn: eu-west-2.alb.acme.io}\n", "")

CASES: list[tuple[str, str, str, int, int]] = [
    # id, spec text, code, line, column
    # RF120 geolocation covers every tenant's countries and has a default
    ("country-routed-to-region-without-endpoint", NO_DR_ENDPOINT, "RF120", 57, 17),
    ("tenant-record-without-endpoint", NO_DR_ENDPOINT, "RF120", 56, 11),
    (
        "default-without-endpoint",
        edit("    endpoint: {fqdn: eu-west-1.alb.acme.io}\n", ""),
        "RF120",
        39,
        8,
    ),
    # RF121 a country maps to exactly one region
    # (two regions of one country are fine when one is the primary, or when a tenant or
    # dns.countries says which: see tests/test_residency.py)
    (
        "two-regions-of-one-country-neither-primary",
        edit(
            "    residency: {jurisdiction: GB}\n",
            "    residency: {jurisdiction: FR}\n  eu-west-3:\n    role: regional\n"
            "    vpc: {cidr: 10.3.0.0/16}\n    endpoint: {fqdn: eu-west-3.alb.acme.io}\n"
            "    residency: {jurisdiction: FR}\n",
        ),
        "RF121",
        42,
        31,
    ),
    # RF122 health-check interval 10 or 30 (and Route 53's other ranges)
    ("health-check-interval-15", edit("interval: 10", "interval: 15"), "RF122", 46, 15),
    ("health-check-interval-60", edit("interval: 10", "interval: 60"), "RF122", 46, 15),
    (
        "health-check-threshold",
        edit("failure_threshold: 3", "failure_threshold: 11"),
        "RF122",
        47,
        24,
    ),
    (
        "health-checker-region-unknown",
        edit("[us-east-1, eu-west-1, ap-southeast-1]", "[us-east-1, eu-west-2, ap-southeast-1]"),
        "RF122",
        48,
        26,
    ),
    (
        "health-checker-regions-too-few",
        edit("[us-east-1, eu-west-1, ap-southeast-1]", "[us-east-1, eu-west-1]"),
        "RF122",
        48,
        5,
    ),
    # RF123 rate limits and windows within AWS's ranges
    ("rate-limit-below-10", edit("login: {limit: 10,", "login: {limit: 5,"), "RF123", 27, 24),
    ("rate-window-90", edit("window_seconds: 60}", "window_seconds: 90}"), "RF123", 27, 44),
    (
        "cloudfront-rate-limit-too-high",
        edit("{limit: 1000, window_seconds: 300}", "{limit: 3000000000, window_seconds: 300}"),
        "RF123",
        51,
        18,
    ),
    # RF124 node group sizes consistent
    ("min-above-max", edit("min: 1\n", "min: 4\n"), "RF124", 17, 16),
    ("desired-above-max", edit("desired: 2\n", "desired: 5\n"), "RF124", 18, 20),
    ("max-zero", edit("          max: 2\n", "          max: 0\n"), "RF124", 24, 16),
    # RF125 GPU instance types with a GPU AMI type
    (
        "gpu-on-standard-ami",
        edit("ami_type: AL2023_x86_64_NVIDIA", "ami_type: AL2023_x86_64_STANDARD"),
        "RF125",
        22,
        21,
    ),
    (
        "gpu-mixed-with-cpu",
        edit("[g4dn.xlarge]", "[g4dn.xlarge, m5.large]"),
        "RF125",
        21,
        41,
    ),
    (
        "nvidia-ami-on-cpu",
        edit("[m5.large]\n", "[m5.large]\n          ami_type: AL2023_x86_64_NVIDIA\n"),
        "RF125",
        17,
        21,
    ),
    # RF126 EKS version supported
    ("eks-1-28", edit('"1.32"', '"1.28"'), "RF126", 13, 27),
    ("eks-1-40", edit('"1.32"', '"1.40"'), "RF126", 13, 27),
    ("eks-version-unquoted", edit('"1.32"', "1.30"), "RF012", 13, 27),
    # RF127 a WAF association ARN in the same region as its ACL
    (
        "association-in-other-region",
        edit("elasticloadbalancing:eu-west-1:", "elasticloadbalancing:eu-west-2:"),
        "RF127",
        31,
        11,
    ),
    # RF128 CLOUDFRONT scope only via us-east-1
    (
        "cloudfront-scope-in-eu-west-1",
        edit("    waf:\n", "    waf:\n      scope: CLOUDFRONT\n"),
        "RF128",
        26,
        14,
    ),
    (
        "cloudfront-scope-with-alb",
        edit("    waf:\n", "    waf:\n      scope: CLOUDFRONT\n"),
        "RF128",
        31,
        7,
    ),
    (
        "cloudfront-waf-with-alb",
        edit("cloudfront_waf:\n", "cloudfront_waf:\n  associate_alb_arns: []\n"),
        "RF010",
        50,
        3,
    ),
    # RF129 DNS routes to a defined region with an endpoint
    (
        "failover-to-undefined",
        edit("secondary: eu-west-2}", "secondary: eu-west-3}"),
        "RF129",
        44,
        42,
    ),
    ("failover-to-itself", edit("secondary: eu-west-2}", "secondary: eu-west-1}"), "RF129", 44, 42),
    ("continent-to-undefined", edit("{EU: eu-west-1}", "{EU: eu-central-1}"), "RF129", 42, 20),
    ("failover-without-endpoint", NO_DR_ENDPOINT, "RF129", 43, 42),
    # RF130 one name, one routing policy
    ("cdn-same-as-api", edit("  cdn: cdn", "  cdn: api"), "RF130", 41, 8),
    (
        "failover-named-like-tenant",
        edit("    app: {primary", "    alpha: {primary"),
        "RF130",
        53,
        3,
    ),
    # RF131 a cluster needs 2 AZs and NAT
    (
        "cluster-one-az",
        edit("cidr: 10.1.0.0/16\n", "cidr: 10.1.0.0/16\n      az_count: 1\n"),
        "RF131",
        11,
        17,
    ),
    (
        "cluster-without-nat",
        edit("cidr: 10.1.0.0/16\n", "cidr: 10.1.0.0/16\n      nat: none\n"),
        "RF131",
        11,
        12,
    ),
    # RF133 one CPU architecture per node group
    ("graviton-mixed-with-x86", edit("[m5.large]", "[m5.large, m7g.large]"), "RF133", 16, 38),
    (
        "arm-ami-on-x86",
        edit("[m5.large]\n", "[m5.large]\n          ami_type: AL2023_ARM_64_STANDARD\n"),
        "RF133",
        17,
        21,
    ),
    # RF132 admin allowlist country also blocked
    ("admin-country-blocked", edit("[KP]", "[KP, IE]"), "RF132", 28, 31),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_edge_rule_is_reported_exactly(
    tmp_path: Path, text: str, code: str, line: int, column: int
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    findings = lint_spec(spec)
    found = [(f.code, f.location.line, f.location.column) for f in findings]
    assert (code, line, column) in found, "\n".join(f.render() for f in findings)


def test_the_base_spec_is_clean(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(BASE)
    assert lint_spec(spec) == []


def test_every_edge_rule_has_a_failing_case() -> None:
    codes = {c[2] for c in CASES}
    assert {f"RF{n}" for n in range(120, 134)} <= codes
    assert len({c[0] for c in CASES}) == len(CASES)
