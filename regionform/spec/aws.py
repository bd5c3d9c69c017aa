"""Static facts about AWS that lint needs offline and fast.

Availability-zone counts are what every account can use (opt-in and constrained zones
excluded); the vpc module still asks AWS for the zone names at plan time.
"""

from __future__ import annotations

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
