"""AWS WAF web ACLs: one per region that asks for one, and the CDN's in us-east-1."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.model import Region, Spec, Waf
from regionform.spec.names.waf import CLOUDFRONT_CALL, acl_name, call_name


def _arguments(name: str, scope: str, waf: Waf) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "name": name,
        "scope": scope,
        "rate_limits": {
            r.name: {
                "limit": r.limit,
                "evaluation_window_sec": r.window_seconds,
                "action": r.action,
                **({"path_prefix": r.path_prefix} if r.path_prefix else {}),
            }
            for r in waf.rate_limits
        },
        "blocked_countries": list(waf.blocked_countries),
        "bot_control": {"enabled": waf.bot_control},
        "log_retention_days": waf.log_retention_days,
    }
    if waf.admin is not None:
        arguments["admin_allowed_countries"] = {
            "path_prefix": waf.admin.path_prefix,
            "countries": list(waf.admin.countries),
        }
    if waf.associate_alb_arns:
        arguments["association_resource_arns"] = list(waf.associate_alb_arns)
    return arguments


class WafGenerator:
    kind = "waf"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls = [
            ModuleCall(
                name=call_name(region),
                module=self.kind,
                region=region.name,
                arguments=_arguments(acl_name(spec, region), region.waf.scope, region.waf),
            )
            for region in spec.regions
            if region.waf is not None
        ]
        if spec.cloudfront_waf is not None:
            calls.append(
                ModuleCall(
                    name=CLOUDFRONT_CALL,
                    module=self.kind,
                    region=GLOBAL_REGION,
                    arguments=_arguments(acl_name(spec, None), "CLOUDFRONT", spec.cloudfront_waf),
                    file="global",
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.waf is None:
            return {}
        return {"waf_web_acl_arn": ref(f"module.{call_name(region)}.web_acl_arn")}

    def global_outputs(self, spec: Spec) -> dict[str, str]:
        if spec.cloudfront_waf is None:
            return {}
        return {"cloudfront_web_acl_arn": ref(f"module.{CLOUDFRONT_CALL}.web_acl_arn")}


GENERATOR = WafGenerator()
