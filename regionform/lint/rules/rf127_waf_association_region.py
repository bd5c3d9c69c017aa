"""RF127: a WAF association in another region than its web ACL (AWS refuses it).

A REGIONAL web ACL protects load balancers of its own region only; the region is read
from each ARN in `waf.associate_alb_arns`.

Fails:

    regions:
      eu-west-1:
        waf:
          associate_alb_arns:
          - arn:aws:elasticloadbalancing:eu-west-2:111122223333:loadbalancer/app/w/0123456789abcdef

Passes:

    regions:
      eu-west-1:
        waf:
          associate_alb_arns:
          - arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/w/0123456789abcdef
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        if region.waf is None:
            continue
        for index, arn in enumerate(region.waf.associate_alb_arns):
            arn_region = arn.split(":")[3]
            if arn_region != region.name:
                yield rule.finding(
                    f"load balancer in {arn_region} cannot use the web ACL of {region.name}",
                    spec.source.value(("regions", region.name, "waf", "associate_alb_arns", index)),
                    hint=f"associate it from regions.{arn_region}.waf instead",
                )


RULE = Rule(
    "RF127",
    "waf-association-region",
    "WAF association ARN in another region than its ACL",
    check,
)
