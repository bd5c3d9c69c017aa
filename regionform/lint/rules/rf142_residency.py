"""RF142: data copied to a region the source region's residency does not allow.

`residency.allow_copies_to` on a region says where copies of its data may go (omitted: no
restriction stated; `[]`: nowhere). Every copy the estate makes (RDS read replicas,
automated-backup copies, S3 replication, Global Datastore members) is checked at the line
that asks for it.

Fails:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE, allow_copies_to: []}
        buckets:
          documents: {replicate_to: eu-west-2}
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}

Passes:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE, allow_copies_to: [eu-west-2]}
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
from regionform.spec.data import data_copies
from regionform.spec.model import Spec


def allowed_text(allowed: tuple[str, ...]) -> str:
    return "only to " + ", ".join(allowed) if allowed else "nowhere"


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for copy in data_copies(spec):
        source = spec.region(copy.source)
        if source is None or source.residency is None or copy.source == copy.target:
            continue
        allowed = source.residency.allow_copies_to
        if allowed is None or copy.target in allowed:
            continue
        law = f" ({source.residency.law})" if source.residency.law else ""
        yield rule.finding(
            f"{copy.what} copies data of {copy.source} to {copy.target}; the residency of "
            f"{copy.source}{law} allows copies {allowed_text(allowed)}",
            spec.source.value(copy.path),
            hint=f"remove the copy, or add {copy.target} to "
            f"regions.{copy.source}.residency.allow_copies_to if the law allows it",
        )


RULE = Rule("RF142", "residency", "Data copied where its region's residency forbids", check)
