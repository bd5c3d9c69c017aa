"""The root: terraform settings, backend, one aliased provider per region, module calls, outputs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regionform.document import Document, ModuleCall, Move, literal
from regionform.generators import all_generators
from regionform.generators.renames import VERSION_MOVES
from regionform.spec.aws import GLOBAL_REGION, provider_alias
from regionform.spec.model import Region, Spec, Tenant

TERRAFORM_VERSION = ">= 1.10"
AWS_PROVIDER_VERSION = "~> 5.100"


@dataclass(frozen=True)
class GeneratedRoot:
    environment: str
    document: Document
    modules: tuple[str, ...]  # our modules the root calls, to bundle next to it
    # Every module call, for layouts that need to know what a block in the document is.
    calls: tuple[ModuleCall, ...] = ()


def region_file(region: str) -> str:
    return region


def _versions() -> dict[str, Any]:
    return {
        "terraform": {
            "required_version": TERRAFORM_VERSION,
            "required_providers": {
                "aws": {"source": "hashicorp/aws", "version": AWS_PROVIDER_VERSION}
            },
        }
    }


def _backend(spec: Spec) -> dict[str, Any]:
    state = spec.state
    if state.kind == "s3":
        config: dict[str, Any] = {
            "bucket": state.bucket,
            "key": state.key,
            "region": state.region,
            "encrypt": True,
            # S3-native locking (Terraform >= 1.10); no DynamoDB table needed.
            "use_lockfile": True,
        }
        return {"terraform": {"backend": {"s3": config}}}
    return {"terraform": {"backend": {"local": {"path": state.path}}}}


def _default_tags(spec: Spec, region: Region | None) -> dict[str, str]:
    tags = {
        "Project": spec.project,
        "Environment": spec.environment,
        "ManagedBy": "regionform",
    }
    if region is not None:
        tags["RegionRole"] = region.role
        if region.residency is not None:
            tags["DataJurisdiction"] = region.residency.jurisdiction
            if region.residency.law:
                tags["DataResidencyLaw"] = region.residency.law
    tags.update(dict(spec.tags))
    return {key: literal(tags[key]) for key in sorted(tags)}


def _providers(spec: Spec) -> dict[str, Any]:
    configs = []
    names = sorted({r.name for r in spec.regions} | {GLOBAL_REGION})
    for name in names:
        configs.append(
            {
                "alias": provider_alias(name),
                "region": name,
                "default_tags": {"tags": _default_tags(spec, spec.region(name))},
            }
        )
    return {"provider": {"aws": configs}}


def _module_block(spec: Spec, call: ModuleCall) -> dict[str, Any]:
    block: dict[str, Any] = {
        "source": spec.modules.source_for(call.module),
        "providers": {"aws": f"aws.{provider_alias(call.region)}"},
    }
    block.update(call.arguments)
    return block


def _tenant_output(tenant: Tenant) -> dict[str, Any]:
    value: dict[str, Any] = {
        "home_region": tenant.home,
        "countries": list(tenant.countries),
        "tier": tenant.tier,
        "description": literal(tenant.description or ""),
    }
    if tenant.residency is not None:
        value["jurisdiction"] = tenant.residency.jurisdiction
        if tenant.residency.allow_copies_to is not None:
            value["data_copies_allowed_to"] = list(tenant.residency.allow_copies_to)
    return value


def _outputs(spec: Spec) -> dict[str, Any]:
    outputs: dict[str, Any] = {}
    for region in spec.regions:
        value: dict[str, Any] = {"role": region.role}
        if region.residency is not None and region.residency.allow_copies_to is not None:
            value["data_copies_allowed_to"] = list(region.residency.allow_copies_to)
        for generator in all_generators():
            value.update(generator.region_outputs(spec, region))
        outputs[f"region_{region.alias}"] = {
            "description": f"What other stacks need from {region.name}.",
            "value": value,
        }
    edge: dict[str, Any] = {}
    for generator in all_generators():
        # Optional: generators of global things (us-east-1) export them here.
        global_outputs = getattr(generator, "global_outputs", None)
        if global_outputs is not None:
            edge.update(global_outputs(spec))
    if edge:
        outputs["edge"] = {
            "description": "Global edge resources: DNS zone, DNSSEC, the CDN's web ACL.",
            "value": edge,
        }
    outputs["tenants"] = {
        "description": "Each tenant's home region, countries and tier.",
        "value": {tenant.id: _tenant_output(tenant) for tenant in spec.tenants},
    }
    return {"output": outputs}


def moves(spec: Spec) -> list[Move]:
    """Every `moved` block: renamed keys (generators' optional `moves` hook) and addresses
    that changed between regionform versions (VERSION_MOVES), deduplicated, in order."""
    found: list[Move] = []
    for generator in all_generators():
        hook = getattr(generator, "moves", None)
        if hook is not None:
            found.extend(hook(spec))
    for version_moves in VERSION_MOVES:
        found.extend(version_moves(spec))
    return list(dict.fromkeys(found))


def generate_root(spec: Spec) -> GeneratedRoot:
    calls = [call for generator in all_generators() for call in generator.calls(spec)]
    # Generators over the others' calls (dashboards) run after all of them.
    for generator in all_generators():
        over = getattr(generator, "calls_over", None)
        if over is not None:
            calls.extend(over(spec, tuple(calls)))
    document: Document = {
        "versions": _versions(),
        "backend": _backend(spec),
        "providers": _providers(spec),
    }
    by_file: dict[str, dict[str, Any]] = {}
    for call in calls:
        stem = call.file or region_file(call.region)
        by_file.setdefault(stem, {})[call.name] = _module_block(spec, call)
    for stem in sorted(by_file):
        blocks = by_file[stem]
        document[stem] = {"module": {name: blocks[name] for name in sorted(blocks)}}
    document["outputs"] = _outputs(spec)
    renamed = moves(spec)
    if renamed:
        # Own file: the history of renames, kept for as long as old state may exist.
        document["moved"] = {"moved": [move.block() for move in renamed]}
    modules = tuple(sorted({call.module for call in calls}))
    return GeneratedRoot(spec.environment, document, modules, tuple(calls))
