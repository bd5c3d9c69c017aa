"""RF167: The CDN has no hostname in the spec's hosted zone.

The distribution's certificate is validated, and its alias records written, in the zone of
`dns.domain`: a CDN needs a `dns` section, and hostnames (`cdn.hostnames`, or `dns.cdn`
when absent) inside that domain.

Fails:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io}
    cdn:
      hostnames: [cdn.acme.com]
      origins:
        app: {load_balancer: eu-west-1}
      default_behavior: {origin: app}

Passes:

    regions:
      eu-west-1:
        load_balancer: {}
    dns: {domain: acme.io}
    cdn:
      hostnames: [cdn.acme.io]
      origins:
        app: {load_balancer: eu-west-1}
      default_behavior: {origin: app}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    cdn = spec.cdn
    if cdn is None:
        return
    dns = spec.dns
    if dns is None:
        yield rule.finding(
            "cdn needs a dns section: its certificate validates and its names live in that zone",
            spec.source.key(("cdn",)),
            hint="add dns: {domain: <your domain>, cdn: cdn}",
        )
        return
    if cdn.hostnames is None:
        if dns.cdn is None:
            yield rule.finding(
                "cdn has no hostnames: give cdn.hostnames or dns.cdn",
                spec.source.key(("cdn",)),
                hint=f"add cdn: cdn under dns (serves cdn.{dns.domain}), or cdn.hostnames",
            )
        return
    for index, name in enumerate(cdn.hostnames):
        if name != dns.domain and not name.endswith(f".{dns.domain}"):
            yield rule.finding(
                f"CDN hostname {name} is outside the hosted zone {dns.domain}",
                spec.source.value(("cdn", "hostnames", index)),
                hint=f"use a name ending in .{dns.domain} (or {dns.domain} itself)",
            )


RULE = Rule("RF167", "cdn-hostname", "CDN hostname outside the hosted zone", check)
