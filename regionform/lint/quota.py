"""The check every quota rule shares: the estate's usage against the quota's value."""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Check, Rule
from regionform.spec.model import Spec
from regionform.spec.quotas import Quota, Usage, limit, quota_table, usage


def _scope(quota: Quota, used: Usage) -> tuple[str, str]:
    """How the finding names the scope, and the --region of the increase request.

    A global quota is raised in the one region AWS names for it (quotas.json `region`).
    """
    fixed = f" --region {quota.region}" if quota.region else ""
    if quota.per == "hosted zone":
        return f"the hosted zone {used.scope}", fixed
    if used.scope == "account":
        return "the account", fixed
    return used.scope, fixed or f" --region {used.scope}"


def check_quota(quota_id: str, why: str) -> Check:
    """A rule check warning wherever the estate creates more than `quota_id` allows."""

    def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
        quota = quota_table()[quota_id]
        allowed = limit(quota)
        for used in usage(spec, quota_id):
            if used.count <= allowed:
                continue
            scope, region = _scope(quota, used)
            yield rule.finding(
                f"{scope} will hold {used.count} {quota.name} ({why}); the quota is "
                f"{allowed:g} (Service Quotas {quota.code})",
                spec.source.key(used.path),
                hint=f"request an increase: aws service-quotas request-service-quota-increase "
                f"--service-code {quota.service} --quota-code {quota.code} "
                f"--desired-value {used.count}{region}; then lint with --quotas",
            )

    return check
