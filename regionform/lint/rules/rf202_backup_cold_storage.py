"""RF202: AWS Backup recovery points that would leave cold storage before AWS allows.

AWS keeps a recovery point in cold storage for at least 90 days and refuses a backup rule
whose retention ends sooner, so `backup.retention_days` must be at least
`backup.cold_storage_after_days` + 90. Caught here, at the spec's line, rather than by the
module's validation during `terraform plan`.

Fails:

    backup:
      retention_days: 35
      cold_storage_after_days: 30

Passes:

    backup:
      retention_days: 365
      cold_storage_after_days: 30
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec

COLD_STORAGE_MIN_DAYS = 90


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    backup = spec.backup
    if backup is None or backup.cold_storage_after_days is None:
        return
    least = backup.cold_storage_after_days + COLD_STORAGE_MIN_DAYS
    if backup.retention_days < least:
        yield rule.finding(
            f"recovery points move to cold storage after {backup.cold_storage_after_days} "
            f"days but are kept only {backup.retention_days}: AWS keeps them in cold storage "
            f"{COLD_STORAGE_MIN_DAYS} days at least",
            spec.source.value(("backup", "cold_storage_after_days")),
            hint=f"set retention_days: {least} or more, or drop cold_storage_after_days",
        )


RULE = Rule("RF202", "backup-cold-storage", "Backup retention shorter than cold storage", check)
