"""RF146: logs kept less than a year without a stated reason.

checkov's CKV_AWS_338 asks for a year of CloudWatch Logs retention. The retention of VPC flow
logs, EKS control-plane logs, WAF logs and CloudTrail's log group is the spec's decision, not
the module's, so the modules skip that check inline and the policy lives here, where an
exception can be written down next to the value: `retention_reason` (flow logs) or
`log_retention_reason`.

Fails:

    regions:
      eu-west-1:
        vpc:
          cidr: 10.1.0.0/16
          flow_logs: {retention_days: 30}

Passes:

    regions:
      eu-west-1:
        vpc:
          cidr: 10.1.0.0/16
          flow_logs:
            retention_days: 30
            retention_reason: flow logs are exported to the SIEM, which keeps them 7 years
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding, Severity
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.source import Path

MINIMUM_DAYS = 365


def _retentions(spec: Spec) -> Iterator[tuple[str, int, str | None, Path, str]]:
    """(what, days, reason, path of the days, name of the reason key)."""
    for region in spec.regions:
        base: Path = ("regions", region.name)
        yield (
            f"VPC flow logs of {region.name}",
            region.vpc.flow_log_retention_days,
            region.vpc.flow_log_retention_reason,
            (*base, "vpc", "flow_logs", "retention_days"),
            "retention_reason",
        )
        if region.cluster is not None:
            yield (
                f"EKS control-plane logs of {region.name}",
                region.cluster.log_retention_days,
                region.cluster.log_retention_reason,
                (*base, "cluster", "log_retention_days"),
                "log_retention_reason",
            )
    baseline = spec.security_baseline
    if baseline is not None and baseline.cloudtrail and baseline.audit_region is not None:
        yield (
            "CloudTrail's logs in CloudWatch Logs",
            baseline.log_retention_days,
            baseline.log_retention_reason,
            ("security_baseline", "log_retention_days"),
            "log_retention_reason",
        )
    for waf, path in spec.wafs():
        yield (
            f"WAF logs of {'/'.join(str(p) for p in path)}",
            waf.log_retention_days,
            waf.log_retention_reason,
            (*path, "log_retention_days"),
            "log_retention_reason",
        )


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for what, days, reason, path, reason_key in _retentions(spec):
        if days < MINIMUM_DAYS and not (reason and reason.strip()):
            yield rule.finding(
                f"{what} are kept {days} days, under a year (checkov CKV_AWS_338), with no reason "
                "given",
                spec.source.value(path),
                hint=f"keep them at least {MINIMUM_DAYS} days, or say why beside it with "
                f"{reason_key}: <reason>",
            )


RULE = Rule(
    "RF146",
    "log-retention",
    "Logs kept under a year without a stated reason",
    check,
    Severity.WARNING,
)
