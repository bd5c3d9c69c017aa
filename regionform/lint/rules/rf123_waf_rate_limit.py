"""RF123: a WAF rate limit or window AWS WAF does not accept.

AWS WAF rate-based rules count 10 to 2,000,000,000 requests per client IP over a window
of 60, 120, 300 or 600 seconds. Applies to regional web ACLs and to `cloudfront_waf`.

Fails:

    regions:
      eu-west-1:
        waf:
          rate_limits:
            login: {limit: 10, window_seconds: 90}

Passes:

    regions:
      eu-west-1:
        waf:
          rate_limits:
            login: {limit: 10, window_seconds: 60}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.aws import WAF_RATE_LIMIT_RANGE, WAF_RATE_WINDOWS
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    low, high = WAF_RATE_LIMIT_RANGE
    for waf, path in spec.wafs():
        for limit in waf.rate_limits:
            at = (*path, "rate_limits", limit.name)
            if not low <= limit.limit <= high:
                yield rule.finding(
                    f"rate limit {limit.name!r} of {limit.limit} requests is outside AWS WAF's "
                    f"{low}-{high:,}",
                    spec.source.value((*at, "limit")),
                    hint=f"use at least {low} requests per window",
                )
            if limit.window_seconds not in WAF_RATE_WINDOWS:
                yield rule.finding(
                    f"rate limit {limit.name!r} has a {limit.window_seconds} s window; AWS WAF "
                    f"offers {', '.join(map(str, WAF_RATE_WINDOWS))}",
                    spec.source.value((*at, "window_seconds")),
                    hint="e.g. 10 per minute is limit: 10, window_seconds: 60",
                )


RULE = Rule("RF123", "waf-rate-limit", "WAF rate limit or window outside AWS's ranges", check)
