"""RF135: more Aurora instances than the VPC has AZs.

The writer and readers are spread one per AZ (the writer in the first, reader N in the next):
with more instances than `vpc.az_count` two of them share an AZ, so losing that AZ takes both
and a failover has no reader elsewhere to promote. A Global Database secondary has no writer,
so it can have az_count readers.

Fails:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, az_count: 2}
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 2, max_acu: 16}
          readers: 2

Passes:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, az_count: 3}
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 2, max_acu: 16}
          readers: 2
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding, Severity
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        database = region.database
        if database is None or not database.aurora:
            continue
        writer = 0 if database.replica_of is not None else 1
        most = region.vpc.az_count - writer
        if database.readers > most:
            path = ("regions", region.name, "database", "readers")
            location = (
                spec.source.value(path)
                if path in spec.source.values
                else spec.source.value(path[:-1])
            )
            yield rule.finding(
                f"{database.readers} readers{' and a writer' if writer else ''} in "
                f"{region.vpc.az_count} AZs: two instances share an AZ",
                location,
                hint=f"use at most {most} readers, or raise vpc.az_count",
            )


RULE = Rule(
    "RF135",
    "aurora-readers",
    "More Aurora instances than AZs",
    check,
    Severity.WARNING,
)
