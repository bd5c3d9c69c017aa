"""Synthetic specs of any size, for benchmarks: N regions by M tenants that lint clean.

Every region gets its own /16, its own countries (a country may be served from one region
only) and, with `data_tier`, a KMS key set, a PostgreSQL database, a Redis cache and a
bucket. Tenants spread round-robin over the regions; every tenth is a silo tenant (its own
database, bucket and key), the rest are pooled.
"""

from __future__ import annotations

# Real regions, primary first; none is us-east-1 so the global root stays separate.
REGIONS = (
    "ap-south-1",
    "eu-west-2",
    "ap-southeast-1",
    "me-south-1",
    "eu-central-1",
    "us-west-2",
    "ca-central-1",
    "sa-east-1",
    "ap-northeast-1",
    "ap-southeast-2",
    "eu-west-1",
    "eu-north-1",
    "af-south-1",
    "ap-northeast-2",
    "eu-west-3",
    "us-east-2",
)
# Three countries per region, never shared between regions.
COUNTRIES = (
    ("IN", "LK", "NP"),
    ("GB", "IE", "IS"),
    ("SG", "MY", "TH"),
    ("AE", "BH", "OM"),
    ("DE", "AT", "CH"),
    ("US", "MX", "PA"),
    ("CA", "GL", "PM"),
    ("BR", "AR", "CL"),
    ("JP", "TW", "MN"),
    ("AU", "NZ", "FJ"),
    ("FR", "BE", "LU"),
    ("SE", "NO", "FI"),
    ("ZA", "NA", "BW"),
    ("KR", "PH", "VN"),
    ("ES", "PT", "IT"),
    ("CO", "PE", "EC"),
)
MAX_REGIONS = len(REGIONS)


def synthetic_spec(regions: int, tenants: int, *, data_tier: bool = True) -> str:
    """YAML text of a spec with `regions` regions and `tenants` tenants."""
    if not 1 <= regions <= MAX_REGIONS:
        raise ValueError(f"regions must be 1..{MAX_REGIONS}")
    names = REGIONS[:regions]
    lines = [
        "version: 1",
        "project: synthetic",
        "environment: bench",
        "state: {backend: local}",
        "regions:",
    ]
    for index, name in enumerate(names):
        role = "primary" if index == 0 else "regional"
        lines += [
            f"  {name}:",
            f"    role: {role}",
            f"    vpc: {{cidr: 10.{index + 1}.0.0/16, az_count: 2, nat: single}}",
        ]
        if data_tier:
            lines += [
                "    kms: {}",
                "    database: {instance_class: db.r6g.large, storage_gb: 100}",
                "    cache: {node_type: cache.r6g.large}",
                "    buckets: {documents: {}}",
            ]
    lines.append("tenants:")
    for number in range(tenants):
        index = number % regions
        tier = "silo" if number % 10 == 9 else "pooled"
        lines += [
            f"  tenant-{number:04d}:",
            f"    home: {names[index]}",
            f"    countries: [{COUNTRIES[index][number % 3]}]",
            f"    tier: {tier}",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regions", type=int, default=4)
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--no-data-tier", action="store_true")
    args = parser.parse_args()
    print(synthetic_spec(args.regions, args.tenants, data_tier=not args.no_data_tier), end="")
