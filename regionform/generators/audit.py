"""The audit trail: one multi-region CloudTrail, its Object Lock bucket (also AWS Config's
delivery target of every region) and its log group, in the audit region's root. The
per-region AWS Config recorders are in the baseline generator's calls."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall
from regionform.spec.model import Region, Spec
from regionform.spec.names.audit import audit_region, call_name


class AuditGenerator:
    kind = "audit"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        baseline = spec.security_baseline
        region = audit_region(spec)
        if baseline is None or region is None:
            return []
        arguments: dict[str, Any] = {"name_prefix": spec.prefix}
        if baseline.cloudtrail:
            arguments["log_retention_days"] = baseline.log_retention_days
        else:
            arguments["cloudtrail"] = False
        arguments["object_lock_mode"] = baseline.object_lock_mode
        arguments["object_lock_days"] = baseline.object_lock_days
        return [ModuleCall(call_name(region), self.kind, region.name, arguments)]

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        return {}


GENERATOR = AuditGenerator()
