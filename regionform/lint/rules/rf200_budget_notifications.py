"""RF200: budgets nobody hears about, or for a region the spec does not have.

A budget only controls cost when its alerts reach someone: AWS Budgets tells the us-east-1
topic of a severity of `notifications`, so a spec with `budgets` must declare
`notifications`. A region named in `budgets.regions_usd` must be a region of the spec: its
cost filter would otherwise watch a region nothing of the estate runs in.

Fails:

    regions:
      eu-west-1: {}
    budgets:
      environment_usd: 5000
      regions_usd: {eu-west-2: 1000}

Passes:

    regions:
      eu-west-1: {}
    notifications:
      critical: {email: [oncall@acme.io]}
    budgets:
      environment_usd: 5000
      regions_usd: {eu-west-1: 1000}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    budgets = spec.budgets
    if budgets is None:
        return
    if not spec.notifications:
        yield rule.finding(
            "budgets are set but no notifications: nobody would hear when spend crosses them",
            spec.source.key(("budgets",)),
            hint="declare notifications: {critical: {email: [...]}} (budgets tell the "
            f"{budgets.severity} topic, else critical)",
        )
    for name, _ in budgets.regions_usd:
        if spec.region(name) is None:
            yield rule.finding(
                f"budgets.regions_usd names {name}, which is not a region of the spec",
                spec.source.key(("budgets", "regions_usd", name)),
                hint="use a key of regions: " + ", ".join(spec.region_names),
            )


RULE = Rule("RF200", "budget-notifications", "Budget without notifications or region", check)
