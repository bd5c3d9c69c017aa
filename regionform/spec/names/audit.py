"""Audit trail names: the trail, its bucket, access-log bucket, log group and roles live in the
audit region's root (call `audit_<alias>`); every region's AWS Config role is named after its
region, because IAM names are account-wide.

The bucket name is fixed by the spec, so another region's root computes it (its Config
delivery channel writes there) instead of reading the audit root's state.
"""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName

BUCKET_LIMIT = 63
ROLE_LIMIT = 64
TRAIL_LIMIT = 128
LOG_GROUP_LIMIT = 512
# The names grow with the project and environment (the audit region adds a few letters).
PATH = ("project",)


def call_name(region: Region) -> str:
    return f"audit_{region.alias}"


def bucket_name(name_prefix: str, region: str) -> str:
    """The audit module's bucket `<name_prefix>-audit-<region>` (modules/audit/main.tf)."""
    return f"{name_prefix}-audit-{region}"


def access_log_bucket_name(name_prefix: str, region: str) -> str:
    return f"{name_prefix}-audit-access-logs-{region}"


def config_role_name(name_prefix: str, region: str) -> str:
    """The baseline module's AWS Config role of `region` (modules/baseline/main.tf)."""
    return f"{name_prefix}-config-{region}"


def audit_region(spec: Spec) -> Region | None:
    """The region holding the audit bucket, when the trail or Config delivers to it."""
    baseline = spec.security_baseline
    if baseline is None or not baseline.audit:
        return None
    assert baseline.audit_region is not None
    return spec.region(baseline.audit_region)


def derived(spec: Spec) -> list[DerivedName]:
    baseline = spec.security_baseline
    region = audit_region(spec)
    if baseline is None or region is None:
        return []
    prefix = spec.prefix
    names = [
        DerivedName(bucket_name(prefix, region.name), BUCKET_LIMIT, "S3 audit bucket", PATH),
        DerivedName(
            access_log_bucket_name(prefix, region.name),
            BUCKET_LIMIT,
            "S3 audit access-log bucket",
            PATH,
        ),
    ]
    if baseline.cloudtrail:
        names += [
            DerivedName(f"{prefix}-trail", TRAIL_LIMIT, "CloudTrail trail", PATH),
            DerivedName(f"/aws/cloudtrail/{prefix}", LOG_GROUP_LIMIT, "CloudTrail log group", PATH),
            DerivedName(
                f"{prefix}-cloudtrail-logs", ROLE_LIMIT, "IAM role for CloudTrail logs", PATH
            ),
        ]
    if baseline.config:
        names += [
            DerivedName(
                config_role_name(prefix, r.name), ROLE_LIMIT, "IAM role for AWS Config", PATH
            )
            for r in spec.regions
        ]
    return names
