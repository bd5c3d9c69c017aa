"""S3 names: one bucket per purpose (<project>-<env>-<purpose>-<region>) and per silo tenant."""

from __future__ import annotations

from regionform.spec.data import needs_s3, replica_buckets
from regionform.spec.model import Region, Spec, Tenant
from regionform.spec.names import PARTITION, DerivedName
from regionform.spec.quotas import Usage

BUCKET_NAME_LIMIT = 63
PURPOSE_LIMIT = 32  # the module's bucket key
# What `derived` calls the names that are buckets (the rest are map keys).
BUCKET_KINDS = ("S3 bucket", "S3 replica bucket")


def call_name(region: Region) -> str:
    return f"s3_{region.alias}"


def tenant_key(tenant_id: str) -> str:
    return f"tenant-{tenant_id}"


def tenant_purpose(tenant: Tenant) -> str:
    return tenant_key(tenant.id)


def bucket_name(spec: Spec, region: Region, purpose: str) -> str:
    return f"{spec.prefix}-{purpose}-{region.name}"


def bucket_arn(name_prefix: str, purpose: str, region: str) -> str:
    """The ARN of the s3 module's bucket `<name_prefix>-<purpose>-<region>`, as a template."""
    return f"arn:{PARTITION}:s3:::{name_prefix}-{purpose}-{region}"


def silo_tenants(spec: Spec, region: Region) -> list[Tenant]:
    return [t for t in spec.tenants if t.tier == "silo" and t.home == region.name]


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        if not needs_s3(spec, region):
            continue
        base = ("regions", region.name)
        names.append(
            DerivedName(
                bucket_name(spec, region, "access-logs"), BUCKET_NAME_LIMIT, "S3 bucket", base
            )
        )
        for bucket in region.buckets:
            names.append(
                DerivedName(
                    bucket_name(spec, region, bucket.name_purpose),
                    BUCKET_NAME_LIMIT,
                    "S3 bucket",
                    (*base, "buckets", bucket.purpose),
                )
            )
        for bucket in replica_buckets(spec, region):
            names.append(
                DerivedName(
                    bucket_name(spec, region, bucket.name_purpose),
                    BUCKET_NAME_LIMIT,
                    "S3 replica bucket",
                    base,
                )
            )
        for tenant in silo_tenants(spec, region):
            path = ("tenants", tenant.id)
            purpose = tenant_purpose(tenant)
            names.append(DerivedName(purpose, PURPOSE_LIMIT, "S3 bucket purpose", path))
            names.append(
                DerivedName(
                    bucket_name(spec, region, tenant_key(tenant.name_key)),
                    BUCKET_NAME_LIMIT,
                    "S3 bucket",
                    path,
                )
            )
    return names


def counts(spec: Spec) -> list[Usage]:
    """IAM roles: one replication role per bucket that replicates to another region.
    S3 buckets, one account-wide figure: every bucket the s3 module creates (each region's
    access-logs bucket, its buckets, the replicas of other regions' buckets, and a bucket per
    silo tenant), exactly the bucket names `derived` lists."""
    usages = []
    roles = sum(
        1
        for region in spec.regions
        for bucket in region.buckets
        if bucket.replicate_to is not None and spec.region(bucket.replicate_to) is not None
    )
    if roles:
        usages.append(Usage("iam-roles", "account", roles, ("regions",)))
    buckets = sum(1 for name in derived(spec) if name.what in BUCKET_KINDS)
    if buckets:
        usages.append(Usage("s3-buckets", "account", buckets, ("regions",)))
    return usages
