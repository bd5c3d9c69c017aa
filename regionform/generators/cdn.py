"""CloudFront: one distribution (module call `cdn`) in the global root, us-east-1 provider.

Origins reference what the estate creates: a region's load balancer by its module output
(`module.alb_<alias>.dns_name`, read from the region root in the per-region layout), a
bucket by the regional domain of the name the s3 module gives it; the CLOUDFRONT web ACL by
`module.waf_cloudfront`; the hosted zone by `module.route53`. Nothing here is typed by hand.
"""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, literal, ref
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.cdn import BUCKET, Cdn, CdnBehavior, CdnOrigin
from regionform.spec.model import Region, Spec
from regionform.spec.names import alb, route53, s3, waf
from regionform.spec.names.cdn import CALL, hostnames


def _origin(spec: Spec, origin: CdnOrigin) -> dict[str, Any]:
    value: dict[str, Any] = {}
    region = spec.region(origin.region)
    if region is None:  # lint (RF165) refuses it; nothing to reference
        return value
    if origin.kind == BUCKET:
        bucket = next((b for b in region.buckets if b.purpose == origin.purpose), None)
        purpose = bucket.purpose if bucket is not None else str(origin.purpose)
        # The bucket's regional endpoint (OAC signs for the bucket's own region), spelled from
        # the name the s3 module gives the bucket: known at plan, so the module can count the
        # origin access control a bucket origin needs (a reference would be unknown until the
        # bucket exists), and the plan shows the real origin.
        name = s3.bucket_name(spec, region, purpose)
        value["bucket"] = literal(f"{name}.s3.{region.name}.amazonaws.com")
    else:
        value["load_balancer"] = ref(f"module.{alb.call_name(region)}.dns_name")
        failover = spec.region(origin.failover_to or "")
        if failover is not None:
            value["failover_domain_name"] = ref(f"module.{alb.call_name(failover)}.dns_name")
    if origin.path is not None:
        value["path"] = literal(origin.path)
    return value


def _behavior(behavior: CdnBehavior) -> dict[str, Any]:
    value: dict[str, Any] = {}
    if behavior.path is not None:
        value["path"] = literal(behavior.path)
    return value | {
        "origin": behavior.origin,
        "min_ttl": behavior.min_ttl,
        "default_ttl": behavior.default_ttl,
        "max_ttl": behavior.max_ttl,
        "methods": behavior.methods,
        "query_strings": behavior.query_strings,
        "compress": behavior.compress,
    }


def _arguments(spec: Spec, cdn: Cdn) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "name": spec.prefix,
        "aliases": hostnames(spec),
        "zone_id": ref(f"module.{route53.CALL}.zone_id"),
        "origins": {o.name: _origin(spec, o) for o in cdn.origins},
        "default_behavior": _behavior(cdn.default_behavior),
        "ordered_behaviors": [_behavior(b) for b in cdn.behaviors],
        "price_class": cdn.price_class,
    }
    if cdn.geo_restriction is not None:
        arguments["geo_restriction"] = {
            "type": cdn.geo_restriction.type,
            "countries": list(cdn.geo_restriction.countries),
        }
    if spec.cloudfront_waf is not None:
        # By reference: the distribution follows the web ACL, never a typed ARN.
        arguments["web_acl_arn"] = ref(f"module.{waf.CLOUDFRONT_CALL}.web_acl_arn")
    arguments["logging"] = cdn.logging
    arguments["log_retention_days"] = cdn.log_retention_days
    return arguments


class CdnGenerator:
    kind = "cdn"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        # Lint (RF167) refuses a CDN without a zone or hostnames: nothing to generate then.
        if spec.cdn is None or spec.dns is None or not hostnames(spec):
            return []
        return [
            ModuleCall(
                name=CALL,
                module=self.kind,
                region=GLOBAL_REGION,
                arguments=_arguments(spec, spec.cdn),
                file="global",
            )
        ]

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        return {}

    def global_outputs(self, spec: Spec) -> dict[str, str]:
        if not self.calls(spec):
            return {}
        return {
            "cdn_distribution_id": ref(f"module.{CALL}.distribution_id"),
            "cdn_domain_name": ref(f"module.{CALL}.domain_name"),
        }


GENERATOR = CdnGenerator()
