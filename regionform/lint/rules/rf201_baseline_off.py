"""RF201: production turns part of the security baseline off without saying who runs it.

GuardDuty, Security Hub, the multi-region CloudTrail and AWS Config are on by default. An
organisation whose security account runs them centrally (a delegated administrator, an
organisation trail, a Config aggregator) turns them off in the spec; in a production
environment (`environment: production` or `prod`) that must be stated with `centrally_by`, or
the estate may simply be unwatched and unaudited.

Fails:

    environment: production
    security_baseline:
      guardduty: false

Passes:

    environment: production
    security_baseline:
      guardduty: false
      cloudtrail: false
      centrally_by: the organisation's security account (delegated GuardDuty administrator,
        organisation trail)
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding, Severity
from regionform.lint import Rule
from regionform.spec.model import Spec

PRODUCTION = frozenset({"production", "prod"})


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    baseline = spec.security_baseline
    if baseline is None or spec.environment not in PRODUCTION:
        return
    if baseline.centrally_by and baseline.centrally_by.strip():
        return
    for part in baseline.off:
        yield rule.finding(
            f"production environment {spec.environment} turns {part} off and no one is named "
            "to run it",
            spec.source.value(("security_baseline", part)),
            hint="leave it on, or say who runs it with security_baseline.centrally_by: <who>",
        )


RULE = Rule("RF201", "baseline-off", "Security baseline off in production", check, Severity.WARNING)
