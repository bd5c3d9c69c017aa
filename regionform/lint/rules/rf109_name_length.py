"""RF109: an AWS name the generated Terraform derives is longer than AWS allows.

The names come from `regionform.spec.names`, the same functions the generators build their
arguments with, so lint checks exactly what apply would send: bucket names (63), database
identifiers (63), ElastiCache ids (40), IAM roles (64), KMS aliases and more, each built
from the project, the environment and a key.

Fails:

    project: acme-analytics-platform
    regions:
      eu-west-1:
        buckets:
          quarterly-financial-reports: {}

Passes:

    project: acme-analytics-platform
    regions:
      eu-west-1:
        buckets:
          reports: {}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.names import derived_names


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for name in derived_names(spec):
        if len(name.value) > name.limit:
            yield rule.finding(
                f"{name.what} name {name.value!r} is {len(name.value)} characters; AWS allows "
                f"{name.limit}",
                spec.source.key(name.path),
                hint="shorten the project, environment or the id this name is built from",
            )


RULE = Rule("RF109", "name-length", "Derived AWS name is over its length limit", check)
