"""RF124: node group sizes must satisfy 1 <= max and min <= desired <= max.

EKS managed node groups need `max` of at least 1 and `min <= desired <= max`
(`desired` defaults to `min`, at least 1).

Fails:

    regions:
      eu-west-1:
        cluster:
          node_groups:
            general: {instance_types: [m5.large], min: 3, max: 2}

Passes:

    regions:
      eu-west-1:
        cluster:
          node_groups:
            general: {instance_types: [m5.large], min: 1, max: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, node_groups
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, group, at in node_groups(spec):
        if group.max < 1:
            yield rule.finding(
                f"node group {group.name!r} has max {group.max}; EKS needs at least 1",
                spec.source.value((*at, "max")),
                hint="set max to 1 or more",
            )
        elif group.min > group.max:
            yield rule.finding(
                f"node group {group.name!r} has min {group.min} above max {group.max}",
                spec.source.value((*at, "min")),
                hint="make min <= desired <= max",
            )
        elif not group.min <= group.desired <= group.max:
            yield rule.finding(
                f"node group {group.name!r} wants {group.desired} nodes, outside "
                f"{group.min}-{group.max}",
                spec.source.value((*at, "desired")),
                hint="make min <= desired <= max",
            )


RULE = Rule("RF124", "node-group-sizes", "Node group sizes inconsistent", check)
