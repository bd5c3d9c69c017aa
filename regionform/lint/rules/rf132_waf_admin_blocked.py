"""RF132: a country both on the admin allowlist and blocked outright.

The blocking rule runs first, so an allowlisted country that is also blocked never
reaches the admin paths: one of the two lists is wrong.

Fails:

    regions:
      eu-west-1:
        waf:
          blocked_countries: [RU]
          admin: {path_prefix: /admin, countries: [IE, RU]}

Passes:

    regions:
      eu-west-1:
        waf:
          blocked_countries: [RU]
          admin: {path_prefix: /admin, countries: [IE]}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for waf, path in spec.wafs():
        if waf.admin is None:
            continue
        for index, country in enumerate(waf.blocked_countries):
            if country in waf.admin.countries:
                yield rule.finding(
                    f"{country} is on the admin allowlist and blocked outright",
                    spec.source.value((*path, "blocked_countries", index)),
                    hint="drop it from one of the two lists",
                )


RULE = Rule("RF132", "waf-admin-blocked", "Admin allowlist country is also blocked", check)
