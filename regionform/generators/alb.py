"""Application Load Balancers: one per region that declares `load_balancer`.

Two calls per load balancer (see spec/names/alb.py for why): `alb_<alias>` in the region's
root, and `alb_https_<alias>` in the global root with the region's provider. The region's
WAF web ACL is associated by reference; Route 53 aliases the ALB (generators/route53.py).
"""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, literal, ref
from regionform.generators.notifications import watching
from regionform.spec.model import LoadBalancer, Region, Spec
from regionform.spec.names import alb, route53, vpc, waf


def _targets(spec: Spec, region: Region, lb: LoadBalancer) -> dict[str, Any]:
    return {
        t.name: {
            "name": alb.target_group_name(spec, region, t),
            "port": t.port,
            "priority": t.priority,
            "protocol": t.protocol,
            "deregistration_delay": t.deregistration_delay,
            "health_check": {
                "path": literal(t.health_check.path),
                "interval": t.health_check.interval,
                "timeout": t.health_check.timeout,
                "healthy_threshold": t.health_check.healthy_threshold,
                "unhealthy_threshold": t.health_check.unhealthy_threshold,
                "matcher": t.health_check.matcher,
            },
        }
        for t in lb.targets
    }


def _alb_arguments(spec: Spec, region: Region, lb: LoadBalancer) -> dict[str, Any]:
    network = f"module.{vpc.call_name(region)}"
    subnets = "private" if lb.internal else "public"
    arguments: dict[str, Any] = {
        "name": alb.lb_name(spec, region),
        "security_group_name": alb.security_group_name(spec, region),
        "access_logs_bucket_name": alb.logs_bucket_name(spec, region),
        "vpc_id": ref(f"{network}.vpc_id"),
        "vpc_cidr_block": ref(f"{network}.vpc_cidr_block"),
        f"{subnets}_subnet_ids": ref(f"{network}.{subnets}_subnet_ids"),
        "internal": lb.internal,
        "allowed_cidrs": list(lb.allowed_cidrs),
        "cloudfront_only": lb.cloudfront_only,
        "idle_timeout": lb.idle_timeout,
        "log_retention_days": lb.log_retention_days,
        "targets": _targets(spec, region, lb),
    }
    if region.waf is not None and region.waf.scope == "REGIONAL":
        # By reference: the association follows the web ACL, never a typed ARN.
        arguments["associate_web_acl"] = True
        arguments["web_acl_arn"] = ref(f"module.{waf.call_name(region)}.web_acl_arn")
    arguments.update(watching(spec, region, "alb"))
    return arguments


def _https_arguments(spec: Spec, region: Region, lb: LoadBalancer) -> dict[str, Any]:
    call = f"module.{alb.call_name(region)}"
    arguments: dict[str, Any] = {"load_balancer_arn": ref(f"{call}.arn")}
    if lb.certificate.arn is not None:
        arguments["certificate_arn"] = lb.certificate.arn
    else:
        names = alb.certificate_names(spec, region)
        # Lint (RF161) refuses a certificate without names or without a zone to validate in.
        arguments["domain_name"] = names[0] if names else None
        arguments["subject_alternative_names"] = names[1:]
        if spec.dns is not None:
            arguments["zone_id"] = ref(f"module.{route53.CALL}.zone_id")
    # One reference per target: each crosses roots as a string (a placeholder while the
    # region root is unapplied), where a whole map could not.
    arguments["target_group_arns"] = {
        t.name: ref(f'{call}.target_group_arns["{t.name}"]') for t in lb.targets
    }
    arguments["rules"] = {
        t.name: {
            "priority": t.priority,
            "hosts": list(t.hosts),
            "paths": [literal(p) for p in t.paths],
        }
        for t in lb.targets
    }
    # The certificate lives in the load balancer's region and so does its DaysToExpiry
    # metric: the alarm tells that region's topics (read from the region's root in the
    # per-region layout, which the global root already reads).
    if lb.certificate.arn is None:
        arguments.update(watching(spec, region, "alb_https"))
    return arguments


class AlbGenerator:
    kind = "alb"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls: list[ModuleCall] = []
        for region in spec.regions:
            lb = region.load_balancer
            if lb is None:
                continue
            calls.append(
                ModuleCall(
                    name=alb.call_name(region),
                    module="alb",
                    region=region.name,
                    arguments=_alb_arguments(spec, region, lb),
                )
            )
            # Global root, region's provider: beside the zone the certificate validates in.
            calls.append(
                ModuleCall(
                    name=alb.https_call_name(region),
                    module="alb_https",
                    region=region.name,
                    arguments=_https_arguments(spec, region, lb),
                    file="global",
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.load_balancer is None:
            return {}
        call = f"module.{alb.call_name(region)}"
        return {
            "load_balancer_arn": ref(f"{call}.arn"),
            "load_balancer_dns_name": ref(f"{call}.dns_name"),
            "load_balancer_security_group_id": ref(f"{call}.security_group_id"),
            "target_group_arns": ref(f"{call}.target_group_arns"),
        }


GENERATOR = AlbGenerator()
