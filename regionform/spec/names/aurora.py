"""Aurora names: a cluster per region whose database is aurora-postgresql, one per silo tenant
homed there. Cluster identifiers are the RDS identifiers (spec/names/rds.py): a region has one
database whatever its engine."""

from __future__ import annotations

from regionform.spec.model import Region, Tenant, alias_of

# Instance identifiers are <cluster>-writer / <cluster>-reader-N and must fit 63 characters.
CLUSTER_IDENTIFIER_LIMIT = 52


def call_name(region: Region) -> str:
    return f"aurora_{region.alias}"


def tenant_call(tenant_id: str) -> str:
    return f"aurora_tenant_{alias_of(tenant_id)}"


def tenant_call_name(tenant: Tenant) -> str:
    return tenant_call(tenant.id)
