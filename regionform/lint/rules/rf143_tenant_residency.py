"""RF143: a tenant's data outside its jurisdiction: homed in a region whose jurisdiction does
not lie inside the tenant's, or copied (through any number of hops) to a region the tenant
does not allow.

Jurisdictions nest: a tenant under EU may live in a region under DE, and without
`allow_copies_to` its data may be copied to any region whose jurisdiction lies inside EU. A
region that states no residency is judged by the country it is in (us-east-1: US).

A pooled tenant's data is in every shared store of its home region, so every copy of them
counts, including the backups of a replica in another region; a silo tenant's is in its
dedicated database (whose backups follow backup_copies_to) and bucket (never replicated) and
in the shared cache.

Fails:

    regions:
      eu-west-1:
        buckets:
          documents: {replicate_to: us-east-1}
      us-east-1:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
    tenants:
      alpha:
        home: eu-west-1
        countries: [IE]
        residency: {jurisdiction: EU}

Passes:

    regions:
      eu-west-1:
        buckets:
          documents: {replicate_to: eu-central-1}
      eu-central-1:
        role: dr
        vpc: {cidr: 10.2.0.0/16}
    tenants:
      alpha:
        home: eu-west-1
        countries: [IE]
        residency: {jurisdiction: EU}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.lint.rules.rf142_residency import through
from regionform.spec.copies import (
    copy_graph,
    region_jurisdiction,
    spec_jurisdictions,
    verdicts,
)
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    juris = spec_jurisdictions(spec)
    for tenant in spec.tenants:
        residency = tenant.residency
        home = spec.region(tenant.home)
        if residency is None or home is None:
            continue
        where = region_jurisdiction(spec, home.name)
        if (
            where is not None
            and juris.known(residency.jurisdiction)
            and juris.known(where)
            and not juris.inside(where, residency.jurisdiction)
        ):
            yield rule.finding(
                f"tenant {tenant.id!r} is under {residency.jurisdiction} but is homed in "
                f"{home.name}, under {where}",
                spec.source.value(("tenants", tenant.id, "residency", "jurisdiction")),
                hint=f"home the tenant in a region whose jurisdiction lies inside "
                f"{residency.jurisdiction}",
            )
    seen: set[tuple[object, ...]] = set()
    for copy in copy_graph(spec):
        for verdict in verdicts(spec, copy, juris):
            if verdict.code != rule.code or verdict.allowed:
                continue
            tenant_id = verdict.tenant
            key = (copy.path, tenant_id, copy.target)
            if key in seen:
                continue
            seen.add(key)
            tenant = next(t for t in spec.tenants if t.id == tenant_id)
            assert tenant.residency is not None
            yield rule.finding(
                f"{copy.what} copies data of tenant {tenant_id!r} "
                f"({tenant.residency.jurisdiction}){through(copy)} from {copy.source} to "
                f"{copy.target}; {verdict.reason}",
                spec.source.value(copy.path),
                hint=f"remove the copy, home the tenant elsewhere, or add {copy.target} to "
                f"tenants.{tenant_id}.residency.allow_copies_to",
            )


RULE = Rule("RF143", "tenant-residency", "Tenant data outside its jurisdiction", check)
