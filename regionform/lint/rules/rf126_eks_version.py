"""RF126: a Kubernetes version EKS does not (or no longer) support.

The modules pin the versions EKS supports (standard or extended support); anything else
fails at apply, or creates a cluster that is already out of support. Quote the version:
unquoted, YAML reads 1.30 as the number 1.3.

Fails:

    regions:
      eu-west-1:
        cluster:
          kubernetes_version: "1.25"

Passes:

    regions:
      eu-west-1:
        cluster:
          kubernetes_version: "1.32"
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.aws import EKS_VERSIONS
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        cluster = region.cluster
        if cluster is None or cluster.kubernetes_version in EKS_VERSIONS:
            continue
        yield rule.finding(
            f"EKS does not support Kubernetes {cluster.kubernetes_version} (supported: "
            f"{', '.join(EKS_VERSIONS)})",
            spec.source.value(("regions", region.name, "cluster", "kubernetes_version")),
            hint=f'use kubernetes_version: "{EKS_VERSIONS[-2]}"',
        )


RULE = Rule("RF126", "eks-version", "EKS Kubernetes version not supported", check)
