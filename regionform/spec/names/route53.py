"""Route 53 names: one hosted zone per spec, in the global root."""

from __future__ import annotations

from regionform.spec.model import Spec
from regionform.spec.names import DerivedName, cdn
from regionform.spec.quotas import Usage
from regionform.spec.routing import geolocation

CALL = "route53"


def derived(spec: Spec) -> list[DerivedName]:
    if spec.dns is None:
        return []
    domain = spec.dns.domain
    return [DerivedName(f"/aws/route53/{domain}", 512, "Route 53 query log group", ("dns",))]


# A zone the module creates starts with its SOA and NS records; both count against the quota.
NEW_ZONE_RECORDS = 2


def counts(spec: Spec) -> list[Usage]:
    """Records in the hosted zone: one per geolocation route of the api name, one per region
    with an endpoint for the latency-routed cdn name, a primary and a secondary per failover
    name, one per tenant, and the new zone's SOA and NS. In an existing zone (zone_id) only
    the records regionform adds are counted; the zone's own are not in the spec."""
    dns = spec.dns
    if dns is None:
        return []
    endpoints = sum(1 for region in spec.regions if region.routable)
    records = (
        (len(geolocation(spec)) if dns.api is not None else 0)
        + (endpoints if dns.cdn and spec.cdn is None else 0)
        # The distribution's A and AAAA aliases and a validation record per hostname.
        + 3 * len(cdn.hostnames(spec))
        + 2 * len(dns.failover)
        + (len(spec.tenants) if dns.tenant_records else 0)
        + (NEW_ZONE_RECORDS if dns.zone_id is None else 0)
    )
    return [Usage("route53-records-per-zone", dns.domain, records, ("dns",))]
