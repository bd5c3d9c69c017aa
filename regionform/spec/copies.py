"""The copy graph: every copy of data the generated estate makes, tagged with the data's origin.

An edge is one copy from a source region to a target region. Its origin is the region where
the data it carries was first written: a read replica's backups carry the primary's data, so
their origin is the primary's region however many hops away it is. Residency is judged per
edge against the origin's rule and the rule of every tenant whose data the edge carries, so a
copy is refused wherever on the path the data leaves what its owners allow.

Lint (RF140-RF143), the generators (rds, redis, s3, kms, dynamodb) and `explain_copies` read
this one graph: the Terraform holds exactly the copies lint judged. A new kind of copy (Aurora
secondaries, AWS Backup copy rules, log delivery) is a new edge kind built in `copy_graph`;
the rules and the explanation need no change.

Which data an edge carries follows AWS:
- an RDS read replica holds its source database's data; its automated-backup copies do too;
- an Aurora Global Database secondary cluster holds its primary cluster's data, like a read
  replica (storage-level replication; it is a copy whether or not it has readers);
- a silo tenant's dedicated database is its own store: only its backups leave the region;
- a Global Datastore secondary holds its primary's cache (every tenant of that region);
- S3 replication copies the objects written to the bucket, never objects that are themselves
  replicas (S3 does not replicate replicas), so bucket copies never chain;
- CloudFront standard logs record every viewer request (IP address, path, query string) in
  the log bucket in us-east-1: a copy from each origin region of the people its tenants
  serve. They are encrypted with SSE-S3, not a customer key, so KEY_PURPOSE has no entry.
- the security baseline's audit records (a multi-region CloudTrail and every region's AWS
  Config delivery) go to one bucket (and CloudTrail's log group) in the audit region: a copy
  from every other region (AUDIT_LOGS, origin the recorded region). API calls name resources,
  callers' IP addresses and request parameters, so they carry every tenant of that region.
  They are encrypted with the audit module's own key, so KEY_PURPOSE has no entry.
- a DynamoDB global table is multi-active: its home region's data goes to every replica
  (DYNAMODB_REPLICA, which creates the replica), and what is written to a replica goes to the
  home region and every other replica (DYNAMODB_REPLICA_WRITES, origin the replica's region).
  A table carries the pooled tenants of the region writing to it (silo tenants get no access
  to shared tables: the tenant policies are for pooled tenants).
- an AWS Backup copy rule (BACKUP_COPY) copies every recovery point of the region's plan into
  the copy_to region's vault: one edge per protected resource (spec/backup.py) and origin. An
  Aurora secondary's recovery points hold its primary's data (origin there, after the
  secondary hop); a silo tenant's database only its tenant's; a global table's home table
  every replica's writes (one edge per writing region, after its replication hop).
"""

from __future__ import annotations

from dataclasses import dataclass

from regionform.spec.backup import protected
from regionform.spec.jurisdictions import Jurisdictions, jurisdictions, region_country
from regionform.spec.model import Database, Region, Spec, Tenant

Path = tuple[str | int, ...]

RDS_REPLICA = "rds-replica"
AURORA_SECONDARY = "aurora-secondary"
RDS_BACKUPS = "rds-backups"
RDS_TENANT_BACKUPS = "rds-tenant-backups"
CACHE_GLOBAL = "cache-global"
S3_REPLICATION = "s3-replication"
CDN_LOGS = "cdn-logs"
# Where CloudFront's standard logs are delivered (modules/cdn's bucket, us-east-1 provider).
CDN_LOGS_REGION = "us-east-1"
DYNAMODB_REPLICA = "dynamodb-replica"
AUDIT_LOGS = "audit-logs"
DYNAMODB_REPLICA_WRITES = "dynamodb-replica-writes"
BACKUP_COPY = "backup-copy"

# The customer-managed key purpose each kind of copy is encrypted with at its target.
KEY_PURPOSE = {
    RDS_REPLICA: "database",
    AURORA_SECONDARY: "database",
    RDS_BACKUPS: "database",
    RDS_TENANT_BACKUPS: "database",
    CACHE_GLOBAL: "database",
    S3_REPLICATION: "storage",
    DYNAMODB_REPLICA: "database",
    # Recovery points copied into a vault are encrypted under the vault's key: the target
    # region's own database key (generators/kms.py makes no replica key for them).
    BACKUP_COPY: "database",
    # DYNAMODB_REPLICA_WRITES has none: it lands in a replica (or the home table) that the
    # DYNAMODB_REPLICA edges already create, under that table's own key.
}


@dataclass(frozen=True)
class Copy:
    """One copy of data from `source` to `target`, asked for by the spec value at `path`."""

    kind: str
    what: str  # for people: "RDS read replica", "S3 replication of bucket 'audit'"
    source: str
    target: str
    path: Path
    origin: str  # the region where the data was first written
    tenants: tuple[str, ...]  # tenants whose data it carries
    via: tuple[Copy, ...] = ()  # the earlier hops that brought the data to `source`
    tenant: str | None = None  # the silo tenant owning the copied store, if one does
    bucket: str | None = None  # the replicated bucket's purpose (S3 replication)
    table: str | None = None  # the global table's name (DynamoDB replicas)

    @property
    def regions(self) -> tuple[str, ...]:
        """The path the data travels: origin, every hop's target, this copy's target."""
        return (self.origin, *(hop.target for hop in self.via), self.target)


def spec_jurisdictions(spec: Spec) -> Jurisdictions:
    return jurisdictions(spec.jurisdictions)


def region_jurisdiction(spec: Spec, name: str) -> str | None:
    """The jurisdiction a region's data is under: as declared, else the country it is in."""
    region = spec.region(name)
    if region is not None and region.residency is not None:
        return region.residency.jurisdiction
    return region_country(name)


def _pooled(spec: Spec, region: str) -> tuple[str, ...]:
    return tuple(t.id for t in spec.tenants if t.home == region and t.tier == "pooled")


def _every_tenant(spec: Spec, region: str) -> tuple[str, ...]:
    return tuple(t.id for t in spec.tenants if t.home == region)


def _replica_kind(database: Database) -> tuple[str, str]:
    """The copy a database with replica_of is: an Aurora secondary cluster or an RDS replica."""
    if database.aurora:
        return AURORA_SECONDARY, "Aurora Global Database secondary cluster"
    return RDS_REPLICA, "RDS read replica"


def _database_lineage(
    spec: Spec, name: str, seen: tuple[str, ...] = ()
) -> tuple[str, tuple[Copy, ...]]:
    """Where the data in `name`'s shared database was written, and the hops that brought it.

    A replica's data comes from its source's, however many replicas deep (RF140 refuses a
    replica of a replica, but the origin is still followed to the end, stopping at a loop)."""
    region = spec.region(name)
    database = region.database if region is not None else None
    if database is None or database.replica_of is None or name in seen:
        return name, ()
    source = database.replica_of
    origin, via = _database_lineage(spec, source, (*seen, name))
    kind, what = _replica_kind(database)
    hop = Copy(
        kind,
        what,
        source,
        name,
        ("regions", name, "database", "replica_of"),
        origin,
        _pooled(spec, origin),
        via,
    )
    return origin, (*via, hop)


def copy_graph(spec: Spec) -> tuple[Copy, ...]:
    """Every copy the spec asks for, in spec order (regions, then tenants, sorted by key)."""
    copies: list[Copy] = []
    for region in spec.regions:
        base: Path = ("regions", region.name)
        database = region.database
        if database is not None:
            if database.replica_of is not None:
                source = database.replica_of
                origin, via = _database_lineage(spec, source)
                kind, what = _replica_kind(database)
                copies.append(
                    Copy(
                        kind,
                        what,
                        source,
                        region.name,
                        (*base, "database", "replica_of"),
                        origin,
                        _pooled(spec, origin),
                        via,
                    )
                )
            if database.backup_copies_to is not None:
                origin, via = _database_lineage(spec, region.name)
                path = (*base, "database", "backup_copies_to")
                copies.append(
                    Copy(
                        RDS_BACKUPS,
                        "RDS automated-backup replication",
                        region.name,
                        database.backup_copies_to,
                        path,
                        origin,
                        _pooled(spec, origin),
                        via,
                    )
                )
                # A silo tenant's database is sized like the region's and follows its
                # backup_copies_to: the tenant's own data, written in its home region.
                for tenant in spec.tenants:
                    if tenant.tier == "silo" and tenant.home == region.name:
                        copies.append(
                            Copy(
                                RDS_TENANT_BACKUPS,
                                f"RDS automated-backup replication of tenant {tenant.id!r}",
                                region.name,
                                database.backup_copies_to,
                                path,
                                region.name,
                                (tenant.id,),
                                tenant=tenant.id,
                            )
                        )
        cache = region.cache
        if cache is not None and cache.secondary_of is not None:
            source = cache.secondary_of
            copies.append(
                Copy(
                    CACHE_GLOBAL,
                    "Redis Global Datastore member",
                    source,
                    region.name,
                    (*base, "cache", "global_datastore", "secondary_of"),
                    source,
                    # The cache is shared: silo tenants' sessions and keys are in it too.
                    _every_tenant(spec, source),
                )
            )
        for bucket in region.buckets:
            if bucket.replicate_to is not None:
                copies.append(
                    Copy(
                        S3_REPLICATION,
                        f"S3 replication of bucket {bucket.purpose!r}",
                        region.name,
                        bucket.replicate_to,
                        (*base, "buckets", bucket.purpose, "replicate_to"),
                        region.name,
                        _pooled(spec, region.name),
                        bucket=bucket.purpose,
                    )
                )
        copies.extend(_table_copies(spec, region))
        copies.extend(_backup_copies(spec, region))
    copies += _cdn_log_copies(spec)
    copies += _audit_log_copies(spec)
    return tuple(copies)


def _audit_log_copies(spec: Spec) -> list[Copy]:
    baseline = spec.security_baseline
    if baseline is None or baseline.audit_region is None:
        return []
    parts = [
        what
        for what, on in (("CloudTrail", baseline.cloudtrail), ("AWS Config", baseline.config))
        if on
    ]
    if not parts:
        return []
    # The audit region is stated (or the primary): a finding points at the statement.
    path: Path = ("security_baseline", "audit_region")
    return [
        Copy(
            AUDIT_LOGS,
            f"{' and '.join(parts)} records (API calls, resource configurations)",
            region.name,
            baseline.audit_region,
            path,
            region.name,
            _every_tenant(spec, region.name),
        )
        for region in spec.regions
        # RF140 reports an audit region the spec lacks; no copy is made to it.
        if region.name != baseline.audit_region and spec.region(baseline.audit_region) is not None
    ]


def _cdn_log_copies(spec: Spec) -> list[Copy]:
    cdn = spec.cdn
    if cdn is None or not cdn.logging:
        return []
    return [
        Copy(
            CDN_LOGS,
            "CloudFront standard logs (viewer IP addresses)",
            region,
            CDN_LOGS_REGION,
            ("cdn", "logging"),
            region,
            _every_tenant(spec, region),
        )
        for region in cdn.origin_regions
        # Logs of an origin in the log bucket's own region stay where they are.
        if region != CDN_LOGS_REGION and spec.region(region) is not None
    ]


def _backup_copies(spec: Spec, region: Region) -> list[Copy]:
    """The AWS Backup copy rule of `region`: each protected resource's recovery points, from
    every origin their data has, into the copy_to region's vault."""
    rule = region.backup
    if rule is None or rule.copy_to is None:
        return []
    source, target = region.name, rule.copy_to
    path: Path = ("regions", source, "backup", "copy_to")
    found: list[Copy] = []
    for resource in protected(spec, region):
        what = f"AWS Backup copy of the {resource.what}"
        if resource.tenant is not None:
            found.append(
                Copy(
                    BACKUP_COPY,
                    what,
                    source,
                    target,
                    path,
                    source,
                    (resource.tenant,),
                    tenant=resource.tenant,
                )
            )
        elif resource.kind == "dynamodb":
            found.append(
                Copy(
                    BACKUP_COPY,
                    what,
                    source,
                    target,
                    path,
                    source,
                    _pooled(spec, source),
                    table=resource.table,
                )
            )
            table = next(t for t in region.tables if t.name == resource.table)
            for index, writer in enumerate(table.replicas):
                if writer == source or spec.region(writer) is None:
                    continue
                hop = Copy(
                    DYNAMODB_REPLICA_WRITES,
                    f"DynamoDB global-table replication of writes to the {writer} replica "
                    f"of table {table.name!r}",
                    writer,
                    source,
                    ("regions", source, "tables", table.name, "replicas", index),
                    writer,
                    _pooled(spec, writer),
                    table=table.name,
                )
                found.append(
                    Copy(
                        BACKUP_COPY,
                        what,
                        source,
                        target,
                        path,
                        writer,
                        _pooled(spec, writer),
                        (hop,),
                        table=resource.table,
                    )
                )
        else:
            origin, via = _database_lineage(spec, source)
            found.append(
                Copy(BACKUP_COPY, what, source, target, path, origin, _pooled(spec, origin), via)
            )
    return found


def _table_copies(spec: Spec, region: Region) -> list[Copy]:
    """The copies of `region`'s global tables: home → each replica, and each replica's writes
    → home and the other replicas. A finding about data reaching a replica region points at
    that region's entry in `replicas`; about a replica's writes reaching home, at its own."""
    found: list[Copy] = []
    home = region.name
    for table in region.tables:
        base: Path = ("regions", home, "tables", table.name, "replicas")
        entries = {replica: (*base, index) for index, replica in enumerate(table.replicas)}
        for replica, path in entries.items():
            found.append(
                Copy(
                    DYNAMODB_REPLICA,
                    f"DynamoDB global-table replica of table {table.name!r}",
                    home,
                    replica,
                    path,
                    home,
                    _pooled(spec, home),
                    table=table.name,
                )
            )
        for writer, path in entries.items():
            if writer == home or spec.region(writer) is None:
                continue  # RF141 / RF140 report the entry; no data is written there
            targets = [(home, path)] + [
                (other, entries[other])
                for other in table.replicas
                if other not in (writer, home) and spec.region(other) is not None
            ]
            for target, where in targets:
                found.append(
                    Copy(
                        DYNAMODB_REPLICA_WRITES,
                        f"DynamoDB global-table replication of writes to the {writer} replica "
                        f"of table {table.name!r}",
                        writer,
                        target,
                        where,
                        writer,
                        _pooled(spec, writer),
                        table=table.name,
                    )
                )
    return found


def copies_into(spec: Spec, region: str) -> tuple[Copy, ...]:
    return tuple(c for c in copy_graph(spec) if c.target == region and c.source != region)


# --- judging a copy --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """One party's rule applied to one copy."""

    code: str  # the lint rule that enforces it: RF142 (origin region) or RF143 (tenant)
    party: str  # "region ap-south-1", "tenant 'acme'"
    allowed: bool
    reason: str  # which rule allows it, or why it does not
    rule_path: Path  # the spec value stating the rule (for the fix)
    tenant: str | None = None  # the tenant whose rule it is (RF143)


def is_jurisdiction_entry(entry: str) -> bool:
    """allow_copies_to lists regions (ap-south-1) and jurisdictions (EU, IN, GCC)."""
    return entry[:1].isupper()


def _listed(spec: Spec, allowed: tuple[str, ...], target: str, juris: Jurisdictions) -> str | None:
    """The entry of `allowed` that admits `target`, with why, or None."""
    if target in allowed:
        return target
    where = region_jurisdiction(spec, target)
    for entry in allowed:
        if is_jurisdiction_entry(entry) and where is not None and juris.inside(where, entry):
            return f"{entry} ({target} is under {where})"
    return None


def allowed_text(allowed: tuple[str, ...]) -> str:
    return "only to " + ", ".join(allowed) if allowed else "nowhere"


def _region_verdict(spec: Spec, copy: Copy, juris: Jurisdictions) -> Verdict | None:
    origin = spec.region(copy.origin)
    if origin is None or origin.residency is None or copy.target == copy.origin:
        return None
    residency = origin.residency
    rule_path: Path = ("regions", origin.name, "residency", "allow_copies_to")
    party = f"region {origin.name}"
    law = f" ({residency.law})" if residency.law else ""
    if residency.allow_copies_to is None:
        return Verdict(
            "RF142",
            party,
            True,
            f"the residency of {origin.name}{law} states no allow_copies_to",
            rule_path,
        )
    entry = _listed(spec, residency.allow_copies_to, copy.target, juris)
    if entry is not None:
        return Verdict(
            "RF142",
            party,
            True,
            f"regions.{origin.name}.residency.allow_copies_to lists {entry}",
            rule_path,
        )
    return Verdict(
        "RF142",
        party,
        False,
        f"the residency of {origin.name}{law} allows copies "
        f"{allowed_text(residency.allow_copies_to)}",
        rule_path,
    )


def _tenant_verdict(spec: Spec, copy: Copy, tenant: Tenant, juris: Jurisdictions) -> Verdict:
    residency = tenant.residency
    assert residency is not None
    party = f"tenant {tenant.id!r}"
    base: Path = ("tenants", tenant.id, "residency")
    if residency.allow_copies_to is not None:
        rule_path: Path = (*base, "allow_copies_to")
        entry = _listed(spec, residency.allow_copies_to, copy.target, juris)
        if entry is not None:
            return Verdict(
                "RF143",
                party,
                True,
                f"tenants.{tenant.id}.residency.allow_copies_to lists {entry}",
                rule_path,
            )
        return Verdict(
            "RF143",
            party,
            False,
            f"it allows copies {allowed_text(residency.allow_copies_to)}",
            rule_path,
            tenant.id,
        )
    target = region_jurisdiction(spec, copy.target)
    rule_path = (*base, "jurisdiction")
    if target is not None and juris.inside(target, residency.jurisdiction):
        why = (
            f"{copy.target} is under {target}, the tenant's jurisdiction"
            if target == residency.jurisdiction
            else f"{copy.target} is under {target}, which lies inside the tenant's "
            f"jurisdiction {residency.jurisdiction}"
        )
        return Verdict(
            "RF143",
            party,
            True,
            why,
            rule_path,
            tenant.id,
        )
    where = f"under {target}" if target is not None else "of no known jurisdiction"
    return Verdict(
        "RF143",
        party,
        False,
        f"{copy.target} is {where}, not inside {residency.jurisdiction}",
        rule_path,
        tenant.id,
    )


def verdicts(spec: Spec, copy: Copy, juris: Jurisdictions | None = None) -> list[Verdict]:
    """Every rule that applies to `copy`: its origin region's and each carried tenant's."""
    if copy.source == copy.target:
        return []  # RF141: no copy leaves the region
    juris = juris or spec_jurisdictions(spec)
    found: list[Verdict] = []
    region = _region_verdict(spec, copy, juris)
    if region is not None:
        found.append(region)
    for tenant in spec.tenants:
        carried = tenant.id in copy.tenants and tenant.residency is not None
        if carried and copy.target != tenant.home:
            found.append(_tenant_verdict(spec, copy, tenant, juris))
    return found


# --- explaining the graph --------------------------------------------------------------------


def _where(spec: Spec, path: Path) -> str:
    location = spec.source.value(path)
    dotted = ".".join(str(step) for step in path)
    return f"{dotted} (line {location.line})" if location.line else dotted


def _under(spec: Spec, region: str, juris: Jurisdictions) -> str:
    """`IN`, or `AE as declared; the region is in BH` where the two differ."""
    declared = region_jurisdiction(spec, region)
    where = region_country(region)
    if declared is None:
        return "jurisdiction unknown"
    if where is not None and where not in juris.countries_of(declared):
        return f"{declared} as declared; the region is in {where}"
    return declared


def explain_copies(spec: Spec) -> str:
    """The copy graph for people: origin → path → target, and which rule allows each hop."""
    graph = copy_graph(spec)
    if not graph:
        return "No data is copied between regions.\n"
    juris = spec_jurisdictions(spec)
    lines: list[str] = []
    for origin in sorted({c.origin for c in graph}):
        lines.append(f"data written in {origin} ({_under(spec, origin, juris)}):")
        for copy in (c for c in graph if c.origin == origin):
            lines.append(f"  {' → '.join(copy.regions)}  {copy.what}")
            lines.append(f"    asked by {_where(spec, copy.path)}")
            if copy.via:
                lines.append(
                    "    after "
                    + ", ".join(f"{hop.what} {hop.source} → {hop.target}" for hop in copy.via)
                )
            carried = ", ".join(copy.tenants) if copy.tenants else "none"
            lines.append(f"    carries tenants: {carried}")
            judged = verdicts(spec, copy, juris)
            if copy.source == copy.target:
                lines.append("    REFUSED (RF141): the copy stays in its own region")
            elif not judged:
                lines.append("    allowed: no residency rule applies to this data")
            for verdict in judged:
                mark = "allowed" if verdict.allowed else f"REFUSED ({verdict.code})"
                lines.append(f"    {mark} by {verdict.party}: {verdict.reason}")
    return "\n".join(lines) + "\n"
