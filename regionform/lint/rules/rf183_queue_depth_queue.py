"""RF183: queue-depth scaling needs the service's queue.

`scaling.queue_depth` scales on the visible messages of the service's own SQS queue; a
service without `queue` has nothing to measure.

Fails:

    regions:
      eu-west-1:
        services:
          worker:
            image: worker:1
            cpu: 256
            memory: 512
            scaling: {queue_depth: {scale_out_above: 100}}

Passes:

    regions:
      eu-west-1:
        services:
          worker:
            image: worker:1
            cpu: 256
            memory: 512
            queue: {}
            scaling: {queue_depth: {scale_out_above: 100}}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, ecs_services
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, service, at in ecs_services(spec):
        depth = service.scaling.queue_depth
        if depth is None:
            continue
        if service.queue is None:
            yield rule.finding(
                f"service {service.name!r} scales on queue depth but has no queue",
                spec.source.key((*at, "scaling", "queue_depth")),
                hint="add `queue: {}` to the service, or remove scaling.queue_depth",
            )
        elif depth.scale_in_below >= depth.scale_out_above:
            yield rule.finding(
                f"service {service.name!r} scales in below {depth.scale_in_below} messages, "
                f"not under its scale-out threshold {depth.scale_out_above}",
                spec.source.value((*at, "scaling", "queue_depth", "scale_in_below")),
                hint="make scale_in_below smaller than scale_out_above",
            )


RULE = Rule("RF183", "queue-depth-queue", "Queue-depth scaling without a queue", check)
