"""RF125: GPU instance types need a GPU (NVIDIA) AMI type, and only they get one.

A node group mixing GPU and non-GPU types would boot some nodes on the wrong AMI.

Fails:

    regions:
      eu-west-1:
        cluster:
          node_groups:
            gpu:
              instance_types: [g4dn.xlarge]
              ami_type: AL2023_x86_64_STANDARD
              min: 0
              max: 2

Passes:

    regions:
      eu-west-1:
        cluster:
          node_groups:
            gpu:
              instance_types: [g4dn.xlarge]
              ami_type: AL2023_x86_64_NVIDIA
              min: 0
              max: 2
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, node_groups
from regionform.spec.aws import is_gpu_instance
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, group, at in node_groups(spec):
        gpu = [is_gpu_instance(t) for t in group.instance_types]
        if any(gpu) and not all(gpu):
            index = gpu.index(not gpu[0])
            yield rule.finding(
                f"node group {group.name!r} mixes GPU and non-GPU instance types "
                f"({group.instance_types[0]}, {group.instance_types[index]})",
                spec.source.value((*at, "instance_types", index)),
                hint="put GPU instance types in a node group of their own",
            )
            continue
        if group.ami_type is None:
            continue  # the module derives it from the instance type
        nvidia = "NVIDIA" in group.ami_type
        if all(gpu) and not nvidia:
            yield rule.finding(
                f"node group {group.name!r} runs GPU instances "
                f"({group.instance_types[0]}) on {group.ami_type}, which has no GPU driver",
                spec.source.value((*at, "ami_type")),
                hint="use AL2023_x86_64_NVIDIA (or drop ami_type to derive it)",
            )
        elif not any(gpu) and nvidia:
            yield rule.finding(
                f"node group {group.name!r} uses the GPU AMI {group.ami_type} on "
                f"non-GPU instances ({group.instance_types[0]})",
                spec.source.value((*at, "ami_type")),
                hint="use a STANDARD AMI type (or drop ami_type to derive it)",
            )


RULE = Rule("RF125", "gpu-ami-type", "GPU instance types without a GPU AMI type", check)
