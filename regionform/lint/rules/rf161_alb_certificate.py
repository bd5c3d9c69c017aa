"""RF161: A load balancer's certificate must be one regionform can validate.

Without `certificate.arn`, regionform requests an ACM certificate and validates it through
DNS records in the spec's hosted zone. That needs a `dns:` section, names inside
`dns.domain`, at least one name (listed in `certificate.names`, or derived from the DNS
records that route to the region), and at most 10 names (ACM's default quota per
certificate).

Fails:

    regions:
      eu-west-1:
        load_balancer:
          certificate: {names: [api.example.org]}
    dns:
      domain: acme.io
      api: api

Passes:

    regions:
      eu-west-1:
        load_balancer:
          certificate: {names: [api.acme.io]}
    dns:
      domain: acme.io
      api: api
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.model import Spec
from regionform.spec.names.alb import certificate_names

# ACM's default quota of names (domain name plus subject alternative names) per certificate.
MAX_NAMES = 10


def _in_zone(name: str, domain: str) -> bool:
    bare = name.removeprefix("*.")
    return bare == domain or bare.endswith(f".{domain}")


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for region in spec.regions:
        lb = region.load_balancer
        if lb is None or lb.certificate.arn is not None:
            continue
        path = ("regions", region.name, "load_balancer")
        if spec.dns is None:
            yield rule.finding(
                f"the load balancer in {region.name} needs a certificate, and without dns: "
                "there is no hosted zone to validate one in",
                spec.source.key(path),
                hint="add a dns: section, or give certificate.arn (an existing ACM certificate)",
            )
            continue
        domain = spec.dns.domain
        given = lb.certificate.names
        if given is not None:
            for index, name in enumerate(given):
                if not _in_zone(name, domain):
                    yield rule.finding(
                        f"certificate name {name} is outside the hosted zone {domain}, so its "
                        "validation record cannot be written",
                        spec.source.value((*path, "certificate", "names", index)),
                        hint=f"use a name ending in .{domain}, or give certificate.arn",
                    )
            continue
        names = certificate_names(spec, region)
        if not names:
            yield rule.finding(
                f"no DNS record routes to {region.name}, so its certificate would cover no name",
                spec.source.key(path),
                hint="list certificate.names, or route a record to the region",
            )
        elif len(names) > MAX_NAMES:
            yield rule.finding(
                f"{len(names)} names route to {region.name}; an ACM certificate covers at most "
                f"{MAX_NAMES}",
                spec.source.key(path),
                hint=f"list certificate.names, e.g. [*.{domain}]",
            )


RULE = Rule("RF161", "alb-certificate", "Load balancer certificate cannot be validated", check)
