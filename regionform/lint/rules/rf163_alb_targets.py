"""RF163: Listener rules and health checks the load balancer would refuse.

Each target's listener rule needs its own priority (derived ones are 100, 200, … in the
order of the target names; a pinned `priority` may collide with them), and a target group's
health-check timeout must be shorter than its interval.

Fails:

    regions:
      eu-west-1:
        load_balancer:
          targets:
            api: {port: 8080, paths: [/api/*]}
            web: {port: 8081, paths: ["/*"], priority: 100}
    dns: {domain: acme.io, api: api}

Passes:

    regions:
      eu-west-1:
        load_balancer:
          targets:
            api: {port: 8080, paths: [/api/*]}
            web: {port: 8081, paths: ["/*"], priority: 1000}
    dns: {domain: acme.io, api: api}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        lb = region.load_balancer
        if lb is None:
            continue
        base = ("regions", region.name, "load_balancer", "targets")
        seen: dict[int, str] = {}
        # Derived priorities first, so the finding points at the pinned one that collides.
        for target in sorted(lb.targets, key=lambda t: (t.priority_given, t.name)):
            other = seen.get(target.priority)
            if other is not None:
                where = (
                    spec.source.value((*base, target.name, "priority"))
                    if target.priority_given
                    else spec.source.key((*base, target.name))
                )
                yield rule.finding(
                    f"targets {other} and {target.name} both have listener rule priority "
                    f"{target.priority}",
                    where,
                    hint="give one of them another priority (lower is evaluated first)",
                )
            else:
                seen[target.priority] = target.name
            hc = target.health_check
            if hc.timeout >= hc.interval:
                yield rule.finding(
                    f"target {target.name}: health-check timeout {hc.timeout} s is not shorter "
                    f"than its interval {hc.interval} s",
                    spec.source.value((*base, target.name, "health_check", "timeout")),
                    hint="make the timeout shorter than the interval, e.g. 5 s for 10 s",
                )


RULE = Rule("RF163", "alb-targets", "Listener rules or health checks the ALB refuses", check)
