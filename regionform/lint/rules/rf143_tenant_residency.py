"""RF143: a tenant's data outside its jurisdiction: homed in a region of another
jurisdiction, or copied from its home region to a region the tenant does not allow.

A pooled tenant's data is in every shared store of its home region, so every copy counts; a
silo tenant's is in its dedicated database (whose backups follow backup_copies_to) and
bucket (never replicated) and in the shared cache.

Fails:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE}
    tenants:
      alpha:
        home: eu-west-1
        countries: [GB]
        residency: {jurisdiction: GB}

Passes:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE}
    tenants:
      alpha:
        home: eu-west-1
        countries: [IE]
        residency: {jurisdiction: IE}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.lint.rules.rf142_residency import allowed_text
from regionform.spec.data import data_copies
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    copies = data_copies(spec)
    for tenant in spec.tenants:
        residency = tenant.residency
        home = spec.region(tenant.home)
        if residency is None or home is None:
            continue
        if home.residency is not None and home.residency.jurisdiction != residency.jurisdiction:
            yield rule.finding(
                f"tenant {tenant.id!r} is under {residency.jurisdiction} but is homed in "
                f"{home.name}, under {home.residency.jurisdiction}",
                spec.source.value(("tenants", tenant.id, "residency", "jurisdiction")),
                hint="home the tenant in a region of its jurisdiction",
            )
        for copy in copies:
            if copy.source != home.name or copy.target == copy.source:
                continue
            if copy.shared_only and tenant.tier == "silo":
                continue  # a silo tenant's data is in its dedicated database and bucket
            target = spec.region(copy.target)
            if residency.allow_copies_to is not None:
                if copy.target in residency.allow_copies_to:
                    continue
                why = f"it allows copies {allowed_text(residency.allow_copies_to)}"
            else:
                if (
                    target is not None
                    and target.residency is not None
                    and target.residency.jurisdiction == residency.jurisdiction
                ):
                    continue
                why = f"{copy.target} is not under {residency.jurisdiction}"
            yield rule.finding(
                f"{copy.what} copies data of tenant {tenant.id!r} ({residency.jurisdiction}) "
                f"from {home.name} to {copy.target}; {why}",
                spec.source.value(copy.path),
                hint=f"remove the copy, home the tenant elsewhere, or add {copy.target} to "
                f"tenants.{tenant.id}.residency.allow_copies_to",
            )


RULE = Rule("RF143", "tenant-residency", "Tenant data outside its jurisdiction", check)
