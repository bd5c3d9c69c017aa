"""RF151: `renamed_from` on a region.

A region's key is its AWS region name. "Renaming" ap-south-1 to ap-south-2 would mean moving
databases, buckets, keys and clusters to another region, which no Terraform `moved` block can
do: AWS resources live in exactly one region. So regionform refuses it and says how to
migrate instead.

Fails:

    regions:
      eu-west-1:
        renamed_from: eu-west-2

Passes:

    regions:
      eu-west-2:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        if region.renamed_from:
            old = ", ".join(region.renamed_from)
            yield rule.finding(
                f"region {region.name!r} cannot be renamed from {old}: a region key is the AWS "
                "region, and AWS resources cannot move between regions",
                spec.source.key(("regions", region.name, "renamed_from")),
                hint=f"remove renamed_from; to migrate, keep {old} and add {region.name} beside "
                "it, copy the data there (database replica_of, bucket replicate_to), move DNS, "
                f"then delete {old} with regionform plan --allow-destroy",
            )


RULE = Rule(
    "RF151", "region-renamed", "A region cannot be renamed (resources stay in their region)", check
)
