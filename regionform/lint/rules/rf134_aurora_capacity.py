"""RF134: Aurora Serverless v2 capacity outside what AWS accepts.

Serverless v2 scales each instance between min_acu and max_acu Aurora capacity units: AWS
accepts 0-256 ACUs in steps of 0.5, a maximum of at least 1, and a minimum no higher than the
maximum (0 lets an idle instance pause).

Fails:

    regions:
      eu-west-1:
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 8, max_acu: 4}

Passes:

    regions:
      eu-west-1:
        database:
          engine: aurora-postgresql
          serverless: {min_acu: 2, max_acu: 16}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec

MAX_ACU = 256.0


def _bad(value: float, low: float) -> bool:
    return not low <= value <= MAX_ACU or value * 2 != int(value * 2)


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        database = region.database
        if database is None or database.serverless is None:
            continue
        base = ("regions", region.name, "database", "serverless")
        low, high = database.serverless.min_acu, database.serverless.max_acu
        if _bad(low, 0):
            yield rule.finding(
                f"min_acu is {low:g}; Aurora Serverless v2 accepts 0-256 in steps of 0.5",
                spec.source.value((*base, "min_acu")),
                hint="use a multiple of 0.5 from 0 to 256, e.g. 0.5 or 2",
            )
        if _bad(high, 1):
            yield rule.finding(
                f"max_acu is {high:g}; Aurora Serverless v2 accepts 1-256 in steps of 0.5",
                spec.source.value((*base, "max_acu")),
                hint="use a multiple of 0.5 from 1 to 256, e.g. 16",
            )
        elif low > high:
            yield rule.finding(
                f"min_acu {low:g} is above max_acu {high:g}",
                spec.source.value((*base, "min_acu")),
                hint=f"lower min_acu to at most {high:g} or raise max_acu",
            )


RULE = Rule("RF134", "aurora-capacity", "Aurora Serverless v2 capacity out of range", check)
