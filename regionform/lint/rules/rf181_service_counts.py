"""RF181: a service's task counts must satisfy min <= desired <= max.

Auto scaling keeps a service between `min` and `max` tasks; `desired` (default: `min`) is
where it starts, so it must lie in between.

Fails:

    regions:
      eu-west-1:
        services:
          api: {image: api:1, cpu: 256, memory: 512, min: 2, desired: 60, max: 50}

Passes:

    regions:
      eu-west-1:
        services:
          api: {image: api:1, cpu: 256, memory: 512, min: 2, desired: 2, max: 50}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, ecs_services
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, service, at in ecs_services(spec):
        if service.min > service.max:
            yield rule.finding(
                f"service {service.name!r} has min {service.min} above max {service.max}",
                spec.source.value((*at, "min")),
                hint="make min <= desired <= max",
            )
        elif not service.min <= service.desired <= service.max:
            key = "desired" if service.desired_given else "min"
            yield rule.finding(
                f"service {service.name!r} wants {service.desired} tasks, outside "
                f"{service.min}-{service.max}",
                spec.source.value((*at, key)),
                hint="make min <= desired <= max",
            )


RULE = Rule("RF181", "service-counts", "Service task counts out of order", check)
