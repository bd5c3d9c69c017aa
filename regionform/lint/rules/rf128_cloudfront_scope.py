"""RF128: CLOUDFRONT-scope web ACLs exist only in us-east-1 and attach to distributions.

A web ACL for CloudFront is a global resource that AWS creates only in us-east-1 and that
only distributions use. Declare it as top-level `cloudfront_waf`, which regionform creates
through the us-east-1 provider.

Fails:

    regions:
      eu-west-1:
        waf: {scope: CLOUDFRONT}

Passes:

    cloudfront_waf:
      rate_limits:
        api: {limit: 1000, window_seconds: 300}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        waf = region.waf
        if waf is None or waf.scope != "CLOUDFRONT":
            continue
        at = ("regions", region.name, "waf")
        if region.name != GLOBAL_REGION:
            yield rule.finding(
                f"a CLOUDFRONT web ACL must be created in {GLOBAL_REGION}, not {region.name}",
                spec.source.value((*at, "scope")),
                hint="use top-level cloudfront_waf (created through the us-east-1 provider)",
            )
        if waf.associate_alb_arns:
            yield rule.finding(
                "a CLOUDFRONT web ACL cannot be associated with load balancers",
                spec.source.key((*at, "associate_alb_arns")),
                hint="use a REGIONAL web ACL for ALBs; distributions reference the CLOUDFRONT one",
            )


RULE = Rule("RF128", "cloudfront-scope", "CLOUDFRONT WAF scope outside us-east-1", check)
