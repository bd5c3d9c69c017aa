"""The data tier derived from the model: where data is copied, which regions need keys.

Lint (residency) and the generators read the same answers from here, so what lint checks is
exactly what the generated Terraform does.
"""

from __future__ import annotations

from dataclasses import dataclass

from regionform.spec.model import Bucket, Region, Spec

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class DataCopy:
    """One place where data leaves its region: the spec value that asks for it."""

    what: str  # e.g. "RDS read replica"
    source: str  # region whose data is copied
    target: str  # region receiving the copy
    path: Path  # the spec value naming the other region
    # True when only the region's shared resource is copied: silo tenants' dedicated databases
    # get no read replica and their buckets no replication; their backups follow the region's
    # backup_copies_to and they share the region's cache, so those copies carry their data.
    shared_only: bool = False


def data_copies(spec: Spec) -> list[DataCopy]:
    copies: list[DataCopy] = []
    for region in spec.regions:
        base: Path = ("regions", region.name)
        database = region.database
        if database is not None:
            if database.replica_of is not None:
                copies.append(
                    DataCopy(
                        "RDS read replica",
                        database.replica_of,
                        region.name,
                        (*base, "database", "replica_of"),
                        shared_only=True,
                    )
                )
            if database.backup_copies_to is not None:
                copies.append(
                    DataCopy(
                        "RDS automated-backup replication",
                        region.name,
                        database.backup_copies_to,
                        (*base, "database", "backup_copies_to"),
                    )
                )
        cache = region.cache
        if cache is not None and cache.secondary_of is not None:
            copies.append(
                DataCopy(
                    "Redis Global Datastore member",
                    cache.secondary_of,
                    region.name,
                    (*base, "cache", "global_datastore", "secondary_of"),
                )
            )
        for bucket in region.buckets:
            if bucket.replicate_to is not None:
                copies.append(
                    DataCopy(
                        f"S3 replication of bucket {bucket.purpose!r}",
                        region.name,
                        bucket.replicate_to,
                        (*base, "buckets", bucket.purpose, "replicate_to"),
                        shared_only=True,
                    )
                )
    return copies


def replica_buckets(spec: Spec, region: Region) -> list[Bucket]:
    """Buckets other regions replicate into this one that it does not declare itself."""
    declared = {bucket.purpose for bucket in region.buckets}
    found: dict[str, Bucket] = {}
    for other in spec.regions:
        for bucket in other.buckets:
            if bucket.replicate_to == region.name and bucket.purpose not in declared:
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
    if region.database or region.cache or region.buckets:
        return True
    return any(copy.target == region.name for copy in data_copies(spec))


def needs_s3(spec: Spec, region: Region) -> bool:
    return bool(region.buckets or replica_buckets(spec, region) or silo_tenants(spec, region))
