"""RF144: an instance class or node type that does not fit its engine: a non-RDS class (or a
family RDS for PostgreSQL does not offer) for a database, a non-ElastiCache node type for a
cache, a burstable node in a Global Datastore, a node type on a Global Datastore secondary
(it inherits the primary's) or none on a cache that needs one, and a replica that states an
engine version other than its source's.

Fails:

    regions:
      eu-west-1:
        cache: {node_type: cache.t3.medium, global_datastore: primary}

Passes:

    regions:
      eu-west-1:
        cache: {node_type: cache.r6g.large, global_datastore: primary}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec

CLASS = re.compile(r"^(db|cache)\.([a-z0-9-]+)\.([a-z0-9]+)$")
# Instance families RDS for PostgreSQL offers.
POSTGRES_FAMILIES = frozenset(
    (
        *("t3", "t4g", "m5", "m5d", "m6g", "m6gd", "m6i", "m6id", "m6idn", "m6in"),
        *("m7g", "m7gd", "m7i", "r5", "r5b", "r5d", "r6g", "r6gd", "r6i", "r6id"),
        *("r6idn", "r6in", "r7g", "r7gd", "r7i", "r8g", "x2g", "x2idn", "x2iedn", "x2iezn"),
    )
)
# Aurora PostgreSQL's provisioned classes (Serverless v2 is db.serverless, written as
# `serverless:`): memory-optimised and burstable families only.
AURORA_FAMILIES = frozenset(
    ("t3", "t4g", "r5", "r6g", "r6gd", "r6i", "r6id", "r7g", "r7i", "r8g", "x2g")
)


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        base = ("regions", region.name)
        database = region.database
        if database is not None:
            path = (*base, "database", "instance_class")
            # Aurora Serverless v2 names no class (its instances are db.serverless).
            match = CLASS.match(database.instance_class or "")
            families, engine = (
                (AURORA_FAMILIES, "Aurora PostgreSQL")
                if database.aurora
                else (POSTGRES_FAMILIES, "RDS for PostgreSQL")
            )
            if database.instance_class is None:
                pass
            elif not match or match.group(1) != "db":
                yield rule.finding(
                    f"{database.instance_class!r} is not an RDS instance class",
                    spec.source.value(path),
                    hint="use db.<family>.<size>, e.g. db.r6g.xlarge",
                )
            elif match.group(2) not in families:
                yield rule.finding(
                    f"{engine} has no {match.group(2)} instances ({database.instance_class})",
                    spec.source.value(path),
                    hint=f"pick a family {engine} offers: " + ", ".join(sorted(families)),
                )
            source = spec.region(database.replica_of or "")
            if (
                source is not None
                and source.database is not None
                and database.engine_version is not None
                and database.engine_version != source.database.engine_version
            ):
                yield rule.finding(
                    f"the replica in {region.name} states engine version "
                    f"{database.engine_version}, its source in {source.name} runs "
                    f"{source.database.engine_version or 'the default'}",
                    spec.source.value((*base, "database", "engine_version")),
                    hint="drop engine_version from the replica: it runs its source's",
                )
        cache = region.cache
        if cache is None:
            continue
        path = (*base, "cache", "node_type")
        if cache.secondary_of is not None:
            if cache.node_type is not None:
                yield rule.finding(
                    "a Global Datastore secondary inherits the primary's node type",
                    spec.source.value(path),
                    hint="drop node_type here",
                )
            continue
        if cache.node_type is None:
            yield rule.finding(
                f"the cache of {region.name} has no node_type",
                spec.source.key((*base, "cache")),
                hint="set node_type, e.g. cache.r6g.large",
            )
            continue
        match = CLASS.match(cache.node_type)
        if not match or match.group(1) != "cache":
            yield rule.finding(
                f"{cache.node_type!r} is not an ElastiCache node type",
                spec.source.value(path),
                hint="use cache.<family>.<size>, e.g. cache.r6g.large",
            )
        elif cache.global_primary and match.group(2).startswith("t"):
            yield rule.finding(
                f"Global Datastore does not support burstable nodes ({cache.node_type})",
                spec.source.value(path),
                hint="use an m or r family, e.g. cache.r6g.large",
            )


RULE = Rule("RF144", "instance-class", "Instance class or engine does not fit", check)
