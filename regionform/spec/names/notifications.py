"""Notification names: one set of severity topics per region, and one in us-east-1 (global
root) for what only exists there: Route 53 health-check metrics, CloudFront, AWS Budgets."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import ACCOUNT, PARTITION, DerivedName

GLOBAL_CALL = "notifications_global"
TOPIC_LIMIT = 256


def call_name(region: Region) -> str:
    return f"notifications_{region.alias}"


def name_prefix(spec: Spec) -> str:
    return spec.prefix


def topic_arn(region: str, name_prefix: str, severity: str) -> str:
    """The ARN of the notifications module's `<name_prefix>-<severity>` topic in `region`, as
    a Terraform template: another root computes it instead of reading remote state."""
    return f"arn:{PARTITION}:sns:{region}:{ACCOUNT}:{name_prefix}-{severity}"


def global_name_prefix(spec: Spec) -> str:
    # us-east-1 may also be a region of the estate, with its own topics of the same severities.
    return f"{spec.prefix}-global"


def needs_global(spec: Spec) -> bool:
    """The us-east-1 topics exist when something that only lives there is watched: Route 53
    health checks, budgets and cost anomalies."""
    return bool(spec.notifications) and (spec.dns is not None or spec.budgets is not None)


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    prefixes = [name_prefix(spec)] + ([global_name_prefix(spec)] if needs_global(spec) else [])
    for prefix in prefixes:
        for severity in spec.notifications:
            names.append(
                DerivedName(
                    f"{prefix}-{severity.name}",
                    TOPIC_LIMIT,
                    "SNS topic",
                    ("notifications", severity.name),
                )
            )
    return names
