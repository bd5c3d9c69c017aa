"""Which planned changes would lose data.

A database, cache, bucket, DynamoDB table, KMS key or EKS cluster holds state that a
`terraform apply` cannot bring back once deleted. A plan that deletes or replaces one is
refused unless the user names the address with `--allow-destroy`. Replacement counts: it is a
delete followed by a create, and the new resource starts empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Resource types whose deletion loses data or identity that cannot be recreated.
STATEFUL_TYPES: Mapping[str, str] = {
    "aws_db_instance": "database",
    "aws_db_instance_automated_backups_replication": "database backup copies",
    # An Aurora cluster holds the data (its instances are compute on the shared volume, so
    # removing a reader loses nothing); the Global Database ties the regions' copies together.
    # Switching a region's database between RDS and Aurora deletes one of these: a migration.
    "aws_rds_cluster": "Aurora cluster",
    "aws_rds_global_cluster": "Aurora Global Database",
    "aws_elasticache_replication_group": "cache",
    "aws_elasticache_global_replication_group": "cache global datastore",
    "aws_s3_bucket": "bucket",
    "aws_kms_key": "KMS key",
    "aws_kms_replica_key": "KMS key",
    "aws_eks_cluster": "EKS cluster",
    "aws_dynamodb_table": "DynamoDB table",
    "aws_backup_vault": "backup vault",
}


@dataclass(frozen=True)
class StatefulChange:
    """A planned delete or replace of a stateful resource."""

    address: str
    resource_type: str
    what: str  # "database", "bucket", …
    actions: tuple[str, ...]  # Terraform's actions, e.g. ("delete",) or ("delete", "create")

    @property
    def replaced(self) -> bool:
        return "create" in self.actions


def destroys(actions: Iterable[str]) -> bool:
    """True for Terraform plan actions that remove the existing object (delete or replace)."""
    return "delete" in tuple(actions)


def stateful_changes(plan: Mapping[str, Any]) -> list[StatefulChange]:
    """Deletes and replacements of stateful resources in `terraform show -json` plan output."""
    changes = []
    for change in plan.get("resource_changes") or ():
        if change.get("mode") != "managed":
            continue
        what = STATEFUL_TYPES.get(str(change.get("type")))
        actions = tuple(change.get("change", {}).get("actions") or ())
        if what is not None and destroys(actions):
            changes.append(
                StatefulChange(str(change["address"]), str(change["type"]), what, actions)
            )
    return sorted(changes, key=lambda c: c.address)


def refused(changes: Iterable[StatefulChange], allowed: Iterable[str]) -> list[StatefulChange]:
    """The stateful changes the user did not explicitly allow."""
    permitted = set(allowed)
    return [change for change in changes if change.address not in permitted]
