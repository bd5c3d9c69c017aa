"""DynamoDB names: one module call per region holding tables, tables <project>-<env>-<name>,
and an IAM policy per tenant whose home reaches a tenant-partitioned table."""

from __future__ import annotations

from regionform.spec.model import Region, Spec, Tenant
from regionform.spec.names import DerivedName
from regionform.spec.tables import Table

TABLE_NAME_LIMIT = 255
POLICY_NAME_LIMIT = 128


def call_name(region: Region) -> str:
    return f"dynamodb_{region.alias}"


def table_name(spec: Spec, table: Table) -> str:
    # The same in every replica region: a global table has one name.
    return f"{spec.prefix}-{table.name}"


def policy_name(spec: Spec, region: Region, tenant: Tenant) -> str:
    return f"{spec.prefix}-{region.name}-tenant-{tenant.id}-dynamodb"


def tenant_policies(spec: Spec, region: Region) -> list[tuple[Tenant, str]]:
    """The pooled tenants reaching a tenant-partitioned table homed in `region`, each with the
    region it reaches it in (its home: this region, or one holding a replica)."""
    found = []
    for tenant in spec.tenants:
        if tenant.tier != "pooled" or spec.region(tenant.home) is None:
            continue
        if any(
            t.tenant_partitioned and (tenant.home == region.name or tenant.home in t.replicas)
            for t in region.tables
        ):
            found.append((tenant, tenant.home))
    return found


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        for table in region.tables:
            names.append(
                DerivedName(
                    table_name(spec, table),
                    TABLE_NAME_LIMIT,
                    "DynamoDB table",
                    ("regions", region.name, "tables", table.name),
                )
            )
        for tenant, _ in tenant_policies(spec, region):
            names.append(
                DerivedName(
                    policy_name(spec, region, tenant),
                    POLICY_NAME_LIMIT,
                    "IAM policy of a tenant's DynamoDB partition",
                    ("tenants", tenant.id),
                )
            )
    return names
