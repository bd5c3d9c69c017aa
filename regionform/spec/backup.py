"""What AWS Backup protects in a region: the model's view, read by the copy graph (whose
BACKUP_COPY edges carry each resource's data) and by generators/backup.py (whose selection
names the same resources), so lint judges exactly the copies the plan makes.

A region backs up its own database when AWS Backup can: an RDS primary or an Aurora cluster
(a Global Database secondary too: its recovery points hold its primary's data), each silo
tenant's database homed there, and the DynamoDB tables homed there (a global table's home
table holds every replica's writes). RDS read replicas are left out: AWS Backup does not back
them up (their source's recovery points, and RDS automated-backup replication, cover them)."""

from __future__ import annotations

from dataclasses import dataclass

from regionform.spec.model import Region, Spec


@dataclass(frozen=True)
class Protected:
    """One resource a region's backup plan selects."""

    kind: str  # rds | aurora | dynamodb
    what: str  # for people: "RDS database", "DynamoDB table 'orders'"
    tenant: str | None = None  # the silo tenant owning the database
    table: str | None = None  # the table's name (DynamoDB)


def backs_up(spec: Spec, region: Region) -> bool:
    """The region has a backup plan: AWS Backup is on and the region does not turn it off."""
    return spec.backup is not None and (region.backup is None or region.backup.enabled)


def protected(spec: Spec, region: Region) -> list[Protected]:
    """The resources the region's backup plan selects, in a stable order."""
    if not backs_up(spec, region):
        return []
    found: list[Protected] = []
    database = region.database
    if database is not None:
        if database.aurora:
            found.append(Protected("aurora", "Aurora cluster"))
        elif database.replica_of is None:
            found.append(Protected("rds", "RDS database"))
        for tenant in spec.tenants:
            if tenant.tier == "silo" and tenant.home == region.name:
                kind = "aurora" if database.aurora else "rds"
                what = "Aurora cluster" if database.aurora else "RDS database"
                found.append(Protected(kind, f"{what} of tenant {tenant.id!r}", tenant=tenant.id))
    for table in region.tables:
        found.append(Protected("dynamodb", f"DynamoDB table {table.name!r}", table=table.name))
    return found


def vault_regions(spec: Spec) -> list[str]:
    """Regions with a backup vault: every region that backs something up or is named by a
    copy_to (its vault receives the copies, even with no plan of its own)."""
    if spec.backup is None:
        return []
    found = {r.name for r in spec.regions if protected(spec, r)}
    for region in spec.regions:
        if (
            region.backup is not None
            and region.backup.copy_to is not None
            and protected(spec, region)
        ) and spec.region(region.backup.copy_to) is not None:
            found.add(region.backup.copy_to)
    return [r.name for r in spec.regions if r.name in found]
