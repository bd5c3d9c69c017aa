"""RF126: a Kubernetes version EKS does not (or no longer) support."""

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
