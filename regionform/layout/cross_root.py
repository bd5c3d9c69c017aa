"""What a root uses for a value that another root's module produces.

Two kinds of value cross roots:

- Exact: the value follows from names in the spec, so the reading root computes it itself
  (an RDS instance ARN is `arn:<partition>:rds:<region>:<account>:db:<identifier>`) and
  needs no remote state at all; it plans the same before and after the upstream apply.
- Placeholder: the value is chosen by AWS (a KMS key id, a Global Datastore id), so the
  root reads it from the upstream root's state and, until that root is applied, uses a
  placeholder of the same shape. The placeholder only lets the plan run: it never changes
  what gets created (a Redis secondary stays a secondary, a replication rule stays), and
  applying with it fails at AWS instead of building something wrong. A `check` block warns
  in the plan while a placeholder is in use.

A reference this table does not know is read from remote state with no placeholder: the
plan then fails until the upstream root is applied, which is safe; add an entry here to
let it plan on an empty account.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from regionform.document import ModuleCall
from regionform.layout.references import Reference

PARTITION = "${data.aws_partition.current.partition}"
ACCOUNT = "${data.aws_caller_identity.current.account_id}"
# Matches the modules' KMS key ARN validation; no real key has this id.
NO_KEY_ID = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True)
class KnownValue:
    template: str  # Terraform template text (what goes between the quotes)
    exact: bool  # True: the value itself; False: a placeholder until the upstream apply


def _rds_instance_arn(call: ModuleCall, keys: tuple[str, ...]) -> KnownValue | None:
    if keys or call.arguments.get("create_instance") is False:
        return None
    identifier = call.arguments["identifier"]
    return KnownValue(f"arn:{PARTITION}:rds:{call.region}:{ACCOUNT}:db:{identifier}", exact=True)


def _s3_bucket_arn(call: ModuleCall, keys: tuple[str, ...]) -> KnownValue | None:
    if len(keys) != 1:
        return None
    # The s3 module names buckets <name_prefix>-<purpose>-<region>.
    name = f"{call.arguments['name_prefix']}-{keys[0]}-{call.region}"
    return KnownValue(f"arn:{PARTITION}:s3:::{name}", exact=True)


def _kms_key_arn(call: ModuleCall, keys: tuple[str, ...]) -> KnownValue | None:
    if len(keys) != 1:
        return None
    return KnownValue(f"arn:{PARTITION}:kms:{call.region}:{ACCOUNT}:key/{NO_KEY_ID}", exact=False)


def _global_datastore_id(call: ModuleCall, keys: tuple[str, ...]) -> KnownValue | None:
    if keys:
        return None
    # Shaped like an AWS Global Datastore id (<prefix>-<suffix>) so the redis module's
    # validation accepts it; AWS rejects it at apply, so nothing joins a wrong datastore.
    return KnownValue(f"unapplied-{call.arguments['replication_group_id']}", exact=False)


_KNOWN: dict[tuple[str, str], Callable[[ModuleCall, tuple[str, ...]], KnownValue | None]] = {
    ("rds", "db_instance_arn"): _rds_instance_arn,
    ("s3", "bucket_arns"): _s3_bucket_arn,
    ("kms", "key_arns"): _kms_key_arn,
    ("redis", "global_replication_group_id"): _global_datastore_id,
}


def known_value(call: ModuleCall, reference: Reference) -> KnownValue | None:
    make = _KNOWN.get((call.module, reference.output))
    return make(call, reference.keys) if make is not None else None
