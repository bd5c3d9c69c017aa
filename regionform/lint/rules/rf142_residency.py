"""RF142: data copied to a region its origin region's residency does not allow.

The origin is where the data was first written, followed through every hop of the copy
graph: the backups of a read replica carry the primary's data, so the primary region's
`allow_copies_to` decides where they may go, and the finding points at the hop that leaves
what it allows (the replica's `backup_copies_to`), not at the replica.

Fails:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE, allow_copies_to: [eu-west-2]}
        database: {instance_class: db.r6g.large}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        database:
          instance_class: db.r6g.large
          replica_of: eu-west-1
          backup_copies_to: us-east-1
      us-east-1:
        role: regional
        vpc: {cidr: 10.3.0.0/16}

Passes:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE, allow_copies_to: [eu-west-2, us-east-1]}
        database: {instance_class: db.r6g.large}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        database:
          instance_class: db.r6g.large
          replica_of: eu-west-1
          backup_copies_to: us-east-1
      us-east-1:
        role: regional
        vpc: {cidr: 10.3.0.0/16}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.copies import Copy, allowed_text, copy_graph, verdicts
from regionform.spec.model import Spec

__all__ = ["allowed_text", "check", "through"]


def through(copy: Copy) -> str:
    """` (through its RDS read replica in ap-southeast-1)`, or nothing for a first hop."""
    if not copy.via:
        return ""
    return " (through " + ", ".join(f"its {hop.what} in {hop.target}" for hop in copy.via) + ")"


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    seen: set[tuple[object, ...]] = set()
    for copy in copy_graph(spec):
        for verdict in verdicts(spec, copy):
            if verdict.code != rule.code or verdict.allowed:
                continue
            key = (copy.path, copy.origin, copy.target)
            if key in seen:
                continue
            seen.add(key)
            yield rule.finding(
                f"{copy.what} copies data of {copy.origin}{through(copy)} from {copy.source} "
                f"to {copy.target}; {verdict.reason}",
                spec.source.value(copy.path),
                hint=f"remove the copy, or add {copy.target} to "
                f"regions.{copy.origin}.residency.allow_copies_to if the law allows it",
            )


RULE = Rule("RF142", "residency", "Data copied where its origin region's residency forbids", check)
