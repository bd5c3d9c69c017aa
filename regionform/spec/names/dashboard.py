"""Dashboard names: one CloudWatch dashboard per root, over the alarms of that root's calls.

A region root's dashboard is `dashboard_<alias>`, named `<prefix>-<region>`; the global
root's is `dashboard_global` (us-east-1), named `<prefix>-global`. CloudWatch dashboards are
account-wide, not regional, so the names only need to differ from each other.
"""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName

GLOBAL_CALL = "dashboard_global"
# CloudWatch: 1-255 characters of [A-Za-z0-9_-]; a prefix is lowercase letters, digits, '-'.
NAME_LIMIT = 255

# The module kinds whose module has an `alarm_arns` output (map of alarm key => ARN), i.e.
# those a dashboard shows. tests/test_dashboards.py checks this against modules/*/outputs.tf.
ALARM_KINDS = frozenset(
    {"alb", "alb_https", "aurora", "dynamodb", "ecs", "eks", "rds", "redis", "route53"}
)


def call_name(region: Region) -> str:
    return f"dashboard_{region.alias}"


def dashboard_name(spec: Spec, region: Region | None) -> str:
    """`<prefix>-<region>`, or `<prefix>-global` for the global root (region None)."""
    return f"{spec.prefix}-{'global' if region is None else region.name}"


def derived(spec: Spec) -> list[DerivedName]:
    # Every region may get one (when it runs something with alarms), and the global root.
    if not spec.dashboards:
        return []
    names = [
        DerivedName(
            dashboard_name(spec, region),
            NAME_LIMIT,
            "CloudWatch dashboard",
            ("regions", region.name),
        )
        for region in spec.regions
    ]
    names.append(
        DerivedName(dashboard_name(spec, None), NAME_LIMIT, "CloudWatch dashboard", ("dashboards",))
    )
    return names
