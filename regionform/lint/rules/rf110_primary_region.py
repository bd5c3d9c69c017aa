"""RF110: the estate needs exactly one primary region (the default route and global home).

The primary region is where global things default to: the geolocation default, the
estate-wide outputs. Other regions are `dr` or `regional`.

Fails:

    regions:
      eu-west-1:
        role: dr

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
    primaries = [r for r in spec.regions if r.role == "primary"]
    if not primaries:
        yield rule.finding(
            "no region has role: primary",
            spec.source.key(("regions",)),
            hint="mark the region that serves by default with role: primary",
        )
    for extra in primaries[1:]:
        yield rule.finding(
            f"{extra.name} is a second primary region (after {primaries[0].name})",
            spec.source.value(("regions", extra.name, "role")),
            hint="keep one primary; use role: regional for regions serving their own tenants",
        )


RULE = Rule("RF110", "primary-region", "Not exactly one primary region", check)
