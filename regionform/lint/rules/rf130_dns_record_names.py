"""RF130: two DNS records with one name (a name has one routing policy in Route 53).

The geolocation (`dns.api`), latency (`dns.cdn`), failover and tenant records all live in
one zone, and a name has one routing policy in Route 53.

Fails:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns:
      domain: acme.io
      api: www
      cdn: www

Passes:

    regions:
      eu-west-1:
        endpoint: {fqdn: eu-west-1.alb.acme.io}
    dns:
      domain: acme.io
      api: api
      cdn: cdn
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    dns = spec.dns
    if dns is None:
        return
    names: list[tuple[str, str, tuple[str | int, ...], bool]] = []
    if dns.api is not None:
        names.append((dns.api, "the geolocation record", ("dns", "api"), False))
    if dns.cdn is not None:
        names.append((dns.cdn, "the latency record", ("dns", "cdn"), False))
    names += [
        (f.name, "a failover record", ("dns", "failover", f.name), True) for f in dns.failover
    ]
    if dns.tenant_records:
        names += [(t.id, "a tenant record", ("tenants", t.id), True) for t in spec.tenants]
    first: dict[str, str] = {}
    for name, what, path, is_key in names:
        if name in first:
            where = spec.source.key(path) if is_key else spec.source.value(path)
            yield rule.finding(
                f"{name}.{dns.domain} is both {first[name]} and {what}",
                where,
                hint="give every record its own name",
            )
        else:
            first[name] = what


RULE = Rule("RF130", "dns-record-name", "Two DNS records share a name", check)
