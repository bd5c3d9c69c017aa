"""Customer-managed KMS keys: one per purpose in every region that holds or receives data,
a dedicated set per silo tenant in its home region, and replicas of multi-Region keys.

A copy is encrypted at its target under the key of the data it carries: when that key (the
origin region's, or a silo tenant's) is multi-Region, the target gets a replica of it
(`aws_kms_replica_key`, one module call per key owner and target region) and the copy uses
the replica, so the same key material protects the data wherever the copy graph takes it.
Otherwise the copy uses the target region's own key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regionform.document import ModuleCall, Move, ref
from regionform.generators.renames import steps
from regionform.spec.backup import vault_regions
from regionform.spec.copies import BACKUP_COPY, DYNAMODB_REPLICA, KEY_PURPOSE, Copy, copy_graph
from regionform.spec.data import cdn_reads, needs_kms
from regionform.spec.model import KEY_PURPOSES, Region, Spec, Tenant, alias_of
from regionform.spec.names.kms import (
    call_name,
    replica_call_name,
    tenant_call,
    tenant_call_name,
    tenant_purposes,
)
from regionform.spec.services import services

# The AWS services that use each purpose's key (the key policy grants them via kms:ViaService).
SERVICES: dict[str, list[str]] = {
    "database": ["elasticache.amazonaws.com", "rds.amazonaws.com"],
    "storage": ["s3.amazonaws.com"],
    "secrets": ["secretsmanager.amazonaws.com"],
    "logs": ["logs.amazonaws.com"],
}
# DynamoDB uses the database key only where a table or a replica of one lives, so estates
# without tables keep their key policies unchanged.
DYNAMODB = "dynamodb.amazonaws.com"
BACKUP = "backup.amazonaws.com"


def _dynamodb_regions(spec: Spec) -> set[str]:
    """Regions holding a DynamoDB table or a replica of one."""
    found = {r.name for r in spec.regions if r.tables}
    found |= {c.target for c in copy_graph(spec) if c.kind == DYNAMODB_REPLICA}
    return found


def _services(spec: Spec, region: Region, purpose: str) -> list[str]:
    """The AWS services a key of `purpose` in `region` lets use it. Only regions that hold
    what needs a service add it, so other key policies stay as they are."""
    principals = SERVICES[purpose]
    if purpose == "database" and region.name in _dynamodb_regions(spec):
        principals = sorted({*principals, DYNAMODB})
    if purpose == "database" and region.name in vault_regions(spec):
        # The region's backup vault is encrypted under its database key (generators/backup.py).
        principals = sorted({*principals, BACKUP})
    if purpose == "storage" and cdn_reads(spec, region):
        # CloudFront reads a CDN bucket origin through OAC and must decrypt its objects.
        principals = [*principals, "cloudfront.amazonaws.com"]
    if purpose == "storage" and any(s.queue is not None for s in services(spec, region)):
        # ECS services' SQS queues (generators/ecs.py) are encrypted under the storage key.
        principals = sorted([*principals, "sqs.amazonaws.com"])
    return principals


def _silo(spec: Spec) -> list[Tenant]:
    """Silo tenants whose home region exists: they get their own keys."""
    return [t for t in spec.tenants if t.tier == "silo" and spec.region(t.home) is not None]


def key_arn(region: Region, purpose: str) -> str:
    return ref(f'module.{call_name(region)}.key_arns["{purpose}"]')


def tenant_key_arn(tenant: Tenant, purpose: str) -> str:
    return ref(f'module.{tenant_call_name(tenant)}.key_arns["{purpose}"]')


@dataclass(frozen=True)
class KeyOwner:
    """Whose multi-Region key encrypts a copy: a region's or a silo tenant's."""

    call: str  # the module call creating the primary key
    home: str  # the region of the primary key
    stem: str  # names the owner in replica call names: ap_south_1, tenant_acme
    alias_prefix: str  # aliases of its replicas: alias/<prefix>/<purpose>


def _owner(spec: Spec, copy: Copy) -> KeyOwner | None:
    """The owner of the multi-Region key `copy` is encrypted under, if the key is one."""
    purpose = KEY_PURPOSE.get(copy.kind)
    if purpose is None:  # not encrypted under a customer key (CloudFront logs)
        return None
    if copy.kind == BACKUP_COPY:  # the target vault's key: its region's own
        return None
    if copy.tenant is not None:
        tenant = next((t for t in spec.tenants if t.id == copy.tenant), None)
        home = spec.region(tenant.home) if tenant is not None else None
        if tenant is None or home is None or purpose not in home.kms.multi_region:
            return None
        return KeyOwner(
            tenant_call_name(tenant),
            home.name,
            f"tenant_{tenant.alias}",
            f"{spec.project}/{tenant.name_key}",
        )
    origin = spec.region(copy.origin)
    if origin is None or purpose not in origin.kms.multi_region:
        return None
    return KeyOwner(call_name(origin), origin.name, origin.alias, f"{spec.project}/{origin.name}")


def copy_key_arn(spec: Spec, copy: Copy) -> str:
    """The key `copy` is encrypted under at its target region."""
    purpose = KEY_PURPOSE[copy.kind]
    target = spec.region(copy.target)
    assert target is not None, "lint refuses a copy to an undefined region"
    owner = _owner(spec, copy)
    if owner is None:
        return key_arn(target, purpose)
    if owner.home == target.name:
        return ref(f'module.{owner.call}.key_arns["{purpose}"]')
    return ref(f'module.{replica_call_name(owner.stem, target)}.key_arns["{purpose}"]')


def _replicas(spec: Spec) -> dict[tuple[str, str], tuple[KeyOwner, set[str]]]:
    """(owner stem, target region) → the owner and the purposes replicated there."""
    found: dict[tuple[str, str], tuple[KeyOwner, set[str]]] = {}
    for copy in copy_graph(spec):
        if copy.kind not in KEY_PURPOSE:
            continue  # lands in a table encrypted under its own region's key
        owner = _owner(spec, copy)
        if owner is None or copy.target == owner.home or spec.region(copy.target) is None:
            continue
        entry = found.setdefault((owner.stem, copy.target), (owner, set()))
        entry[1].add(KEY_PURPOSE[copy.kind])
    return found


def _keys(spec: Spec, region: Region, purposes: tuple[str, ...]) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    for purpose in purposes:
        key: dict[str, Any] = {
            "rotation_period_in_days": region.kms.rotation_period_in_days,
            "service_principals": _services(spec, region, purpose),
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
                            "keys": _keys(spec, region, KEY_PURPOSES),
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
                        "keys": _keys(spec, home, tenant_purposes(spec, tenant)),
                    },
                )
            )
        for (stem, target_name), (owner, purposes) in sorted(_replicas(spec).items()):
            target = spec.region(target_name)
            assert target is not None
            calls.append(
                ModuleCall(
                    name=replica_call_name(stem, target),
                    module=self.kind,
                    region=target.name,
                    arguments={
                        "alias_prefix": owner.alias_prefix,
                        "keys": {},
                        "replica_keys": {
                            purpose: {
                                "primary_key_arn": ref(
                                    f'module.{owner.call}.key_arns["{purpose}"]'
                                ),
                                "service_principals": _services(spec, target, purpose),
                            }
                            for purpose in sorted(purposes)
                        },
                    },
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not needs_kms(spec, region):
            return {}
        return {"kms_key_arns": ref(f"module.{call_name(region)}.key_arns")}

    def moves(self, spec: Spec) -> list[Move]:
        """A renamed silo tenant's keys (and their replicas) move with its module call."""
        moves = [
            Move(f"module.{tenant_call(old)}", f"module.{tenant_call(new)}")
            for tenant in _silo(spec)
            for old, new in steps(tenant.history)
        ]
        for stem, target_name in _replicas(spec):
            region = spec.region(target_name)
            assert region is not None
            for tenant in _silo(spec):
                if stem != f"tenant_{tenant.alias}":
                    continue
                for old, new in steps(tenant.history):
                    moves.append(
                        Move(
                            f"module.{replica_call_name(f'tenant_{alias_of(old)}', region)}",
                            f"module.{replica_call_name(f'tenant_{alias_of(new)}', region)}",
                        )
                    )
        return moves


GENERATOR = KmsGenerator()
