"""S3 per region: one bucket per purpose (<project>-<env>-<purpose>-<region>), replicas of
other regions' buckets, and a dedicated bucket per silo tenant under its own key."""

from __future__ import annotations

from typing import Any

from regionform.document import ModuleCall, Move, instance, ref
from regionform.generators.kms import copy_key_arn, key_arn, tenant_key_arn
from regionform.generators.renames import steps
from regionform.spec.copies import S3_REPLICATION, copy_graph
from regionform.spec.data import cdn_buckets, needs_s3, replica_buckets
from regionform.spec.model import Bucket, Region, Spec
from regionform.spec.names.s3 import call_name, silo_tenants, tenant_key, tenant_purpose

# The s3 module's resources keyed by bucket purpose (for_each over var.buckets); a renamed
# purpose moves every one of them. Object Lock and replication exist only for buckets that
# ask for them. tests/test_renames.py checks these lists against modules/s3/main.tf.
BUCKET_RESOURCES: tuple[str, ...] = (
    "aws_s3_bucket.this",
    "aws_s3_bucket_public_access_block.this",
    "aws_s3_bucket_ownership_controls.this",
    "aws_s3_bucket_versioning.this",
    "aws_s3_bucket_server_side_encryption_configuration.this",
    "aws_s3_bucket_lifecycle_configuration.this",
    "aws_s3_bucket_policy.this",
    "aws_s3_bucket_logging.this",
)
OBJECT_LOCK_RESOURCES = ("aws_s3_bucket_object_lock_configuration.this",)
REPLICATION_RESOURCES = (
    "aws_iam_role.replication",
    "aws_iam_role_policy.replication",
    "aws_s3_bucket_replication_configuration.this",
)


def _bucket(spec: Spec, region: Region, bucket: Bucket, kms: str) -> dict[str, Any]:
    value: dict[str, Any] = {"kms_key_arn": kms}
    if bucket.name_purpose != bucket.purpose:
        value["name_purpose"] = bucket.name_purpose
    lifecycle: dict[str, Any] = {}
    if bucket.tiering_after_days is not None:
        lifecycle["transition_to_intelligent_tiering_days"] = bucket.tiering_after_days
    if bucket.glacier_after_days is not None:
        lifecycle["transition_to_glacier_days"] = bucket.glacier_after_days
    if bucket.expire_after_days is not None:
        lifecycle["expiration_days"] = bucket.expire_after_days
    if lifecycle:
        value["lifecycle"] = lifecycle
    if bucket.object_lock is not None:
        value["object_lock"] = {"mode": bucket.object_lock.mode, "years": bucket.object_lock.years}
    path = ("regions", region.name, "buckets", bucket.purpose, "replicate_to")
    copy = next((c for c in copy_graph(spec) if c.kind == S3_REPLICATION and c.path == path), None)
    target = spec.region(copy.target) if copy is not None else None
    if copy is not None and target is not None:
        value["replication"] = {
            "destination_bucket_arn": ref(
                f'module.{call_name(target)}.bucket_arns["{bucket.purpose}"]'
            ),
            "destination_kms_key_arn": copy_key_arn(spec, copy),
        }
    return value


class S3Generator:
    kind = "s3"

    def calls(self, spec: Spec) -> list[ModuleCall]:
        calls = []
        for region in spec.regions:
            if not needs_s3(spec, region):
                continue
            buckets: dict[str, Any] = {}
            read_by_cdn = cdn_buckets(spec, region)
            for bucket in (*region.buckets, *replica_buckets(spec, region)):
                buckets[bucket.purpose] = _bucket(spec, region, bucket, key_arn(region, "storage"))
                if bucket.purpose in read_by_cdn:
                    buckets[bucket.purpose]["cloudfront_read"] = True
            for tenant in silo_tenants(spec, region):
                tenant_bucket = {"kms_key_arn": tenant_key_arn(tenant, "storage")}
                if tenant.name_key != tenant.id:
                    # A renamed tenant's bucket keeps the name it was created with.
                    tenant_bucket["name_purpose"] = tenant_key(tenant.name_key)
                buckets[tenant_purpose(tenant)] = tenant_bucket
            calls.append(
                ModuleCall(
                    call_name(region),
                    self.kind,
                    region.name,
                    {
                        "name_prefix": spec.prefix,
                        "buckets": {p: buckets[p] for p in sorted(buckets)},
                    },
                )
            )
        return calls

    def region_outputs(self, spec: Spec, region: Region) -> dict[str, str]:
        if not needs_s3(spec, region):
            return {}
        return {"bucket_names": ref(f"module.{call_name(region)}.bucket_names")}

    def moves(self, spec: Spec) -> list[Move]:
        """Every resource of a renamed bucket purpose or silo tenant moves to the new key."""
        moves = []
        for region in spec.regions:
            if not needs_s3(spec, region):
                continue
            renamed: list[tuple[str, str, tuple[str, ...]]] = []
            for bucket in (*region.buckets, *replica_buckets(spec, region)):
                resources: tuple[str, ...] = BUCKET_RESOURCES
                if bucket.object_lock is not None:
                    resources += OBJECT_LOCK_RESOURCES
                if spec.region(bucket.replicate_to or "") is not None:
                    resources += REPLICATION_RESOURCES
                history = (*bucket.renamed_from, bucket.purpose)
                renamed += [(old, new, resources) for old, new in steps(history)]
            for tenant in silo_tenants(spec, region):
                renamed += [
                    (tenant_key(old), tenant_key(new), BUCKET_RESOURCES)
                    for old, new in steps(tenant.history)
                ]
            module = f"module.{call_name(region)}"
            for old, new, resources in renamed:
                for resource in resources:
                    moves.append(
                        Move(
                            instance(f"{module}.{resource}", old),
                            instance(f"{module}.{resource}", new),
                        )
                    )
        return moves


GENERATOR = S3Generator()
