"""Route 53: one public zone, routed by geolocation, latency and failover, in us-east-1."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from regionform.document import ModuleCall, Move, instance, literal, ref
from regionform.generators.notifications import watching
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.model import Dns, Region, Spec
from regionform.spec.names import alb, cdn
from regionform.spec.names.route53 import CALL
from regionform.spec.routing import geolocation

RECORD = f"module.{CALL}.aws_route53_record.this"


def _endpoints(spec: Spec, dns: Dns) -> dict[str, Any]:
    check: dict[str, Any] = {
        "path": dns.health_check.path,
        "interval": dns.health_check.interval,
        "failure_threshold": dns.health_check.failure_threshold,
    }
    if dns.health_check.regions is not None:
        check["regions"] = list(dns.health_check.regions)
    endpoints: dict[str, Any] = {}
    for region in spec.regions:
        endpoint: dict[str, Any]
        if region.load_balancer is not None:
            # The generated ALB, by reference: alias A records with evaluate_target_health.
            lb = f"module.{alb.call_name(region)}"
            endpoint = {
                "alias_target": {"dns_name": ref(f"{lb}.dns_name"), "zone_id": ref(f"{lb}.zone_id")}
            }
        elif region.endpoint is not None:
            endpoint = {"fqdn": region.endpoint.fqdn}
            if region.endpoint.alias_zone_id is not None:
                endpoint["alias_zone_id"] = region.endpoint.alias_zone_id
        else:
            continue
        endpoint["health_check"] = check
        endpoints[region.name] = endpoint
    return endpoints


def _geolocation_records(spec: Spec, dns: Dns) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    if dns.api is None:
        return records
    for route in geolocation(spec):
        record: dict[str, Any] = {
            "name": dns.api,
            "set_identifier": route.set_identifier,
            "endpoint": route.region,
        }
        if route.kind == "default":
            record["default"] = True
        else:
            record[route.kind] = route.location
        records.append(record)
    return records


def _cdn_owns(spec: Spec, label: str) -> bool:
    """Whether the CloudFront distribution serves <label>.<domain>: its module (generators/
    cdn.py) then holds the alias records, and no latency record routes the name to regions."""
    return spec.dns is not None and f"{label}.{spec.dns.domain}" in cdn.hostnames(spec)


def _arguments(spec: Spec, dns: Dns) -> dict[str, Any]:
    endpoints = _endpoints(spec, dns)
    arguments: dict[str, Any] = {
        "domain_name": dns.domain,
        "create_zone": dns.zone_id is None,
    }
    if dns.zone_id is not None:
        arguments["zone_id"] = dns.zone_id
    arguments |= {
        "endpoints": endpoints,
        "geolocation_records": _geolocation_records(spec, dns),
        "latency_records": [{"name": dns.cdn, "endpoint": region} for region in endpoints]
        if dns.cdn and not _cdn_owns(spec, dns.cdn)
        else [],
        "failover_records": [
            {"name": f.name, "primary": f.primary, "secondary": f.secondary} for f in dns.failover
        ],
        "tenant_records": {t.id: t.home for t in spec.tenants} if dns.tenant_records else {},
        "ttl": dns.ttl,
        "dnssec": dns.dnssec,
        "query_logging": dns.query_logging,
    }
    # Health-check metrics exist only in us-east-1: the global root's topics are told.
    arguments |= watching(spec, None, "route53")
    return arguments


class Route53Generator:
    kind = "route53"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        if spec.dns is None:
            return []
        return [
            ModuleCall(
                name=CALL,
                module=self.kind,
                region=GLOBAL_REGION,
                arguments=_arguments(spec, spec.dns),
                file="global",
            )
        ]

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        # The name DNS routes to in this region (also exported without a dns section).
        if region.load_balancer is not None:
            return {"endpoint_fqdn": ref(f"module.{alb.call_name(region)}.dns_name")}
        if region.endpoint is None:
            return {}
        return {"endpoint_fqdn": literal(region.endpoint.fqdn)}

    def global_outputs(self, spec: Spec) -> dict[str, str]:
        if spec.dns is None:
            return {}
        module = f"module.{CALL}"
        outputs = {
            "dns_zone_id": ref(f"{module}.zone_id"),
            "dns_name_servers": ref(f"{module}.name_servers"),
        }
        if spec.dns.dnssec:
            outputs["dnssec_ds_record"] = ref(f"{module}.dnssec_ds_record")
        return outputs

    def moves(self, spec: Spec) -> list[Move]:
        """A renamed tenant's record moves to its new key. Its DNS name follows the new id
        (it is what the tenant's users type), so Terraform replaces the record: a record
        holds no data, and the zone and health checks stay."""
        if spec.dns is None or not spec.dns.tenant_records:
            return []
        return [
            Move(instance(RECORD, f"tenant/{old}"), instance(RECORD, f"tenant/{new}"))
            for tenant in spec.tenants
            for old, new in pairwise(tenant.history)
        ]


GENERATOR = Route53Generator()


def _apex(name: str) -> str:
    return name or "@"


def one_record_resource(spec: Spec) -> list[Move]:
    """Version move: records lived in four resources, one per routing policy
    (`aws_route53_record.geolocation["api/IN"]`, `.latency["cdn/ap-south-1"]`,
    `.failover["app/primary"]`, `.tenant["acme"]`); they now share one resource keyed
    `<policy>/<old key>`. A renamed tenant's record moves from its oldest id, which chains
    into the rename moves (old resource → new resource, oldest id → … → current id); Terraform
    refuses two moves to one address, so a record already renamed under the old resource
    (state at its current id) is replaced instead, as any renamed record is: records hold no
    data."""
    if spec.dns is None:
        return []
    arguments = _arguments(spec, spec.dns)
    old = f"module.{CALL}.aws_route53_record"
    keys: list[tuple[str, str]] = [
        ("geolocation", f"{_apex(r['name'])}/{r['set_identifier']}")
        for r in arguments["geolocation_records"]
    ]
    keys += [
        ("latency", f"{_apex(r['name'])}/{r['endpoint']}") for r in arguments["latency_records"]
    ]
    keys += [
        ("failover", f"{_apex(r['name'])}/{role}")
        for r in arguments["failover_records"]
        for role in ("primary", "secondary")
    ]
    if spec.dns.tenant_records:
        keys += [("tenant", tenant.history[0]) for tenant in spec.tenants]
    return [
        Move(instance(f"{old}.{policy}", key), instance(RECORD, f"{policy}/{key}"))
        for policy, key in keys
    ]
