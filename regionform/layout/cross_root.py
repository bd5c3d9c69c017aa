"""What a root uses for a value that another root's module produces.

Two kinds of value cross roots:

- Computed: the value follows from names in the spec, so the reading root computes it
  itself (an RDS instance ARN is `arn:<partition>:rds:<region>:<account>:db:<identifier>`)
  and needs no remote state at all; it plans the same before and after the upstream apply.
- Read: the value is chosen by AWS (a KMS key id, a Global Datastore id), so the root reads
  it from the upstream root's `cross_root` output through `terraform_remote_state`. Until
  the upstream root is applied there is nothing to read, and the root uses `placeholder()`
  instead: a value that is unknown while planning (so the plan runs, showing "known after
  apply") and at apply time becomes text that no module validation and no AWS API accepts.
  A placeholder therefore never changes what gets created (a Redis secondary never turns into
  a primary, a replication rule never points at a made-up key): applying with one fails. A
  `check` block warns in the plan while a placeholder is in use.
"""

from __future__ import annotations

from collections.abc import Callable

from regionform.document import ModuleCall
from regionform.layout.references import Reference
from regionform.spec.names import audit, notifications, rds, s3


def placeholder(upstream: str) -> str:
    """An expression standing in for a value `upstream` has not produced yet.

    `timestamp()` is unknown during plan and known during apply, so the text is unknown in
    the plan and, if someone applies anyway, is the invalid value below.
    """
    return (
        '"${substr(timestamp(), 0, 0)}'
        f"unapplied: root {upstream} has no state yet, apply it first"
        '"'
    )


def _rds_instance_arn(call: ModuleCall, keys: tuple[str, ...]) -> str | None:
    if keys or call.arguments.get("create_instance") is False:
        return None
    return rds.instance_arn(call.region, call.arguments["identifier"])


def _s3_bucket_arn(call: ModuleCall, keys: tuple[str, ...]) -> str | None:
    if len(keys) != 1:
        return None
    return s3.bucket_arn(call.arguments["name_prefix"], keys[0], call.region)


def _topic_arn(call: ModuleCall, keys: tuple[str, ...]) -> str | None:
    if len(keys) != 1:
        return None
    return notifications.topic_arn(call.region, call.arguments["name_prefix"], keys[0])


def _audit_bucket_name(call: ModuleCall, keys: tuple[str, ...]) -> str | None:
    return None if keys else audit.bucket_name(call.arguments["name_prefix"], call.region)


# (module, output) → the output's value computed from the call's arguments, as a template.
_COMPUTED: dict[tuple[str, str], Callable[[ModuleCall, tuple[str, ...]], str | None]] = {
    ("rds", "db_instance_arn"): _rds_instance_arn,
    ("s3", "bucket_arns"): _s3_bucket_arn,
    # A region's topics, told by alarms of calls in the global root with the region's
    # provider (the certificate of its load balancer).
    ("notifications", "topic_arns"): _topic_arn,
    # Every region's AWS Config delivers to the audit region's bucket.
    ("audit", "bucket_name"): _audit_bucket_name,
}


def computed_value(call: ModuleCall, reference: Reference) -> str | None:
    """The referenced value as a template the reading root evaluates, when names fix it."""
    compute = _COMPUTED.get((call.module, reference.output))
    return compute(call, reference.keys) if compute is not None else None
