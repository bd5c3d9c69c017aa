"""Load balancer names: an ALB per region that declares `load_balancer`.

Two module calls per load balancer. `alb_<alias>` (region root) holds the ALB, its security
group, access-log bucket, target groups, the HTTP listener (redirect to HTTPS) and the WAF
association. `alb_https_<alias>` (global root, the region's provider) holds the ACM
certificate, its validation records in the hosted zone and the HTTPS listener with its
rules: validation needs the zone, which lives in the global root, and the global root
already reads the region roots (alias records), so a region root must not read it back.
"""

from __future__ import annotations

import hashlib

from regionform.spec.model import Region, Spec, Target
from regionform.spec.names import DerivedName, cdn
from regionform.spec.routing import geolocation

LB_NAME_LIMIT = 32  # aws_lb name
TARGET_GROUP_NAME_LIMIT = 32  # aws_lb_target_group name
BUCKET_NAME_LIMIT = 63
SECURITY_GROUP_NAME_LIMIT = 255

_DIRECTIONS = {
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "central": "c",
    "northeast": "ne",
    "southeast": "se",
    "northwest": "nw",
    "southwest": "sw",
}


def call_name(region: Region) -> str:
    """The region root's module call: ALB, target groups, HTTP listener, WAF association."""
    return f"alb_{region.alias}"


def https_call_name(region: Region) -> str:
    """The global root's module call: certificate, validation, HTTPS listener and rules."""
    return f"alb_https_{region.alias}"


def short_region(name: str) -> str:
    """The short form AWS itself uses in names: ap-southeast-1 → apse1, us-gov-west-1 → usgw1."""
    parts = name.split("-")
    head, number = parts[0], parts[-1]
    middle = "".join(_DIRECTIONS.get(p, p[:1]) for p in parts[1:-1])
    return f"{head}{middle}{number}"


def fit(name: str, limit: int) -> str:
    """`name` if it fits, else cut with a stable hash of the whole so cut names stay unique."""
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:6]
    return f"{name[: limit - len(digest) - 1].rstrip('-')}-{digest}"


def lb_name(spec: Spec, region: Region) -> str:
    return fit(f"{spec.prefix}-{short_region(region.name)}", LB_NAME_LIMIT)


def target_group_name(spec: Spec, region: Region, target: Target) -> str:
    return fit(f"{spec.prefix}-{short_region(region.name)}-{target.name}", TARGET_GROUP_NAME_LIMIT)


def logs_bucket_name(spec: Spec, region: Region) -> str:
    """The access-log bucket, always in the load balancer's own region."""
    return f"{spec.prefix}-alb-logs-{region.name}"


def security_group_name(spec: Spec, region: Region) -> str:
    return f"{spec.prefix}-alb-{region.name}"


def routed_names(spec: Spec, region: Region) -> list[str]:
    """Every DNS name whose records route to `region`, sorted: the geolocation name if any
    country (or the default) goes there, the latency name, failover names it is primary or
    secondary of, and its tenants' names."""
    dns = spec.dns
    if dns is None:
        return []
    labels: set[str] = set()
    if dns.api is not None and any(r.region == region.name for r in geolocation(spec)):
        labels.add(dns.api)
    if dns.cdn is not None:
        labels.add(dns.cdn)
    labels |= {f.name for f in dns.failover if region.name in (f.primary, f.secondary)}
    if dns.tenant_records:
        labels |= {t.id for t in spec.tenants if t.home == region.name}
    names = {f"{label}.{dns.domain}" for label in labels}
    # CloudFront forwards the viewer's Host header to a load-balancer origin and checks the
    # ALB's certificate against it: the CDN hostnames must be on it too.
    names |= set(cdn.hostnames_in(spec, region.name))
    return sorted(names)


def certificate_names(spec: Spec, region: Region) -> list[str]:
    """The names the region's certificate covers: the spec's, or the routed names."""
    lb = region.load_balancer
    if lb is None or lb.certificate.arn is not None:
        return []
    if lb.certificate.names is not None:
        return list(lb.certificate.names)
    return routed_names(spec, region)


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        lb = region.load_balancer
        if lb is None:
            continue
        path = ("regions", region.name, "load_balancer")
        names += [
            DerivedName(lb_name(spec, region), LB_NAME_LIMIT, "load balancer", path),
            DerivedName(
                logs_bucket_name(spec, region), BUCKET_NAME_LIMIT, "ALB access-log bucket", path
            ),
            DerivedName(
                security_group_name(spec, region),
                SECURITY_GROUP_NAME_LIMIT,
                "ALB security group",
                path,
            ),
        ]
        names += [
            DerivedName(
                target_group_name(spec, region, target),
                TARGET_GROUP_NAME_LIMIT,
                "target group",
                (*path, "targets", target.name),
            )
            for target in lb.targets
        ]
    return names
