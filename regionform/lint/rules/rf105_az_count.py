"""RF105: az_count asks for more availability zones than the region offers every account.

Subnets are spread over the first `az_count` availability zones of the region; asking
for more than the region offers every account would fail at apply.

Fails:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, az_count: 4}

Passes:

    regions:
      eu-west-1:
        vpc: {cidr: 10.1.0.0/16, az_count: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.aws import AZ_COUNTS
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        offered = AZ_COUNTS.get(region.name)
        if offered is not None and region.vpc.az_count > offered:
            yield rule.finding(
                f"az_count {region.vpc.az_count} but {region.name} offers {offered} "
                "availability zones",
                spec.source.value(("regions", region.name, "vpc", "az_count")),
                hint=f"set az_count to {offered} or fewer",
            )


RULE = Rule("RF105", "az-count", "More AZs than the region offers", check)
