"""Security baseline names: one module call per region."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName

RULE_LIMIT = 64


def call_name(region: Region) -> str:
    return f"baseline_{region.alias}"


def derived(spec: Spec) -> list[DerivedName]:
    baseline = spec.security_baseline
    if baseline is None or not baseline.guardduty:
        return []
    return [
        DerivedName(
            f"{spec.prefix}-guardduty-findings",
            RULE_LIMIT,
            "EventBridge rule",
            ("security_baseline",),
        )
    ]
