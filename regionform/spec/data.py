"""The data tier derived from the model and its copy graph: replica buckets, key regions.

Lint (residency) and the generators read the same copy graph (`regionform.spec.copies`), so
what lint checks is exactly what the generated Terraform does.
"""

from __future__ import annotations

from regionform.spec.copies import KEY_PURPOSE, S3_REPLICATION, copies_into
from regionform.spec.model import Bucket, Region, Spec
from regionform.spec.services import services


def replica_buckets(spec: Spec, region: Region) -> list[Bucket]:
    """Buckets other regions replicate into this one that it does not declare itself."""
    declared = {bucket.purpose for bucket in region.buckets}
    found: dict[str, Bucket] = {}
    for copy in copies_into(spec, region.name):
        source = spec.region(copy.source)
        if copy.kind != S3_REPLICATION or source is None:
            continue
        for bucket in source.buckets:
            if copy.bucket == bucket.purpose and bucket.purpose not in declared:
                # The replica keeps the source's lifecycle and lock, and replicates nowhere.
                found.setdefault(
                    bucket.purpose,
                    Bucket(
                        purpose=bucket.purpose,
                        tiering_after_days=bucket.tiering_after_days,
                        glacier_after_days=bucket.glacier_after_days,
                        expire_after_days=bucket.expire_after_days,
                        object_lock=bucket.object_lock,
                        # A renamed source renames its replica too, keeping its name.
                        renamed_from=bucket.renamed_from,
                    ),
                )
    return [found[purpose] for purpose in sorted(found)]


def silo_tenants(spec: Spec, region: Region) -> list[str]:
    return [t.id for t in spec.tenants if t.tier == "silo" and t.home == region.name]


def needs_kms(spec: Spec, region: Region) -> bool:
    """The region holds or receives data, so it gets its customer-managed keys."""
    if region.database or region.cache or region.buckets or region.tables:
        return True
    if services(spec, region):  # log groups, queues and secrets use the region's keys
        return True
    # Copies under a customer key only (CloudFront's logs use SSE-S3).
    return any(c.kind in KEY_PURPOSE for c in copies_into(spec, region.name))


def needs_s3(spec: Spec, region: Region) -> bool:
    return bool(region.buckets or replica_buckets(spec, region) or silo_tenants(spec, region))


def cdn_buckets(spec: Spec, region: Region) -> list[str]:
    """Purposes of this region's buckets a CloudFront origin reads (through OAC)."""
    cdn = spec.cdn
    if cdn is None:
        return []
    declared = {bucket.purpose for bucket in region.buckets}
    return sorted(
        {
            str(o.purpose)
            for o in cdn.origins
            if o.kind == "bucket" and o.region == region.name and o.purpose in declared
        }
    )


def cdn_reads(spec: Spec, region: Region) -> bool:
    return bool(cdn_buckets(spec, region))
