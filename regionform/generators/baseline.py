"""The account security baseline per region: GuardDuty with findings to the region's critical
topic through EventBridge, Security Hub with the AWS Foundational Security Best Practices
standard, and AWS Config delivering to the audit region's bucket (global resource types
recorded there only). A part the spec turns off (run centrally by an organisation) is not
created."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.generators.notifications import alarm_actions
from regionform.spec.model import Region, Spec
from regionform.spec.names import audit
from regionform.spec.names.baseline import call_name


class BaselineGenerator:
    kind = "baseline"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        baseline = spec.security_baseline
        if baseline is None or not (baseline.guardduty or baseline.securityhub or baseline.config):
            return []
        audit_region = audit.audit_region(spec)
        calls = []
        for region in spec.regions:
            arguments: dict[str, Any] = {"name_prefix": spec.prefix}
            if not baseline.guardduty:
                arguments["guardduty"] = False
            if not baseline.securityhub:
                arguments["securityhub"] = False
            if baseline.guardduty:
                topics = alarm_actions(spec, region)
                if topics:
                    arguments["findings_topic_arns"] = topics["critical"]
                arguments["finding_min_severity"] = baseline.finding_min_severity
            if not baseline.config or audit_region is None:
                arguments["config"] = False
            else:
                # A reference, so the per-region layout orders the audit root first; the name
                # is fixed, so other roots compute it rather than read its state.
                arguments["config_bucket_name"] = ref(
                    f"module.{audit.call_name(audit_region)}.bucket_name"
                )
                if region.name == audit_region.name:
                    arguments["config_include_global_resources"] = True
                else:
                    arguments["config_bucket_region"] = audit_region.name
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        return {}


GENERATOR = BaselineGenerator()
