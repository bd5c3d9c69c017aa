"""KMS names: keys per purpose in each region, and per silo tenant."""

from __future__ import annotations

from regionform.spec.data import needs_kms
from regionform.spec.model import KEY_PURPOSES, Region, Spec, Tenant, alias_of
from regionform.spec.names import DerivedName

TENANT_PURPOSES = ("database", "secrets", "storage")
# The keys only a silo tenant's own database uses (its storage and its master secret).
DATABASE_PURPOSES = ("database", "secrets")


def tenant_purposes(spec: Spec, tenant: Tenant) -> tuple[str, ...]:
    """The keys a silo tenant gets: storage always (its bucket); database and secrets only
    where its home region has a database, so it gets one too (each key costs a month)."""
    home = spec.region(tenant.home)
    has_database = home is not None and home.database is not None
    return tuple(p for p in TENANT_PURPOSES if has_database or p not in DATABASE_PURPOSES)


def call_name(region: Region) -> str:
    return f"kms_{region.alias}"


def tenant_call(tenant_id: str) -> str:
    return f"kms_tenant_{alias_of(tenant_id)}"


def tenant_call_name(tenant: Tenant) -> str:
    return tenant_call(tenant.id)


def replica_call_name(stem: str, target: Region) -> str:
    """Replicas in `target` of one owner's multi-Region keys; stem names the owner (the
    region's alias, or tenant_<tenant alias>)."""
    return f"kms_{stem}_in_{target.alias}"


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        if needs_kms(spec, region):
            for purpose in KEY_PURPOSES:
                names.append(
                    DerivedName(
                        f"alias/{spec.project}/{purpose}",
                        256,
                        "KMS alias",
                        ("regions", region.name),
                    )
                )
    for tenant in spec.tenants:
        if tenant.tier == "silo":
            for purpose in tenant_purposes(spec, tenant):
                names.append(
                    DerivedName(
                        f"alias/{spec.project}/{tenant.name_key}/{purpose}",
                        256,
                        "KMS alias",
                        ("tenants", tenant.id),
                    )
                )
    return names
