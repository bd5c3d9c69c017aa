"""CDN names: one CloudFront distribution (module call `cdn`, global root, us-east-1).

The distribution, its certificate, alias records, cache policies, response headers policy,
Origin Access Control and its standard-log bucket all live in that one call: the certificate
must be in us-east-1 and validate in the hosted zone (global root), and the global root
already reads the region roots (the load balancers' DNS names), so nothing here is read back
by a region root. A bucket origin's policy therefore cannot name the distribution's ARN: it
lets this account's distributions read (see modules/s3, `cloudfront_read`).
"""

from __future__ import annotations

from regionform.spec.cdn import CdnBehavior
from regionform.spec.model import Spec
from regionform.spec.names import DerivedName

CALL = "cdn"
BUCKET_NAME_LIMIT = 63
POLICY_NAME_LIMIT = 128  # cache and response headers policies
OAC_NAME_LIMIT = 64
# Route 53's hosted zone for every CloudFront distribution (alias records).
CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2"


def hostnames(spec: Spec) -> list[str]:
    """The names viewers use: the spec's, or <dns.cdn>.<dns.domain>."""
    cdn = spec.cdn
    if cdn is None:
        return []
    if cdn.hostnames is not None:
        return list(cdn.hostnames)
    if spec.dns is None or spec.dns.cdn is None:
        return []
    return [f"{spec.dns.cdn}.{spec.dns.domain}"]


def hostnames_in(spec: Spec, region: str) -> list[str]:
    """The CDN hostnames a region's load balancer answers for: CloudFront forwards the
    viewer's Host header to a load-balancer origin, so its certificate must cover them."""
    cdn = spec.cdn
    if cdn is None:
        return []
    if not any(o.kind == "load_balancer" and region in o.regions for o in cdn.origins):
        return []
    return hostnames(spec)


def logs_bucket_name(spec: Spec) -> str:
    return f"{spec.prefix}-cdn-logs"


def cache_policy_key(behavior: CdnBehavior) -> str:
    """Behaviours with the same caching share one policy, keyed by what it holds: adding a
    behaviour never renames an existing policy."""
    query = "q" if behavior.query_strings else "n"
    return f"{behavior.min_ttl}-{behavior.default_ttl}-{behavior.max_ttl}-{query}"


def derived(spec: Spec) -> list[DerivedName]:
    cdn = spec.cdn
    if cdn is None:
        return []
    path = ("cdn",)
    names = [
        DerivedName(
            f"{spec.prefix}-security-headers",
            POLICY_NAME_LIMIT,
            "CloudFront response headers policy",
            path,
        ),
        DerivedName(f"{spec.prefix}-cdn", OAC_NAME_LIMIT, "CloudFront origin access control", path),
    ]
    if cdn.logging:
        names.append(
            DerivedName(logs_bucket_name(spec), BUCKET_NAME_LIMIT, "CloudFront log bucket", path)
        )
    for key in sorted({cache_policy_key(b) for b in cdn.all_behaviors if b.max_ttl > 0}):
        names.append(
            DerivedName(f"{spec.prefix}-{key}", POLICY_NAME_LIMIT, "CloudFront cache policy", path)
        )
    return names
