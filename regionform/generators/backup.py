"""AWS Backup per region: a vault under the region's database key (in every region that backs
something up or receives copies), a daily plan whose copy rule sends every recovery point to
the copy_to region's vault, and a selection of the resources spec/backup.py names.

The copy rule is the copy graph's BACKUP_COPY edges lint judged; its destination is the vault
ARN the module computes from the region and the vault name, so no root reads another's state."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, ref
from regionform.generators.kms import key_arn
from regionform.spec.backup import Protected, protected, vault_regions
from regionform.spec.copies import BACKUP_COPY, copy_graph
from regionform.spec.model import Region, Spec
from regionform.spec.names.aurora import call_name as aurora_call
from regionform.spec.names.aurora import tenant_call_name as aurora_tenant_call
from regionform.spec.names.backup import call_name, plan_name, role_name, vault_name
from regionform.spec.names.dynamodb import call_name as dynamodb_call
from regionform.spec.names.rds import call_name as rds_call
from regionform.spec.names.rds import tenant_call_name as rds_tenant_call


def _arn(spec: Spec, region: Region, resource: Protected) -> str:
    """The ARN of a protected resource: an output of the module call that creates it."""
    if resource.kind == "dynamodb":
        return ref(f'module.{dynamodb_call(region)}.table_arns["{resource.table}"]')
    tenant = next((t for t in spec.tenants if t.id == resource.tenant), None)
    if resource.kind == "aurora":
        call = aurora_call(region) if tenant is None else aurora_tenant_call(tenant)
        return ref(f"module.{call}.cluster_arn")
    call = rds_call(region) if tenant is None else rds_tenant_call(tenant)
    return ref(f"module.{call}.db_instance_arn")


class BackupGenerator:
    kind = "backup"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        backup = spec.backup
        if backup is None:
            return []
        # The copy rule of each region: the edges lint judged (one target per region).
        targets = {
            c.source: c.target
            for c in copy_graph(spec)
            if c.kind == BACKUP_COPY and c.source != c.target and spec.region(c.target) is not None
        }
        vaults = set(vault_regions(spec))
        calls = []
        for region in spec.regions:
            if region.name not in vaults:
                continue
            arguments: dict[str, Any] = {
                "vault_name": vault_name(spec),
                "kms_key_arn": key_arn(region, "database"),
            }
            if not backup.vault_lock:
                arguments["vault_lock"] = False
            resources = protected(spec, region)
            if resources:
                arguments["plan_name"] = plan_name(spec)
                arguments["role_name"] = role_name(spec, region)
                arguments["schedule"] = backup.schedule
                arguments["retention_days"] = backup.retention_days
                if backup.cold_storage_after_days is not None:
                    arguments["cold_storage_after_days"] = backup.cold_storage_after_days
                arguments["resource_arns"] = [_arn(spec, region, r) for r in resources]
                target = targets.get(region.name)
                if target is not None:
                    rule = region.backup
                    assert rule is not None
                    # The module computes the vault's ARN from the region: no cross-root read.
                    arguments["copy_to_region"] = target
                    arguments["copy_retention_days"] = (
                        rule.copy_retention_days or backup.retention_days
                    )
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.name not in vault_regions(spec):
            return {}
        return {"backup_vault_arn": ref(f"module.{call_name(region)}.vault_arn")}


GENERATOR = BackupGenerator()
