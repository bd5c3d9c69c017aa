"""RF140: a copy whose other end does not exist: a read replica whose source region has no
database (or is itself a replica), a Global Datastore secondary whose source has no primary
cache, or backups / AWS Backup copies / bucket replication / a DynamoDB global-table replica /
the security baseline's audit records (`security_baseline.audit_region`) sent to a region the
spec does not define.

Fails:

    regions:
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        database: {instance_class: db.r6g.large, replica_of: eu-west-1}

Passes:

    regions:
      eu-west-1:
        database: {instance_class: db.r6g.large}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        database: {instance_class: db.r6g.large, replica_of: eu-west-1}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Region, Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    defined = ", ".join(spec.region_names)
    for region in spec.regions:
        base = ("regions", region.name)
        database = region.database
        if database is not None and database.replica_of is not None:
            source = spec.region(database.replica_of)
            path = (*base, "database", "replica_of")
            if source is None or source.database is None:
                yield rule.finding(
                    f"the database of {region.name} is a replica of {database.replica_of}, "
                    + ("which is not under regions" if source is None else "which has no database"),
                    spec.source.value(path),
                    hint=f"give {database.replica_of} a database, or replicate one of: {defined}",
                )
            elif source.database.replica_of is not None:
                yield rule.finding(
                    f"the database of {region.name} is a replica of {source.name}, whose database "
                    f"is itself a replica of {source.database.replica_of}",
                    spec.source.value(path),
                    hint=f"replicate the primary: replica_of: {source.database.replica_of}",
                )
        if (
            database is not None
            and database.backup_copies_to is not None
            and spec.region(database.backup_copies_to) is None
        ):
            yield rule.finding(
                f"backups of {region.name} are copied to {database.backup_copies_to}, which "
                "is not under regions",
                spec.source.value((*base, "database", "backup_copies_to")),
                hint=f"add the region (it needs a KMS key there) or pick one of: {defined}",
            )
        cache = region.cache
        if cache is not None and cache.secondary_of is not None:
            source = spec.region(cache.secondary_of)
            if source is None or source.cache is None or not source.cache.global_primary:
                yield rule.finding(
                    f"the cache of {region.name} joins the Global Datastore of "
                    f"{cache.secondary_of}, which "
                    + (
                        "is not under regions"
                        if source is None
                        else "has no cache"
                        if source.cache is None
                        else "is not a Global Datastore primary"
                    ),
                    spec.source.value((*base, "cache", "global_datastore", "secondary_of")),
                    hint=f"set cache.global_datastore: primary in {cache.secondary_of}",
                )
        for bucket in region.buckets:
            if bucket.replicate_to is not None and spec.region(bucket.replicate_to) is None:
                yield rule.finding(
                    f"bucket {bucket.purpose!r} of {region.name} replicates to "
                    f"{bucket.replicate_to}, which is not under regions",
                    spec.source.value((*base, "buckets", bucket.purpose, "replicate_to")),
                    hint=f"add the region or pick one of: {defined}",
                )
        if (
            region.backup is not None
            and region.backup.copy_to is not None
            and spec.region(region.backup.copy_to) is None
        ):
            yield rule.finding(
                f"AWS Backup of {region.name} copies to {region.backup.copy_to}, which is not "
                "under regions",
                spec.source.value((*base, "backup", "copy_to")),
                hint=f"add the region (its vault receives the copies) or pick one of: {defined}",
            )
        yield from _table_replicas(rule, spec, region, defined)
    baseline = spec.security_baseline
    if (
        baseline is not None
        and (baseline.cloudtrail or baseline.config)
        and baseline.audit_region is not None
        and spec.region(baseline.audit_region) is None
    ):
        yield rule.finding(
            f"the audit records of every region go to {baseline.audit_region}, which is not "
            "under regions",
            spec.source.value(("security_baseline", "audit_region")),
            hint=f"pick one of: {defined}",
        )


def _table_replicas(rule: Rule, spec: Spec, region: Region, defined: str) -> Iterator[Finding]:
    """A global table's replica in a region the spec does not define (no key to encrypt it)."""
    for table in region.tables:
        for index, replica in enumerate(table.replicas):
            if spec.region(replica) is None:
                yield rule.finding(
                    f"table {table.name!r} of {region.name} has a replica in {replica}, which "
                    "is not under regions",
                    spec.source.value(
                        ("regions", region.name, "tables", table.name, "replicas", index)
                    ),
                    hint=f"add the region (its database key encrypts the replica) or pick one "
                    f"of: {defined}",
                )


RULE = Rule("RF140", "copy-source", "Replica or copy whose source or target does not exist", check)
