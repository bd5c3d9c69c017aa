"""The account security baseline per region: GuardDuty with findings to the region's critical
topic through EventBridge, and Security Hub with the AWS Foundational Security Best Practices
standard. A part the spec turns off (run centrally by an organisation) is not created."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall
from regionform.generators.notifications import alarm_actions
from regionform.spec.model import Region, Spec
from regionform.spec.names.baseline import call_name


class BaselineGenerator:
    kind = "baseline"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        baseline = spec.security_baseline
        if baseline is None or (not baseline.guardduty and not baseline.securityhub):
            return []
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
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        return {}


GENERATOR = BaselineGenerator()
