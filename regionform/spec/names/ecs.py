"""ECS names: one cluster per region that runs services (spec/services.py), and per service
its task family, roles, log group, security group and queues."""

from __future__ import annotations

from regionform.spec.model import Region, Service, Spec
from regionform.spec.names import DerivedName
from regionform.spec.names.alb import short_region
from regionform.spec.quotas import Usage
from regionform.spec.services import services

CLUSTER_NAME_LIMIT = 255
ROLE_NAME_LIMIT = 64  # IAM role names
QUEUE_NAME_LIMIT = 80  # SQS queue names
FAMILY_LIMIT = 255
LOG_GROUP_LIMIT = 512


def call_name(region: Region) -> str:
    return f"ecs_{region.alias}"


def cluster_name(spec: Spec, region: Region) -> str:
    return f"{spec.prefix}-{short_region(region.name)}"


def service_prefix(spec: Spec, region: Region, service: Service) -> str:
    """The stem of every per-service AWS name (the module appends -task, -exec, -dlq …)."""
    return f"{cluster_name(spec, region)}-{service.name}"


def derived(spec: Spec) -> list[DerivedName]:
    names: list[DerivedName] = []
    for region in spec.regions:
        running = services(spec, region)
        if not running:
            continue
        base = ("regions", region.name, "services")
        names.append(
            DerivedName(cluster_name(spec, region), CLUSTER_NAME_LIMIT, "ECS cluster", base)
        )
        for service in running:
            own = any(s.name == service.name for s in region.services)
            path = (*base, service.name) if own else ("regions", region.name, "services_from")
            stem = service_prefix(spec, region, service)
            # The module builds role names itself: these must fit without cutting.
            names += [
                DerivedName(f"{stem}-task", ROLE_NAME_LIMIT, "ECS task role", path),
                DerivedName(f"{stem}-exec", ROLE_NAME_LIMIT, "ECS execution role", path),
                DerivedName(stem, FAMILY_LIMIT, "ECS task definition family", path),
            ]
            if service.queue is not None:
                names.append(DerivedName(f"{stem}-dlq", QUEUE_NAME_LIMIT, "SQS queue", path))
    return names


def counts(spec: Spec) -> list[Usage]:
    """IAM roles of every service a region runs: an execution role and a task role each."""
    roles = sum(2 * len(services(spec, region)) for region in spec.regions)
    return [Usage("iam-roles", "account", roles, ("regions",))] if roles else []
