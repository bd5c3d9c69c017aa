"""RDS names: a database per region, backup copies, a database per silo tenant."""

from __future__ import annotations

from regionform.spec.model import Database, Region, Spec, Tenant, alias_of
from regionform.spec.names import ACCOUNT, PARTITION, DerivedName
from regionform.spec.quotas import Usage

IDENTIFIER_LIMIT = 63


def call_name(region: Region) -> str:
    return f"rds_{region.alias}"


def backups_call_name(region: Region) -> str:
    """Backups of `region`'s database copied elsewhere; the call lives in the target region."""
    return f"rds_backups_{region.alias}"


def tenant_call(tenant_id: str) -> str:
    return f"rds_tenant_{alias_of(tenant_id)}"


def tenant_backups_call(tenant_id: str) -> str:
    return f"rds_tenant_backups_{alias_of(tenant_id)}"


def tenant_call_name(tenant: Tenant) -> str:
    return tenant_call(tenant.id)


def tenant_backups_call_name(tenant: Tenant) -> str:
    return tenant_backups_call(tenant.id)


def identifier(spec: Spec, region: Region) -> str:
    return f"{spec.prefix}-{region.name}"


def tenant_identifier(spec: Spec, tenant: Tenant) -> str:
    # The oldest id: a renamed tenant keeps its database (and the names derived from it).
    return f"{spec.prefix}-{tenant.name_key}"


def instance_arn(region: str, identifier: str) -> str:
    """The ARN of the DB instance `identifier` in `region`, as a Terraform template."""
    return f"arn:{PARTITION}:rds:{region}:{ACCOUNT}:db:{identifier}"


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        if region.database is not None:
            names.append(
                DerivedName(
                    identifier(spec, region),
                    IDENTIFIER_LIMIT,
                    "RDS instance identifier",
                    ("regions", region.name, "database"),
                )
            )
    for tenant in spec.tenants:
        home = spec.region(tenant.home)
        if tenant.tier == "silo" and home is not None and home.database is not None:
            names.append(
                DerivedName(
                    tenant_identifier(spec, tenant),
                    IDENTIFIER_LIMIT,
                    "RDS instance identifier",
                    ("tenants", tenant.id),
                )
            )
    return names


def _instances(database: Database, own_primary: bool) -> int:
    """DB instances a database makes: one (RDS), or an Aurora cluster's writer and readers
    (a Global Database secondary has no writer; a silo tenant's cluster is a primary)."""
    if not database.aurora:
        return 1
    writer = 1 if own_primary or database.replica_of is None else 0
    return writer + database.readers


def counts(spec: Spec) -> list[Usage]:
    """DB instances per region: the region's database (a replica is one too; an Aurora
    cluster counts its writer and readers) and those of each silo tenant homed there; and the
    monitoring roles, against the account's IAM roles."""
    silos: dict[str, int] = {}
    for tenant in spec.tenants:
        if tenant.tier == "silo":
            silos[tenant.home] = silos.get(tenant.home, 0) + 1
    instances = []
    roles = 0
    for region in spec.regions:
        database = region.database
        if database is None:
            continue
        silo = silos.get(region.name, 0)
        count = _instances(database, False) + silo * _instances(database, True)
        instances.append(
            Usage("rds-db-instances", region.name, count, ("regions", region.name, "database"))
        )
        # An RDS instance has its Enhanced Monitoring role (the module's default interval is
        # 30 s); an Aurora cluster has one for all its instances (none when headless).
        if database.aurora:
            roles += (1 if _instances(database, False) else 0) + silo
        else:
            roles += 1 + silo
    return instances + ([Usage("iam-roles", "account", roles, ("regions",))] if roles else [])
