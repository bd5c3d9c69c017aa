"""Static facts about AWS that lint needs offline and fast.

Availability-zone counts are what every account can use (opt-in and constrained zones
excluded); the vpc module still asks AWS for the zone names at plan time.
"""

from __future__ import annotations

import re

AZ_COUNTS: dict[str, int] = {
    "af-south-1": 3,
    "ap-east-1": 3,
    "ap-east-2": 3,
    "ap-northeast-1": 3,
    "ap-northeast-2": 4,
    "ap-northeast-3": 3,
    "ap-south-1": 3,
    "ap-south-2": 3,
    "ap-southeast-1": 3,
    "ap-southeast-2": 3,
    "ap-southeast-3": 3,
    "ap-southeast-4": 3,
    "ap-southeast-5": 3,
    "ap-southeast-7": 3,
    "ca-central-1": 3,
    "ca-west-1": 3,
    "eu-central-1": 3,
    "eu-central-2": 3,
    "eu-north-1": 3,
    "eu-south-1": 3,
    "eu-south-2": 3,
    "eu-west-1": 3,
    "eu-west-2": 3,
    "eu-west-3": 3,
    "il-central-1": 3,
    "me-central-1": 3,
    "me-south-1": 3,
    "mx-central-1": 3,
    "sa-east-1": 3,
    "us-east-1": 6,
    "us-east-2": 3,
    "us-west-1": 2,
    "us-west-2": 4,
    "us-gov-east-1": 3,
    "us-gov-west-1": 3,
    "cn-north-1": 3,
    "cn-northwest-1": 3,
}

# Where global resources (Route53 DNSSEC keys, CloudFront WAF, query logs) must live.
GLOBAL_REGION = "us-east-1"


def provider_alias(region: str) -> str:
    """The aws provider alias for a region: ap-south-1 → ap_south_1."""
    return region.replace("-", "_")


# Kubernetes versions the bundled eks module accepts and EKS still runs (standard or extended
# support). 1.28 and 1.29 are past the end of extended support (Nov 2025, Mar 2026): lint
# refuses them even though the module would still take them.
EKS_VERSIONS = ("1.30", "1.31", "1.32", "1.33")

# Where Route 53 runs its health checkers.
HEALTH_CHECKER_REGIONS = (
    "us-east-1",
    "us-west-1",
    "us-west-2",
    "eu-west-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "sa-east-1",
)
HEALTH_CHECK_INTERVALS = (10, 30)

# AWS WAF rate-based rules: the limit per client IP and the evaluation windows it offers.
WAF_RATE_LIMIT_RANGE = (10, 2_000_000_000)
WAF_RATE_WINDOWS = (60, 120, 300, 600)


def instance_family(instance_type: str) -> str:
    return instance_type.split(".", 1)[0]


def is_gpu_instance(instance_type: str) -> bool:
    """NVIDIA GPU families: g4dn, g5, g5g, g6, gr6, p3, p4d, p5 …"""
    family = instance_family(instance_type)
    return len(family) > 1 and family[0] in "gp" and (family[1].isdigit() or family[:2] == "gr")


def instance_architecture(instance_type: str) -> str:
    """arm64 for Graviton families (m7g, c6gn, t4g, g5g, a1), x86_64 otherwise."""
    family = instance_family(instance_type)
    graviton = family == "a1" or re.fullmatch(r"[a-z]+[0-9]+g[a-z]*", family) is not None
    return "arm64" if graviton else "x86_64"
