"""RF141: a replica, backup copy, replication rule or Global Datastore member in its own region.

A copy in the source's own region protects against nothing a region failure takes down,
and AWS refuses most of them (a cross-region read replica, a backup replication, a Global
Datastore member need another region).

Fails:

    regions:
      eu-west-1:
        buckets:
          documents: {replicate_to: eu-west-1}

Passes:

    regions:
      eu-west-1:
        buckets:
          documents: {replicate_to: eu-west-2}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.copies import copy_graph
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    seen: set[tuple[str | int, ...]] = set()
    for copy in copy_graph(spec):
        if copy.source == copy.target and copy.path not in seen:
            seen.add(copy.path)
            yield rule.finding(
                f"{copy.what} copies {copy.source} into its own region",
                spec.source.value(copy.path),
                hint="name another region: a copy in the same region protects against nothing "
                "Multi-AZ does not already cover",
            )


RULE = Rule("RF141", "copy-own-region", "Replica or copy in its own region", check)
