"""KMS names: keys per purpose in each region, and per silo tenant."""

from __future__ import annotations

from regionform.spec.data import needs_kms
from regionform.spec.model import KEY_PURPOSES, Region, Spec, Tenant, alias_of
from regionform.spec.names import DerivedName

TENANT_PURPOSES = ("database", "secrets", "storage")


def call_name(region: Region) -> str:
    return f"kms_{region.alias}"


def tenant_call(tenant_id: str) -> str:
    return f"kms_tenant_{alias_of(tenant_id)}"


def tenant_call_name(tenant: Tenant) -> str:
    return tenant_call(tenant.id)


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
            for purpose in TENANT_PURPOSES:
                names.append(
                    DerivedName(
                        f"alias/{spec.project}/{tenant.name_key}/{purpose}",
                        256,
                        "KMS alias",
                        ("tenants", tenant.id),
                    )
                )
    return names
