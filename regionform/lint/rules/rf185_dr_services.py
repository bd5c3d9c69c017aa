"""RF185: a DR region's services must have a counterpart in the primary.

A DR region stands in for the primary: every service it runs should be one the primary runs,
so failing over is raising a count. `services_from` must name another region that declares
services itself (not one that repeats a third region's).

Fails:

    regions:
      eu-west-1:
        role: primary
        services:
          api: {image: api:1, cpu: 256, memory: 512}
      eu-central-1:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        services:
          batch: {image: batch:1, cpu: 256, memory: 512}

Passes:

    regions:
      eu-west-1:
        role: primary
        services:
          api: {image: api:1, cpu: 256, memory: 512}
      eu-central-1:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
        services_from: {region: eu-west-1, desired: 0}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    primary = spec.primary
    for region in spec.regions:
        source = region.services_from
        if source is not None:
            origin = spec.region(source.region)
            at = ("regions", region.name, "services_from", "region")
            if origin is None:
                yield rule.finding(
                    f"services_from names region {source.region}, which the spec does not declare",
                    spec.source.value(at),
                    hint="name a region under regions (usually the primary)",
                )
            elif origin.name == region.name:
                yield rule.finding(
                    f"region {region.name} repeats its own services",
                    spec.source.value(at),
                    hint="name the region whose services this one stands in for",
                )
            elif origin.services_from is not None or not origin.services:
                yield rule.finding(
                    f"services_from names region {origin.name}, which declares no services "
                    "of its own",
                    spec.source.value(at),
                    hint="name the region that declares the services (usually the primary)",
                )
        if region.role != "dr" or primary is None or primary.name == region.name:
            continue
        counterparts = {s.name for s in primary.services}
        for service in region.services:
            if service.name not in counterparts:
                yield rule.finding(
                    f"DR region {region.name} runs service {service.name!r}, which primary "
                    f"{primary.name} does not",
                    spec.source.key(("regions", region.name, "services", service.name)),
                    hint=f"declare {service.name!r} in {primary.name}, or use "
                    f"services_from: {{region: {primary.name}}}",
                )


RULE = Rule("RF185", "dr-services", "DR service without a primary counterpart", check)
