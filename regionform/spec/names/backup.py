"""AWS Backup names: one module call per region with a vault; the vault, plan and role names,
the vault name is the same in every region, so a copy rule names its destination by region."""

from __future__ import annotations

from regionform.spec.backup import protected, vault_regions
from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName

VAULT_LIMIT = 50
PLAN_LIMIT = 50
ROLE_LIMIT = 64


def call_name(region: Region) -> str:
    return f"backup_{region.alias}"


def vault_name(spec: Spec) -> str:
    """The same in every region: a copy rule names its destination by region alone."""
    return spec.prefix


def plan_name(spec: Spec) -> str:
    return f"{spec.prefix}-daily"


def role_name(spec: Spec, region: Region) -> str:
    """IAM is global: the region keeps the per-region roles apart."""
    return f"{spec.prefix}-backup-{region.name}"


def derived(spec: Spec) -> list[DerivedName]:
    names: list[DerivedName] = []
    if spec.backup is None:
        return names
    path: tuple[str | int, ...] = ("backup",)
    if vault_regions(spec):
        names.append(DerivedName(vault_name(spec), VAULT_LIMIT, "AWS Backup vault", path))
    planned = [region for region in spec.regions if protected(spec, region)]
    if planned:
        names.append(DerivedName(plan_name(spec), PLAN_LIMIT, "AWS Backup plan", path))
    for region in planned:
        names.append(
            DerivedName(role_name(spec, region), ROLE_LIMIT, "IAM role for AWS Backup", path)
        )
    return names
