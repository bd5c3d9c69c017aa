"""Route 53 names: one hosted zone per spec, in the global root."""

from __future__ import annotations

from regionform.spec.model import Spec
from regionform.spec.names import DerivedName

CALL = "route53"


def derived(spec: Spec) -> list[DerivedName]:
    if spec.dns is None:
        return []
    domain = spec.dns.domain
    return [DerivedName(f"/aws/route53/{domain}", 512, "Route 53 query log group", ("dns",))]
