"""AWS Budgets: monthly USD budgets for the environment and per region (cost filter on the
region), telling a severity's us-east-1 topic at actual and forecast thresholds, and an
optional cost anomaly monitor. Budgets are account-wide, so the call lives in the global root
beside the us-east-1 topics."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall
from regionform.generators.notifications import alarm_actions
from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.model import Region, Spec
from regionform.spec.names.budgets import CALL, ENVIRONMENT, keys


def _amount(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class BudgetsGenerator:
    kind = "budgets"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        budgets = spec.budgets
        topics = alarm_actions(spec, None)
        # Without notifications nobody would hear of a budget: RF200 refuses the spec.
        if budgets is None or not topics or not keys(spec):
            return []
        regions = budgets.region_amounts(spec.region_names)
        entries: dict[str, Any] = {}
        for key, filtered in keys(spec):
            if key == ENVIRONMENT:
                assert budgets.environment_usd is not None
                entries[key] = {"amount": _amount(budgets.environment_usd)}
            else:
                entries[key] = {"amount": _amount(regions[key]), "regions": list(filtered)}
        arguments: dict[str, Any] = {
            "name_prefix": spec.prefix,
            "budgets": entries,
            "actual_thresholds": [_amount(p) for p in budgets.actual_percent],
            "forecast_thresholds": [_amount(p) for p in budgets.forecast_percent],
            "topic_arns": topics.get(budgets.severity, topics["critical"]),
        }
        if budgets.anomaly_impact_usd is not None:
            arguments["anomaly_monitor"] = {"impact_usd": _amount(budgets.anomaly_impact_usd)}
        return [ModuleCall(CALL, self.kind, GLOBAL_REGION, arguments, file="global")]

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        return {}


GENERATOR = BudgetsGenerator()
