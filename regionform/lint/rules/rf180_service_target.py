"""RF180: a service's target must be a target of its region's load balancer.

`target` names the load balancer target (`regions.<r>.load_balancer.targets`) whose target
group the service's tasks register in. The region must declare a load balancer with that
target; a DR region repeating the primary's services (`services_from`) needs the same targets
on its own load balancer.

Fails:

    regions:
      eu-west-1:
        load_balancer:
          targets:
            app: {port: 8080, paths: ["/*"]}
        services:
          api: {image: api:1, cpu: 256, memory: 512, target: web}
    dns: {domain: acme.io, api: api}

Passes:

    regions:
      eu-west-1:
        load_balancer:
          targets:
            app: {port: 8080, paths: ["/*"]}
        services:
          api: {image: api:1, cpu: 256, memory: 512, target: app}
    dns: {domain: acme.io, api: api}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Region, Spec
from regionform.spec.services import services


def _missing(region: Region, target: str) -> str | None:
    lb = region.load_balancer
    if lb is None:
        return f"region {region.name} has no load_balancer"
    if lb.target(target) is None:
        known = ", ".join(t.name for t in lb.targets) or "none"
        return f"region {region.name}'s load balancer has no target {target!r} (targets: {known})"
    return None


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        own = {s.name for s in region.services}
        for service in services(spec, region):
            if service.target is None:
                continue
            problem = _missing(region, service.target)
            if problem is None:
                continue
            if service.name in own:
                at: tuple[str | int, ...] = (
                    "regions",
                    region.name,
                    "services",
                    service.name,
                    "target",
                )
                yield rule.finding(
                    f"service {service.name!r} routes from target {service.target!r}, but "
                    f"{problem}",
                    spec.source.value(at),
                    hint="name one of the region's load_balancer targets, or add the target",
                )
            else:
                yield rule.finding(
                    f"service {service.name!r}, repeated here by services_from, routes from "
                    f"target {service.target!r}, but {problem}",
                    spec.source.key(("regions", region.name, "services_from")),
                    hint=f"give region {region.name} a load_balancer with target "
                    f"{service.target!r}",
                )


RULE = Rule("RF180", "service-target", "Service target missing from the load balancer", check)
