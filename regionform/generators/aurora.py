"""Aurora PostgreSQL: a cluster per region whose database is `engine: aurora-postgresql` (a
primary, or a Global Database secondary where it has `replica_of`), and a cluster of its own
per silo tenant homed in such a region."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, Move, ref
from regionform.generators.kms import copy_key_arn, key_arn, tenant_key_arn
from regionform.generators.notifications import watching
from regionform.generators.rds import engine_version, source_database
from regionform.generators.renames import steps
from regionform.spec.copies import AURORA_SECONDARY, copy_graph
from regionform.spec.model import Database, Region, Spec
from regionform.spec.names.aurora import call_name, tenant_call, tenant_call_name
from regionform.spec.names.rds import identifier, tenant_identifier
from regionform.spec.names.vpc import call_name as vpc_call


def _network(region: Region) -> dict[str, Any]:
    vpc = f"module.{vpc_call(region)}"
    return {
        "availability_zones": ref(f"{vpc}.azs"),
        "vpc_id": ref(f"{vpc}.vpc_id"),
        "db_subnet_group_name": ref(f"{vpc}.database_subnet_group_name"),
        "allowed_cidr_blocks": ref(f"{vpc}.private_subnet_cidrs"),
    }


def _acu(value: float) -> int | float:
    """2 rather than 2.0 in the Terraform: whole ACUs read as written."""
    return int(value) if value.is_integer() else value


def _sizing(spec: Spec, database: Database) -> dict[str, Any]:
    arguments: dict[str, Any] = {"engine_version": engine_version(spec, database)}
    if database.serverless is not None:
        arguments["serverless"] = {
            "min_capacity": _acu(database.serverless.min_acu),
            "max_capacity": _acu(database.serverless.max_acu),
        }
    else:
        arguments["instance_class"] = database.instance_class
    arguments["readers"] = database.readers
    # Backups follow the data's source: a secondary keeps its primary's retention and window.
    backups = source_database(spec, database)
    arguments["backup_retention_period"] = backups.backup_retention_days
    if backups.backup_window is not None:
        arguments["preferred_backup_window"] = backups.backup_window
    if database.maintenance_window is not None:
        arguments["preferred_maintenance_window"] = database.maintenance_window
    arguments["deletion_protection"] = True
    return arguments


def _aurora_primaries(spec: Spec) -> set[str]:
    """Regions whose Aurora cluster is the source of a Global Database (a secondary joins it)."""
    return {
        c.source
        for c in copy_graph(spec)
        if c.kind == AURORA_SECONDARY and _is_aurora(spec, c.source) and _is_aurora(spec, c.target)
    }


def _is_aurora(spec: Spec, name: str) -> bool:
    region = spec.region(name)
    return region is not None and region.database is not None and region.database.aurora


class AuroraGenerator:
    kind = "aurora"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        secondaries = {
            c.target: c
            for c in copy_graph(spec)
            if c.kind == AURORA_SECONDARY and _is_aurora(spec, c.source)
        }
        primaries = _aurora_primaries(spec)
        calls = []
        for region in spec.regions:
            database = region.database
            if database is None or not database.aurora:
                continue
            arguments: dict[str, Any] = {"identifier": identifier(spec, region)}
            secondary = secondaries.get(region.name)
            if secondary is not None:
                source = spec.region(secondary.source)
                assert source is not None
                arguments["global_cluster_identifier"] = ref(
                    f"module.{call_name(source)}.global_cluster_id"
                )
                arguments["secondary"] = True  # the identifier is unknown until apply
            elif region.name in primaries:
                arguments["create_global_cluster"] = True
            arguments.update(_sizing(spec, database))
            arguments["kms_key_arn"] = (
                copy_key_arn(spec, secondary)
                if secondary is not None
                else key_arn(region, "database")
            )
            if secondary is None:
                arguments["master_user_secret_kms_key_arn"] = key_arn(region, "secrets")
            arguments.update(_network(region))
            arguments.update(watching(spec, region, self.kind))
            calls.append(ModuleCall(call_name(region), self.kind, region.name, arguments))
        for tenant in spec.tenants:
            home = spec.region(tenant.home)
            if tenant.tier != "silo" or home is None or home.database is None:
                continue
            if not home.database.aurora:
                continue
            # A silo tenant's cluster is a primary of its own, sized like its home region's
            # (a secondary's capacity and readers; its primary's backups).
            arguments = {"identifier": tenant_identifier(spec, tenant)}
            arguments.update(_sizing(spec, home.database))
            # A primary has a writer: a headless secondary region still gives the tenant one.
            arguments["kms_key_arn"] = tenant_key_arn(tenant, "database")
            arguments["master_user_secret_kms_key_arn"] = tenant_key_arn(tenant, "secrets")
            arguments.update(_network(home))
            arguments.update(watching(spec, home, self.kind))
            calls.append(ModuleCall(tenant_call_name(tenant), self.kind, home.name, arguments))
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if region.database is None or not region.database.aurora:
            return {}
        return {
            "database_endpoint": ref(f"module.{call_name(region)}.endpoint"),
            "database_reader_endpoint": ref(f"module.{call_name(region)}.reader_endpoint"),
        }

    def moves(self, spec: Spec) -> list[Move]:
        """A renamed silo tenant's cluster moves with the id."""
        moves = []
        for tenant in spec.tenants:
            home = spec.region(tenant.home)
            if tenant.tier != "silo" or home is None or home.database is None:
                continue
            if home.database.aurora:
                for old, new in steps(tenant.history):
                    moves.append(Move(f"module.{tenant_call(old)}", f"module.{tenant_call(new)}"))
        return moves


GENERATOR = AuroraGenerator()
