"""Customer-managed KMS keys: one per purpose in every region that holds or receives data,
and a dedicated set per silo tenant in its home region."""

from __future__ import annotations

from typing import Any

from regionform.document import DerivedName, ModuleCall, ref
from regionform.spec.data import needs_kms
from regionform.spec.model import KEY_PURPOSES, Region, Spec, Tenant

# The AWS services that use each purpose's key (the key policy grants them via kms:ViaService).
SERVICES: dict[str, list[str]] = {
    "database": ["elasticache.amazonaws.com", "rds.amazonaws.com"],
    "storage": ["s3.amazonaws.com"],
    "secrets": ["secretsmanager.amazonaws.com"],
    "logs": ["logs.amazonaws.com"],
}
TENANT_PURPOSES = ("database", "secrets", "storage")


def call_name(region: Region) -> str:
    return f"kms_{region.alias}"


def tenant_call_name(tenant: Tenant) -> str:
    return f"kms_tenant_{tenant.alias}"


def key_arn(region: Region, purpose: str) -> str:
    return ref(f'module.{call_name(region)}.key_arns["{purpose}"]')


def tenant_key_arn(tenant: Tenant, purpose: str) -> str:
    return ref(f'module.{tenant_call_name(tenant)}.key_arns["{purpose}"]')


def _keys(region: Region, purposes: tuple[str, ...]) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    for purpose in purposes:
        key: dict[str, Any] = {
            "rotation_period_in_days": region.kms.rotation_period_in_days,
            "service_principals": SERVICES[purpose],
        }
        if purpose in region.kms.multi_region:
            key["multi_region"] = True
        keys[purpose] = key
    return keys


class KmsGenerator:
    kind = "kms"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls = []
        for region in spec.regions:
            if needs_kms(spec, region):
                calls.append(
                    ModuleCall(
                        name=call_name(region),
                        module=self.kind,
                        region=region.name,
                        arguments={
                            "alias_prefix": spec.project,
                            "keys": _keys(region, KEY_PURPOSES),
                        },
                    )
                )
        for tenant in spec.tenants:
            home = spec.region(tenant.home)
            if tenant.tier != "silo" or home is None:
                continue
            calls.append(
                ModuleCall(
                    name=tenant_call_name(tenant),
                    module=self.kind,
                    region=home.name,
                    arguments={
                        "alias_prefix": f"{spec.project}/{tenant.id}",
                        "keys": _keys(home, TENANT_PURPOSES),
                    },
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not needs_kms(spec, region):
            return {}
        return {"kms_key_arns": ref(f"module.{call_name(region)}.key_arns")}

    def names(self, spec: Spec) -> list[DerivedName]:
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
                            f"alias/{spec.project}/{tenant.id}/{purpose}",
                            256,
                            "KMS alias",
                            ("tenants", tenant.id),
                        )
                    )
        return names


GENERATOR = KmsGenerator()
