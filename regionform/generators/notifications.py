"""Notification topics: per region one KMS-encrypted SNS topic per severity with its
subscriptions, plus a us-east-1 set in the global root when something only watched there
exists (Route 53 health checks). Other generators pass `alarm_actions(...)` to their modules:
the convention every alarm-carrying module follows (docs/operations.md)."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, literal, ref
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.model import Region, Spec, alarm_arguments
from regionform.spec.names.notifications import (
    GLOBAL_CALL,
    call_name,
    global_name_prefix,
    name_prefix,
    needs_global,
)


def _topics(spec: Spec) -> dict[str, Any]:
    topics: dict[str, Any] = {}
    for severity in spec.notifications:
        topic: dict[str, Any] = {}
        if severity.email:
            topic["email"] = [literal(a) for a in severity.email]
        if severity.https:
            topic["https"] = [literal(u) for u in severity.https]
        topics[severity.name] = topic
    return topics


def alarm_actions(spec: Spec, region: Region | None) -> dict[str, list[str]]:
    """The `alarm_actions` argument of a module watching resources in `region` (None: the
    global root, us-east-1): severity → topic ARNs. Empty when the spec declares no
    notifications: alarms are still created, and nobody is told."""
    if not spec.notifications or (region is None and not needs_global(spec)):
        return {}
    call = GLOBAL_CALL if region is None else call_name(region)
    return {s.name: [ref(f'module.{call}.topic_arns["{s.name}"]')] for s in spec.notifications}


def watching(spec: Spec, region: Region | None, kind: str) -> dict[str, Any]:
    """The `alarm_actions` and `alarms` arguments of a `kind` module call watching resources in
    `region` (None: the global root), only those that are not the module's defaults."""
    arguments: dict[str, Any] = {}
    actions = alarm_actions(spec, region)
    if actions:
        arguments["alarm_actions"] = actions
    levels = (spec.alarms,) if region is None else (spec.alarms, region.alarms)
    alarms = alarm_arguments(*levels, kind=kind)
    if alarms:
        arguments["alarms"] = alarms
    return arguments


class NotificationsGenerator:
    kind = "notifications"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        if not spec.notifications:
            return []
        topics = _topics(spec)
        calls = [
            ModuleCall(
                call_name(region),
                self.kind,
                region.name,
                {"name_prefix": name_prefix(spec), "topics": topics},
            )
            for region in spec.regions
        ]
        if needs_global(spec):
            calls.append(
                ModuleCall(
                    GLOBAL_CALL,
                    self.kind,
                    GLOBAL_REGION,
                    {"name_prefix": global_name_prefix(spec), "topics": topics},
                    file="global",
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not spec.notifications:
            return {}
        return {"notification_topic_arns": ref(f"module.{call_name(region)}.topic_arns")}

    def global_outputs(self, spec: Spec) -> dict[str, str]:
        if not needs_global(spec):
            return {}
        return {"global_notification_topic_arns": ref(f"module.{GLOBAL_CALL}.topic_arns")}


GENERATOR = NotificationsGenerator()
