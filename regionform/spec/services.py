"""The ECS services each region runs: its own, or another region's repeated (`services_from`).

A DR region that repeats the primary's services gets the same images, sizes, routes, secrets,
buckets, queues and policies at the desired count it states (0 by default: a pilot light).
Its auto-scaling minimum is that count, so failing over is raising one number: the service
and its target registration already exist, and nothing is replaced.
"""

from __future__ import annotations

from dataclasses import replace

from regionform.spec.model import Region, Service, Spec


def services(spec: Spec, region: Region) -> tuple[Service, ...]:
    """The services `region` runs, sorted by name."""
    source = region.services_from
    if source is None:
        return region.services
    origin = spec.region(source.region)
    if origin is None or origin.name == region.name or origin.services_from is not None:
        # Lint (RF185) reports the missing or chained source; nothing is repeated.
        return region.services
    own = {s.name for s in region.services}
    repeated = tuple(
        replace(
            s,
            desired=source.desired,
            min=source.desired,
            max=max(s.max, source.desired),
            desired_given=True,
        )
        for s in origin.services
        if s.name not in own
    )
    return tuple(sorted((*region.services, *repeated), key=lambda s: s.name))


def regions_with_services(spec: Spec) -> list[Region]:
    return [r for r in spec.regions if services(spec, r)]
