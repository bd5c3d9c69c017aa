"""RF108: a tenant id that is not a DNS label; it becomes <tenant>.<domain> and AWS names.

The schema already refuses ids with `/`, `\\`, `..` or spaces; this rule also refuses
what a DNS label cannot hold: capitals, a leading or trailing hyphen, `--` (reserved for
punycode), and look-alike Unicode letters. The fix suggests a safe id.

Fails:

    tenants:
      acme--retail: {home: eu-west-1, countries: [IE]}

Passes:

    tenants:
      acme-retail: {home: eu-west-1, countries: [IE]}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec

DNS_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for tenant in spec.tenants:
        if DNS_LABEL.match(tenant.id) and "--" not in tenant.id:
            continue
        suggestion = re.sub(r"[^a-z0-9-]+", "-", tenant.id.lower()).strip("-")
        suggestion = re.sub(r"-{2,}", "-", suggestion)[:63]
        yield rule.finding(
            f"tenant id {tenant.id!r} is not DNS-safe (lowercase ASCII letters, digits and "
            "single hyphens, 1-63 characters)",
            spec.source.key(("tenants", tenant.id)),
            hint=f"rename it, e.g. {suggestion!r}" if suggestion else "rename it",
        )


RULE = Rule("RF108", "tenant-id", "Tenant id is not DNS-safe", check)
