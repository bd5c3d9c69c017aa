"""ECS services as Terraform plans them: registered with the front door, least privilege.

project-one is planned against moto's server (single layout) and read back through
`terraform show -json`: each service's target group is the load balancer module's own (a
reference into `module.alb_<alias>.target_group_arns`, never a typed ARN), and each task role
grants nothing beyond what the spec names for the service.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, Terraform
from moto_server import MotoServer, moto_server, write_moto_override

from regionform.api import generate, load_spec
from regionform.spec.names import alb, ecs, kms
from regionform.spec.services import services

pytestmark = pytest.mark.terraform

SPEC = REPO / "examples" / "project-one.yaml"

# What each thing a spec can name lets a task role do; anything else is a finding.
SECRET_ACTIONS = {"secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt"}
BUCKET_ACTIONS = {
    "s3:ListBucket",
    "s3:GetObject",
    "s3:PutObject",
    "s3:AbortMultipartUpload",
    "kms:Decrypt",
    "kms:GenerateDataKey",
}
QUEUE_ACTIONS = {
    "sqs:ChangeMessageVisibility",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "sqs:ReceiveMessage",
    "sqs:SendMessage",
    "kms:Decrypt",
    "kms:GenerateDataKey",
}
EXEC_ACTIONS = {
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "logs:CreateLogStream",
    "logs:DescribeLogStreams",
    "logs:PutLogEvents",
    "kms:Decrypt",
}


@pytest.fixture(scope="module")
def shown(
    terraform: Terraform, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    with moto_server() as moto:
        yield _plan(moto, terraform, tmp_path_factory.mktemp("ecs-plan"))


def _plan(moto: MotoServer, terraform: Terraform, out: Path) -> dict[str, Any]:
    """The estate's plan once its KMS keys exist: a task policy names the region's keys, so
    with the keys still to be created every policy would be unknown at plan time."""
    moto.reset()
    root = generate(load_spec(SPEC), out=out, output_format="hcl").root
    write_moto_override(root, moto.endpoint, root / "terraform.tfstate")
    terraform.run(root, "init", "-input=false", "-no-color")
    keys = [f"-target=module.{kms.call_name(region)}" for region in load_spec(SPEC).regions]
    terraform.run(root, "apply", "-input=false", "-no-color", "-auto-approve", *keys)
    terraform.run(root, "plan", "-input=false", "-no-color", "-out=ecs.tfplan")
    return dict(json.loads(terraform.run(root, "show", "-json", "ecs.tfplan").stdout))


def _module_calls(shown: dict[str, Any]) -> dict[str, Any]:
    calls: dict[str, Any] = shown["configuration"]["root_module"]["module_calls"]
    return calls


def test_every_service_registers_in_the_front_doors_target_group(shown: dict[str, Any]) -> None:
    spec = load_spec(SPEC)
    calls = _module_calls(shown)
    checked = 0
    for region in spec.regions:
        running = [s for s in services(spec, region) if s.target is not None]
        if not running:
            continue
        references = set(calls[ecs.call_name(region)]["expressions"]["services"]["references"])
        for service in running:
            wanted = f'module.{alb.call_name(region)}.target_group_arns["{service.target}"]'
            assert wanted in references, (region.name, service.name)
            checked += 1
        # And the target group exists in the load balancer module of the same root.
        assert alb.call_name(region) in calls
    assert checked >= 2  # Mumbai's api and Singapore's pilot-light api


def _task_policies(shown: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """(module call, service) → the task role policy document (None while unknown)."""
    found: dict[tuple[str, str], Any] = {}
    for change in shown["resource_changes"]:
        if change["type"] != "aws_iam_role_policy" or change["name"] != "task":
            continue
        call = change["address"].split(".")[1]
        after = change["change"]["after"] or {}
        policy = after.get("policy")
        found[(call, change["index"])] = json.loads(policy) if policy else None
    return found


def test_task_roles_grant_only_what_the_spec_names(shown: dict[str, Any]) -> None:
    spec = load_spec(SPEC)
    policies = _task_policies(shown)
    known = 0
    for region in spec.regions:
        for service in services(spec, region):
            key = (ecs.call_name(region), service.name)
            allowed: set[str] = set()
            if service.secrets:
                allowed |= SECRET_ACTIONS
            if service.buckets:
                allowed |= BUCKET_ACTIONS
            if service.queue is not None:
                allowed |= QUEUE_ACTIONS
            if service.exec:
                allowed |= EXEC_ACTIONS
            if not allowed:
                assert key not in policies, f"{key} names nothing but has a task policy"
                continue
            document = policies.get(key)
            if document is None:
                continue  # the queue's ARN is unknown until the queue exists
            known += 1
            for statement in document["Statement"]:
                assert statement["Effect"] == "Allow"
                actions = statement["Action"]
                assert set(actions) <= allowed, (key, statement["Sid"])
                if statement["Sid"] == "ReadNamedSecrets":
                    named = {v for _, v in service.secrets if ":secretsmanager:" in v}
                    assert set(statement["Resource"]) == named
                if "*" in statement["Resource"]:
                    assert set(actions) <= EXEC_ACTIONS, (key, statement["Sid"])
    assert known >= 2  # the api's policy in both regions is known at plan time
