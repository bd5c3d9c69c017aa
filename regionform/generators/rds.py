"""PostgreSQL: a primary or cross-region read replica per region, automated-backup copies into
another region, and a dedicated database per silo tenant."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, Move, ref
from regionform.generators.kms import copy_key_arn, key_arn, tenant_key_arn
from regionform.generators.notifications import watching
from regionform.generators.renames import steps
from regionform.spec.copies import RDS_BACKUPS, RDS_REPLICA, RDS_TENANT_BACKUPS, Copy, copy_graph
from regionform.spec.model import DEFAULT_POSTGRES, Database, Region, Spec, Tenant
from regionform.spec.names.rds import (
    backups_call_name,
    call_name,
    identifier,
    tenant_backups_call,
    tenant_backups_call_name,
    tenant_call,
    tenant_call_name,
    tenant_identifier,
)
from regionform.spec.names.vpc import call_name as vpc_call


def _tenant_database(spec: Spec, tenant: Tenant) -> Database | None:
    """The database a silo tenant gets: sized like its home region's, if that has one."""
    home = spec.region(tenant.home)
    if tenant.tier != "silo" or home is None or home.database is None:
        return None
    return None if home.database.aurora else home.database


def source_database(spec: Spec, database: Database) -> Database:
    """The database whose data `database` holds: itself, or its replica chain's primary."""
    seen = [database]
    while database.replica_of is not None:
        source = spec.region(database.replica_of)
        if source is None or source.database is None or source.database in seen:
            break  # lint refuses these
        database = source.database
        seen.append(database)
    return database


def _network(region: Region) -> dict[str, Any]:
    vpc = f"module.{vpc_call(region)}"
    return {
        "vpc_id": ref(f"{vpc}.vpc_id"),
        "db_subnet_group_name": ref(f"{vpc}.database_subnet_group_name"),
        "allowed_cidr_blocks": ref(f"{vpc}.private_subnet_cidrs"),
    }


def engine_version(spec: Spec, database: Database) -> str:
    """A replica runs its source's version (its parameter group family must match)."""
    return source_database(spec, database).engine_version or DEFAULT_POSTGRES


def _sizing(spec: Spec, database: Database, replica: bool) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "engine_version": engine_version(spec, database),
        "instance_class": database.instance_class,
    }
    # Storage is the source's: a replica inherits it, and a silo tenant homed in a replica
    # region gets a database sized like the data it would otherwise share, not the default.
    storage = source_database(spec, database)
    if not replica:
        arguments["allocated_storage"] = storage.storage_gb
    # A replica's own ceiling (if it states one) wins; else the source's.
    ceiling = database.max_storage_gb if database.max_storage_gb is not None else None
    if ceiling is None and not replica:
        ceiling = storage.max_storage_gb
    if ceiling is not None:
        arguments["max_allocated_storage"] = ceiling
    arguments["multi_az"] = database.multi_az
    arguments["backup_retention_period"] = database.backup_retention_days
    arguments["deletion_protection"] = True
    return arguments


def _backups(
    spec: Spec, name: str, ident: str, copy: Copy, source_arn: str, retention: int
) -> ModuleCall:
    return ModuleCall(
        name=name,
        module="rds",
        region=copy.target,
        arguments={
            "identifier": ident,
            "create_instance": False,
            "kms_key_arn": copy_key_arn(spec, copy),
            "automated_backups_replication": {
                "source_db_instance_arn": source_arn,
                "retention_period": retention,
            },
        },
    )


class RdsGenerator:
    kind = "rds"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        # Every copy a database makes is an edge of the copy graph lint judged.
        copies = {
            (c.kind, c.target if c.kind == RDS_REPLICA else c.source, c.tenant): c
            for c in copy_graph(spec)
            if c.kind in (RDS_REPLICA, RDS_BACKUPS, RDS_TENANT_BACKUPS)
            and spec.region(c.source) is not None
            and spec.region(c.target) is not None
        }
        calls = []
        for region in spec.regions:
            database = region.database
            if database is None or database.aurora:
                continue  # Aurora clusters: generators/aurora.py
            arguments: dict[str, Any] = {"identifier": identifier(spec, region)}
            replica = copies.get((RDS_REPLICA, region.name, None))
            if replica is not None:
                source = spec.region(replica.source)
                assert source is not None
                arguments["replicate_source_db"] = ref(
                    f"module.{call_name(source)}.db_instance_arn"
                )
            arguments.update(_sizing(spec, database, replica=database.replica_of is not None))
            arguments["kms_key_arn"] = (
                copy_key_arn(spec, replica) if replica is not None else key_arn(region, "database")
            )
            if database.replica_of is None:
                arguments["master_user_secret_kms_key_arn"] = key_arn(region, "secrets")
            arguments.update(_network(region))
            arguments.update(watching(spec, region, self.kind))
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
            backups = copies.get((RDS_BACKUPS, region.name, None))
            if backups is not None:
                calls.append(
                    _backups(
                        spec,
                        backups_call_name(region),
                        f"{identifier(spec, region)}-backups",
                        backups,
                        ref(f"module.{call_name(region)}.db_instance_arn"),
                        database.backup_retention_days,
                    )
                )
        for tenant in spec.tenants:
            home = spec.region(tenant.home)
            # A silo tenant's database is a primary of its own in its home region, sized like
            # the region's database, even where that one is a replica of another region.
            database = _tenant_database(spec, tenant)
            if database is None or home is None:
                continue
            arguments = {"identifier": tenant_identifier(spec, tenant)}
            arguments.update(_sizing(spec, database, replica=False))
            arguments["kms_key_arn"] = tenant_key_arn(tenant, "database")
            arguments["master_user_secret_kms_key_arn"] = tenant_key_arn(tenant, "secrets")
            arguments.update(_network(home))
            arguments.update(watching(spec, home, self.kind))
            calls.append(ModuleCall(tenant_call_name(tenant), self.kind, home.name, arguments))
            backups = copies.get((RDS_TENANT_BACKUPS, home.name, tenant.id))
            if backups is not None:
                calls.append(
                    _backups(
                        spec,
                        tenant_backups_call_name(tenant),
                        f"{tenant_identifier(spec, tenant)}-backups",
                        backups,
                        ref(f"module.{tenant_call_name(tenant)}.db_instance_arn"),
                        database.backup_retention_days,
                    )
                )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.database is None or region.database.aurora:
            return {}
        return {"database_endpoint": ref(f"module.{call_name(region)}.endpoint")}

    def moves(self, spec: Spec) -> list[Move]:
        """A renamed silo tenant's database (and its backup copies) move with the id."""
        moves = []
        for tenant in spec.tenants:
            database = _tenant_database(spec, tenant)
            if database is None:
                continue
            for old, new in steps(tenant.history):
                moves.append(Move(f"module.{tenant_call(old)}", f"module.{tenant_call(new)}"))
                if spec.region(database.backup_copies_to or "") is not None:
                    moves.append(
                        Move(
                            f"module.{tenant_backups_call(old)}",
                            f"module.{tenant_backups_call(new)}",
                        )
                    )
        return moves


GENERATOR = RdsGenerator()
