"""RF133: a node group's instance types and AMI type must share one CPU architecture.

One launch template serves the whole node group, so Graviton (arm64) and x86_64 types cannot
mix, and an ARM_64 AMI cannot boot x86_64 instances (or the reverse).

Fails:

    regions:
      eu-west-1:
        cluster:
          node_groups:
            general: {instance_types: [m6g.large, m5.large], min: 1, max: 3}

Passes:

    regions:
      eu-west-1:
        cluster:
          node_groups:
            general: {instance_types: [m6g.large, m7g.large], min: 1, max: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, node_groups
from regionform.spec.aws import instance_architecture
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, group, at in node_groups(spec):
        arch = [instance_architecture(t) for t in group.instance_types]
        odd = next((i for i, a in enumerate(arch) if a != arch[0]), None)
        if odd is not None:
            yield rule.finding(
                f"node group {group.name!r} mixes {arch[0]} ({group.instance_types[0]}) and "
                f"{arch[odd]} ({group.instance_types[odd]}) instance types",
                spec.source.value((*at, "instance_types", odd)),
                hint="put each architecture in a node group of its own",
            )
            continue
        if group.ami_type is None:
            continue
        ami_arch = "arm64" if "ARM_64" in group.ami_type else "x86_64"
        if ami_arch != arch[0]:
            yield rule.finding(
                f"node group {group.name!r} boots {arch[0]} instances "
                f"({group.instance_types[0]}) from the {ami_arch} AMI {group.ami_type}",
                spec.source.value((*at, "ami_type")),
                hint="drop ami_type to derive it from the instance type",
            )


RULE = Rule(
    "RF133",
    "node-group-architecture",
    "Node group mixes CPU architectures or boots the wrong AMI architecture",
    check,
)
