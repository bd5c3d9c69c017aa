"""RF104: a region key that is not an AWS region regionform knows.

Region keys are AWS region names, which become provider aliases and parts of AWS names.
regionform knows every commercial region (`regionform/spec/aws.py`); a typo would otherwise
only show at `terraform plan`.

Fails:

    regions:
      eu-west-9:
        role: regional
        vpc: {cidr: 10.2.0.0/16}

Passes:

    regions:
      eu-west-3:
        role: regional
        vpc: {cidr: 10.2.0.0/16}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.aws import AZ_COUNTS
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        if region.name in AZ_COUNTS:
            continue
        near = difflib.get_close_matches(region.name, list(AZ_COUNTS), n=1)
        yield rule.finding(
            f"{region.name!r} is not an AWS region",
            spec.source.key(("regions", region.name)),
            hint=f"did you mean {near[0]!r}?" if near else "use an AWS region name",
        )
    state = spec.state
    if state.region is not None and state.region not in AZ_COUNTS:
        yield rule.finding(
            f"state bucket region {state.region!r} is not an AWS region",
            spec.source.value(("state", "region")),
        )


RULE = Rule("RF104", "unknown-region", "Region is not an AWS region", check)
