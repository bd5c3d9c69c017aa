"""RF186: a service's buckets must be buckets of its region.

`buckets` names bucket purposes of the service's own region (declared there, or replicas
other regions replicate into it); the task role is granted exactly those. A DR region
repeating the primary's services (`services_from`) needs the same purposes.

Fails:

    regions:
      eu-west-1:
        buckets:
          documents: {}
        services:
          api: {image: api:1, cpu: 256, memory: 512, buckets: {uploads: read}}

Passes:

    regions:
      eu-west-1:
        buckets:
          documents: {}
        services:
          api: {image: api:1, cpu: 256, memory: 512, buckets: {documents: read}}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.data import replica_buckets
from regionform.spec.model import Spec
from regionform.spec.services import services


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        available = {b.purpose for b in region.buckets}
        available |= {b.purpose for b in replica_buckets(spec, region)}
        own = {s.name for s in region.services}
        for service in services(spec, region):
            for purpose, _access in service.buckets:
                if purpose in available:
                    continue
                if service.name in own:
                    at = ("regions", region.name, "services", service.name, "buckets", purpose)
                    yield rule.finding(
                        f"service {service.name!r} uses bucket {purpose!r}, which region "
                        f"{region.name} does not have",
                        spec.source.key(at),
                        hint=f"declare regions.{region.name}.buckets.{purpose}, or name one "
                        "of the region's buckets",
                    )
                else:
                    yield rule.finding(
                        f"service {service.name!r}, repeated here by services_from, uses "
                        f"bucket {purpose!r}, which region {region.name} does not have",
                        spec.source.key(("regions", region.name, "services_from")),
                        hint=f"replicate {purpose!r} to {region.name} (replicate_to) or "
                        "declare it there",
                    )


RULE = Rule("RF186", "service-buckets", "Service bucket not in its region", check)
