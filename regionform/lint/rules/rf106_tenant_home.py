"""RF106: a tenant homed in a region the spec does not define.

A tenant's data lives in its home region, so the home must be one of the spec's
regions.

Fails:

    tenants:
      alpha: {home: eu-west-2, countries: [IE]}

Passes:

    tenants:
      alpha: {home: eu-west-1, countries: [IE]}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    regions = list(spec.region_names)
    for tenant in spec.tenants:
        if tenant.home in regions:
            continue
        near = difflib.get_close_matches(tenant.home, regions, n=1)
        yield rule.finding(
            f"tenant {tenant.id!r} is homed in {tenant.home}, which is not under regions",
            spec.source.value(("tenants", tenant.id, "home")),
            hint=f"did you mean {near[0]!r}?"
            if near
            else "add the region or pick one of: " + ", ".join(regions),
        )


RULE = Rule("RF106", "tenant-home", "Tenant home region is not defined", check)
