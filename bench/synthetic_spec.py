"""Synthetic specs for the scale benchmark: R regions, T tenants, lint-clean at every size.

Each region gets its own /16 (10.<n>.0.0/16), a residency jurisdiction, countries no other
region serves, a primary PostgreSQL database and a documents bucket, so silo tenants get
their dedicated database, bucket and keys. Tenants are spread round-robin over the regions;
every tenth is silo, the rest pooled.

    python bench/synthetic_spec.py 4 1000 > spec.yaml
"""

from __future__ import annotations

import sys

# Real regions (all in regionform's AZ table), each with the countries only it serves; the
# first country is its residency jurisdiction.
REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ap-south-1", ("IN", "NP", "BD")),
    ("ap-southeast-1", ("SG", "MY", "TH")),
    ("eu-west-2", ("GB", "IE")),
    ("me-south-1", ("AE", "QA", "BH")),
    ("us-east-1", ("US", "PR")),
    ("eu-central-1", ("DE", "AT", "CH")),
    ("ap-northeast-1", ("JP",)),
    ("ap-southeast-2", ("AU", "NZ")),
    ("sa-east-1", ("BR", "AR", "CL")),
    ("ca-central-1", ("CA",)),
    ("eu-west-3", ("FR", "BE", "LU")),
    ("af-south-1", ("ZA", "NA", "BW")),
    ("ap-northeast-2", ("KR",)),
    ("eu-north-1", ("SE", "NO", "FI")),
    ("il-central-1", ("IL",)),
    ("ap-southeast-3", ("ID", "PH", "VN")),
)


def build_spec(regions: int, tenants: int) -> str:
    if not 1 <= regions <= len(REGIONS):
        raise ValueError(f"regions must be 1..{len(REGIONS)}")
    chosen = REGIONS[:regions]
    lines = [
        "version: 1",
        "project: scaleco",
        "environment: production",
        "state: {backend: s3, bucket: scaleco-terraform-state, region: ap-south-1}",
        "tags: {Owner: platform}",
        "regions:",
    ]
    for index, (name, countries) in enumerate(chosen):
        lines += [
            f"  {name}:",
            f"    role: {'primary' if index == 0 else 'regional'}",
            f"    vpc: {{cidr: 10.{index + 1}.0.0/16, az_count: 2, nat: single}}",
            f"    residency: {{jurisdiction: {countries[0]}}}",
            "    database: {instance_class: db.r6g.large, storage_gb: 100}",
            "    buckets: {documents: {tiering_after_days: 30}}",
        ]
    lines.append("tenants:")
    for index in range(tenants):
        home, countries = chosen[index % regions]
        served = ", ".join(countries[: index % len(countries) + 1])
        lines += [
            f"  tenant-{index:04d}:",
            f"    home: {home}",
            f"    countries: [{served}]",
            f"    tier: {'silo' if index % 10 == 0 else 'pooled'}",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(build_spec(int(sys.argv[1]), int(sys.argv[2])))
