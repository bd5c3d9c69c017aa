"""Customer-managed KMS keys: one per purpose in every region that holds or receives data,
and a dedicated set per silo tenant in its home region."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, Move, ref
from regionform.generators.renames import steps
from regionform.spec.data import needs_kms
from regionform.spec.model import KEY_PURPOSES, Region, Spec, Tenant
from regionform.spec.names.kms import TENANT_PURPOSES, call_name, tenant_call, tenant_call_name

# The AWS services that use each purpose's key (the key policy grants them via kms:ViaService).
SERVICES: dict[str, list[str]] = {
    "database": ["elasticache.amazonaws.com", "rds.amazonaws.com"],
    "storage": ["s3.amazonaws.com"],
    "secrets": ["secretsmanager.amazonaws.com"],
    "logs": ["logs.amazonaws.com"],
}


def _silo(spec: Spec) -> list[Tenant]:
    """Silo tenants whose home region exists: they get their own keys."""
    return [t for t in spec.tenants if t.tier == "silo" and spec.region(t.home) is not None]


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
                        # The oldest id: a renamed tenant keeps its key aliases.
                        "alias_prefix": f"{spec.project}/{tenant.name_key}",
                        "keys": _keys(home, TENANT_PURPOSES),
                    },
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not needs_kms(spec, region):
            return {}
        return {"kms_key_arns": ref(f"module.{call_name(region)}.key_arns")}

    def moves(self, spec: Spec) -> list[Move]:
        """A renamed silo tenant's keys move with its module call."""
        return [
            Move(f"module.{tenant_call(old)}", f"module.{tenant_call(new)}")
            for tenant in _silo(spec)
            for old, new in steps(tenant.history)
        ]


GENERATOR = KmsGenerator()
