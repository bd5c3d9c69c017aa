"""RF145: a retention, size or count of the data tier outside what AWS accepts.

The ranges are AWS's: automated backups 1-35 days, cache snapshots 0-35, KMS rotation
90-2560 days, Object Lock 1-100 years, storage 20-65536 GB, and a bucket's lifecycle
transitions in order (Intelligent-Tiering, then Glacier, then expiry).

Fails:

    regions:
      eu-west-1:
        buckets:
          documents: {tiering_after_days: 90, glacier_after_days: 30}

Passes:

    regions:
      eu-west-1:
        buckets:
          documents: {tiering_after_days: 30, glacier_after_days: 90}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec

Path = tuple[str | int, ...]


def _range(
    rule: Rule, spec: Spec, path: Path, value: int | None, low: int, high: int, what: str
) -> Iterator[Finding]:
    if value is not None and not low <= value <= high:
        yield rule.finding(
            f"{what} is {value}; AWS allows {low}-{high}",
            spec.source.value(path),
            hint=f"use a value from {low} to {high}",
        )


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        base: Path = ("regions", region.name)
        kms: Path = (*base, "kms", "rotation_period_in_days")
        if kms in spec.source.values:
            yield from _range(
                rule, spec, kms, region.kms.rotation_period_in_days, 90, 2560, "KMS rotation period"
            )
        database = region.database
        if database is not None:
            db: Path = (*base, "database")
            yield from _range(
                rule,
                spec,
                (*db, "backup_retention_days"),
                database.backup_retention_days,
                1,
                35,
                "backup retention (days)",
            )
            yield from _range(
                rule, spec, (*db, "storage_gb"), database.storage_gb, 20, 65536, "storage (GB)"
            )
            if database.max_storage_gb is not None:
                yield from _range(
                    rule,
                    spec,
                    (*db, "max_storage_gb"),
                    database.max_storage_gb,
                    database.storage_gb,
                    65536,
                    "storage autoscaling ceiling (GB)",
                )
        cache = region.cache
        if cache is not None:
            cp: Path = (*base, "cache")
            yield from _range(
                rule,
                spec,
                (*cp, "snapshot_retention_days"),
                cache.snapshot_retention_days,
                0,
                35,
                "snapshot retention (days)",
            )
            yield from _range(rule, spec, (*cp, "replicas"), cache.replicas, 0, 5, "replicas")
            yield from _range(rule, spec, (*cp, "shards"), cache.shards, 1, 500, "shards")
        for bucket in region.buckets:
            bp: Path = (*base, "buckets", bucket.purpose)
            if bucket.object_lock is not None:
                yield from _range(
                    rule,
                    spec,
                    (*bp, "object_lock", "years"),
                    bucket.object_lock.years,
                    1,
                    100,
                    "Object Lock retention (years)",
                )
            steps = [
                ("tiering_after_days", bucket.tiering_after_days, 0),
                ("glacier_after_days", bucket.glacier_after_days, 0),
                ("expire_after_days", bucket.expire_after_days, 1),
            ]
            previous: tuple[str, int] | None = None
            for key, days, low in steps:
                if days is None:
                    continue
                if days < low:
                    yield from _range(rule, spec, (*bp, key), days, low, 36500, key)
                elif previous is not None and days <= previous[1]:
                    yield rule.finding(
                        f"{key} ({days}) must come after {previous[0]} ({previous[1]})",
                        spec.source.value((*bp, key)),
                        hint="S3 lifecycle steps must be in increasing order of days",
                    )
                previous = (key, days)


RULE = Rule("RF145", "aws-range", "Retention, size or count outside what AWS accepts", check)
