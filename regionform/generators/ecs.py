"""ECS Fargate per region that runs services (its own, or a primary's via `services_from`).

One `ecs_<alias>` call per region, in the region's root. A service with a `target` registers
in the region's load balancer target group (`module.alb_<alias>.target_group_arns[...]`, same
root): it never references the HTTPS listener, which lives in the global root. Keys are the
region's: logs for the log groups, storage for queues and buckets, secrets for injection.
"""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, literal, ref
from regionform.generators.kms import key_arn
from regionform.generators.notifications import watching
from regionform.spec.data import replica_buckets
from regionform.spec.model import Region, Service, Spec
from regionform.spec.names import alb, s3, vpc
from regionform.spec.names.ecs import call_name, cluster_name, service_prefix
from regionform.spec.services import services
from regionform.spec.validate_arn import is_secret_arn


def _port(region: Region, service: Service) -> int | None:
    if service.port is not None:
        return service.port
    lb = region.load_balancer
    target = lb.target(service.target) if lb is not None and service.target else None
    return target.port if target is not None else None


def region_buckets(spec: Spec, region: Region) -> set[str]:
    """Bucket purposes the region's s3 call creates: its own and replicas of others'."""
    return {b.purpose for b in region.buckets} | {b.purpose for b in replica_buckets(spec, region)}


def _service(spec: Spec, region: Region, service: Service) -> dict[str, Any]:
    value: dict[str, Any] = {
        "name": service_prefix(spec, region, service),
        "image": service.image,
        "cpu": service.cpu,
        "memory": service.memory,
    }
    port = _port(region, service)
    if port is not None:
        value["port"] = port
    lb = region.load_balancer
    if service.target is not None and lb is not None and lb.target(service.target) is not None:
        value["target_group_arn"] = ref(
            f'module.{alb.call_name(region)}.target_group_arns["{service.target}"]'
        )
        value["health_check_grace_period"] = service.health_check_grace_period
    value["desired"] = service.desired
    value["min"] = service.min
    value["max"] = service.max
    if service.command is not None:
        value["command"] = [literal(c) for c in service.command]
    if service.environment:
        value["environment"] = {k: literal(v) for k, v in service.environment}
    # Only ARNs ever reach the generated files; lint (RF184) reports anything else.
    secrets = {k: v for k, v in service.secrets if is_secret_arn(v)}
    if secrets:
        value["secrets"] = secrets
    available = region_buckets(spec, region)
    buckets = {
        purpose: {
            "arn": ref(f'module.{s3.call_name(region)}.bucket_arns["{purpose}"]'),
            "access": access,
        }
        for purpose, access in service.buckets
        if purpose in available
    }
    if buckets:
        value["buckets"] = buckets
    if service.queue is not None:
        value["queue"] = {
            "visibility_timeout": service.queue.visibility_timeout,
            "retention_days": service.queue.retention_days,
            "max_receive_count": service.queue.max_receive_count,
        }
    scaling: dict[str, Any] = {}
    if service.scaling.cpu is not None:
        scaling["cpu"] = service.scaling.cpu
    if service.scaling.memory is not None:
        scaling["memory"] = service.scaling.memory
    depth = service.scaling.queue_depth
    if depth is not None and service.queue is not None:
        scaling["queue_depth"] = {
            "scale_out_above": depth.scale_out_above,
            "scale_in_below": depth.scale_in_below,
            "step": depth.step,
            "cooldown": depth.cooldown,
        }
    if scaling:
        value["scaling"] = scaling
    if service.spot_percent:
        value["spot_percent"] = service.spot_percent
    if service.exec:
        value["exec"] = True
    if not service.readonly_root_filesystem:
        value["readonly_root_filesystem"] = False
    value["user"] = service.user
    return value


def _arguments(spec: Spec, region: Region, running: tuple[Service, ...]) -> dict[str, Any]:
    network = f"module.{vpc.call_name(region)}"
    arguments: dict[str, Any] = {
        "cluster_name": cluster_name(spec, region),
        "vpc_id": ref(f"{network}.vpc_id"),
        "vpc_cidr_block": ref(f"{network}.vpc_cidr_block"),
        "subnet_ids": ref(f"{network}.private_subnet_ids"),
        "log_kms_key_arn": key_arn(region, "logs"),
        # The region's log retention: its flow logs' (lint RF146 asks why when under a year).
        "log_retention_days": region.vpc.flow_log_retention_days,
    }
    if region.load_balancer is not None and any(s.target for s in running):
        arguments["load_balancer_security_group_id"] = ref(
            f"module.{alb.call_name(region)}.security_group_id"
        )
    if any(s.queue is not None for s in running):
        arguments["queue_kms_key_arn"] = key_arn(region, "storage")
    if any(s.buckets for s in running):
        arguments["storage_kms_key_arn"] = key_arn(region, "storage")
    if any(s.secrets for s in running):
        arguments["secrets_kms_key_arn"] = key_arn(region, "secrets")
    arguments["services"] = {s.name: _service(spec, region, s) for s in running}
    arguments.update(watching(spec, region, "ecs"))
    return arguments


class EcsGenerator:
    kind = "ecs"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls = []
        for region in spec.regions:
            running = services(spec, region)
            if running:
                calls.append(
                    ModuleCall(
                        name=call_name(region),
                        module=self.kind,
                        region=region.name,
                        arguments=_arguments(spec, region, running),
                    )
                )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not services(spec, region):
            return {}
        module = f"module.{call_name(region)}"
        return {
            "ecs_cluster_name": ref(f"{module}.cluster_name"),
            "ecs_service_names": ref(f"{module}.service_names"),
            "ecs_queue_urls": ref(f"{module}.queue_urls"),
        }


GENERATOR = EcsGenerator()
