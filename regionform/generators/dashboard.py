"""Dashboards: one CloudWatch dashboard per root over the alarms of that root's module calls.

Each region root gets `dashboard_<alias>` (the region's provider) and the global root gets
`dashboard_global` (us-east-1) over the calls placed in the global file (Route 53 health
checks, the load balancers' certificates). A dashboard lists only calls of its own root, so
its references never cross roots and both layouts render them as they are. It reads the
other generators' calls, so it works through the `calls_over` hook (see
`regionform.generators`), and passes each call's `alarm_arns` output whole: the module
draws a graph per alarm from the alarm itself, so the dashboard follows the alarm
definitions (thresholds, `enabled: false`) without repeating them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from regionform.document import ModuleCall, ref
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.model import Region, Spec
from regionform.spec.names.dashboard import ALARM_KINDS, GLOBAL_CALL, call_name, dashboard_name

GLOBAL_FILE = "global"


def _file(call: ModuleCall) -> str:
    # The file stem the root assembles the call into (root.py): its root in per-region.
    return call.file or call.region


class DashboardGenerator:
    kind = "dashboard"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        return []  # all of them come from calls_over: they need the other calls

    def calls_over(self, spec: Spec, calls: Sequence[ModuleCall]) -> list[ModuleCall]:
        if not spec.dashboards:
            return []
        watched: dict[str, list[str]] = {}
        for call in calls:
            if call.module in ALARM_KINDS:
                watched.setdefault(_file(call), []).append(call.name)
        made: list[ModuleCall] = []
        for region in spec.regions:
            names = watched.get(region.name)
            if names:
                made.append(
                    ModuleCall(
                        call_name(region), self.kind, region.name, _arguments(spec, region, names)
                    )
                )
        names = watched.get(GLOBAL_FILE)
        if names:
            made.append(
                ModuleCall(
                    GLOBAL_CALL,
                    self.kind,
                    GLOBAL_REGION,
                    _arguments(spec, None, names),
                    file=GLOBAL_FILE,
                )
            )
        return made

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        return {}


def _arguments(spec: Spec, region: Region | None, names: list[str]) -> dict[str, Any]:
    return {
        "name": dashboard_name(spec, region),
        "alarm_arns": {name: ref(f"module.{name}.alarm_arns") for name in sorted(names)},
    }


GENERATOR = DashboardGenerator()
