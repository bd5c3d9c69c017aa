"""RF136: a replica whose engine differs from its source's.

An Aurora Global Database secondary (`engine: aurora-postgresql` with `replica_of`) joins the
Global Database of an Aurora primary; an RDS read replica replicates an RDS instance. AWS has
no cross-region replica from one engine to the other: move the data with a migration (a
snapshot restore or logical replication) instead.

Fails:

    regions:
      eu-west-1:
        database: {instance_class: db.r6g.large}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 2, max_acu: 16}
          replica_of: eu-west-1

Passes:

    regions:
      eu-west-1:
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 2, max_acu: 16}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 2, max_acu: 16}
          replica_of: eu-west-1
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        database = region.database
        if database is None or database.replica_of is None:
            continue
        source = spec.region(database.replica_of)
        if source is None or source.database is None:
            continue  # RF140
        if source.database.engine != database.engine:
            what = "an Aurora secondary" if database.aurora else "an RDS read replica"
            yield rule.finding(
                f"the database of {region.name} is {what} ({database.engine}) of "
                f"{source.name}, whose database is {source.database.engine}",
                spec.source.value(("regions", region.name, "database", "replica_of")),
                hint=f"give both the same engine: engine: {source.database.engine}",
            )


RULE = Rule("RF136", "replica-engine", "Replica whose engine differs from its source's", check)
