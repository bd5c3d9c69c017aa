"""The estate as a Mermaid flowchart: regions, what runs in them, tenants, copies, DNS routing.

GitHub renders a ```mermaid block in a pull-request comment, so the plan summary shows the
shape of the estate above its table, with the regions whose resources change highlighted.

- Regions are grouped by jurisdiction (their `residency`), each labelled with its role and
  the services it runs (EKS, RDS, Redis, S3 buckets, DynamoDB tables, its load-balancer
  endpoint).
- Tenants hang off their home region; past `threshold` tenants in a region they collapse
  into one counted node, so a 300-tenant estate stays readable.
- Every copy of data is an arrow from the region it leaves to the region it reaches,
  labelled with what is copied.
- DNS: Route 53 (and CloudFront when the spec fronts the cdn name with it) and the routing
  rules: the default region, continents and countries, failover pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from regionform.spec.aws import GLOBAL_REGION
from regionform.spec.copies import copy_graph
from regionform.spec.model import Region, Spec

# Regions with more tenants than this show one node with the count instead of each tenant.
TENANT_THRESHOLD = 6
NO_JURISDICTION = "no residency set"
CHANGED_CLASS = "changed"


@dataclass(frozen=True)
class Copy:
    source: str  # region the data leaves
    target: str  # region it reaches
    what: str


def copies(spec: Spec) -> list[Copy]:
    """Every copy of data the estate makes, from the model's copy graph (the one lint judges)."""
    return [Copy(c.source, c.target, c.what) for c in copy_graph(spec) if c.source != c.target]


def _id(prefix: str, name: str) -> str:
    return prefix + re.sub(r"[^A-Za-z0-9]", "_", name)


def _label(text: str) -> str:
    """A quoted Mermaid label; quotes and markup characters as entity codes."""
    escaped = text.replace("&", "#amp;").replace('"', "#quot;")
    escaped = escaped.replace("<", "#lt;").replace(">", "#gt;")
    return f'"{escaped.replace(chr(10), "<br/>")}"'


def _services(region: Region) -> list[str]:
    services = []
    if region.cluster is not None:
        services.append("EKS")
    if region.database is not None:
        replica = " replica" if region.database.replica_of else ""
        services.append(f"RDS{replica}")
    if region.cache is not None:
        services.append("Redis")
    if region.buckets:
        services.append(f"S3 x{len(region.buckets)}")
    if region.tables:
        services.append(f"DynamoDB x{len(region.tables)}")
    if region.waf is not None:
        services.append("WAF")
    return services


def _region_label(region: Region) -> str:
    lines = [f"{region.name}", region.role]
    services = _services(region)
    if services:
        lines.append(" · ".join(services))
    if region.endpoint is not None:
        lines.append(region.endpoint.fqdn)
    return "\n".join(lines)


def estate_map(spec: Spec, highlight: Iterable[str] = (), threshold: int = TENANT_THRESHOLD) -> str:
    """The Mermaid flowchart; `highlight` names regions (or us-east-1 for DNS) that change."""
    lines = ["flowchart LR"]
    jurisdictions: dict[str, list[Region]] = {}
    for region in spec.regions:
        name = region.residency.jurisdiction if region.residency else NO_JURISDICTION
        jurisdictions.setdefault(name, []).append(region)
    for number, (jurisdiction, regions) in enumerate(sorted(jurisdictions.items())):
        lines.append(f"  subgraph j{number}[{_label(jurisdiction)}]")
        for region in regions:
            lines.append(f"    {_id('r_', region.name)}[{_label(_region_label(region))}]")
        lines.append("  end")

    homes: dict[str, list[str]] = {}
    for tenant in spec.tenants:
        homes.setdefault(tenant.home, []).append(tenant.id)
    for home, ids in sorted(homes.items()):
        region_id = _id("r_", home)
        if len(ids) > threshold:
            node = _id("tenants_", home)
            lines.append(f"  {node}([{_label(f'{len(ids)} tenants')}]) --- {region_id}")
            continue
        for tenant_id in sorted(ids):
            lines.append(f"  {_id('t_', tenant_id)}([{_label(tenant_id)}]) --- {region_id}")

    for copy in copies(spec):
        source, target = _id("r_", copy.source), _id("r_", copy.target)
        lines.append(f"  {source} -->|{_label(copy.what)}| {target}")

    dns_nodes = _dns(spec, lines)

    changed = set(highlight)
    marked = [_id("r_", r.name) for r in spec.regions if r.name in changed]
    if GLOBAL_REGION in changed:
        marked += dns_nodes
    if marked:
        lines.append(f"  classDef {CHANGED_CLASS} fill:#fde68a,stroke:#b45309,stroke-width:3px")
        lines.append(f"  class {','.join(marked)} {CHANGED_CLASS}")
    return "\n".join(lines) + "\n"


def _dns(spec: Spec, lines: list[str]) -> list[str]:
    """Route 53 and the routing rules; returns the ids of the global nodes drawn."""
    dns = spec.dns
    if dns is None:
        return []
    nodes = ["dns"]
    lines.append(f"  dns{{{{{_label(f'Route 53: {dns.domain}')}}}}}")
    if spec.cloudfront_waf is not None or dns.cdn is not None:
        name = f"{dns.cdn}.{dns.domain}" if dns.cdn else dns.domain
        lines.append(f"  cdn[{_label(f'CloudFront + WAF: {name}')}]")
        lines.append("  dns --> cdn")
        nodes.append("cdn")
    primary = next((r.name for r in spec.regions if r.role == "primary"), None)
    default = dns.default_region or primary
    api = f"{dns.api}.{dns.domain}" if dns.api else dns.domain
    routes: dict[str, list[str]] = {}
    if default is not None:
        routes.setdefault(default, []).append(f"{api} (default)")
    for continent, region in dns.continents:
        routes.setdefault(region, []).append(continent)
    for country, region in dns.countries:
        routes.setdefault(region, []).append(country)
    for target, labels in sorted(routes.items()):
        lines.append(f"  dns -->|{_label(', '.join(labels))}| {_id('r_', target)}")
    for pair in dns.failover:
        label = f"{pair.name}: primary"
        lines.append(f"  dns -->|{_label(label)}| {_id('r_', pair.primary)}")
        label = f"{pair.name}: failover"
        lines.append(f"  dns -.->|{_label(label)}| {_id('r_', pair.secondary)}")
    return nodes
