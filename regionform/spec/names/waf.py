"""WAF names: a web ACL per region that asks for one, and the CDN's in us-east-1."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName

CLOUDFRONT_CALL = "waf_cloudfront"


def acl_name(spec: Spec, region: Region | None) -> str:
    return f"{spec.prefix}-{region.name if region else 'cloudfront'}"


def call_name(region: Region) -> str:
    return f"waf_{region.alias}"


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for _, path in spec.wafs():
        region = spec.region(str(path[1])) if path[0] == "regions" else None
        name = acl_name(spec, region)
        names += [
            DerivedName(name, 128, "WAF web ACL", path),
            DerivedName(f"aws-waf-logs-{name}", 512, "WAF log group", path),
        ]
    return names
