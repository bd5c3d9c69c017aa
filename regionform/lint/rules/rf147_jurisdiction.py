"""RF147: a jurisdiction that is not one (in `jurisdiction`, `allow_copies_to` or a union).

A jurisdiction is an ISO 3166-1 alpha-2 country code, a built-in union (EU, EEA: members in
`regionform/spec/jurisdictions.json` with their source and date) or a union the spec defines
under `jurisdictions:`. Two capitals are not enough: `UK` is refused with "did you mean GB?",
because it would otherwise become a Route 53 geolocation record AWS rejects and a residency
rule nothing lies inside. A spec's union must not reuse a country's or a built-in union's
name, must list only known jurisdictions and must not contain itself.

A region's declared jurisdiction is the law its data falls under, which may differ from the
country hosting the region (BizFlow keeps UAE data, under UAE law, in me-south-1, Bahrain):
lint takes the declaration as stated; `regionform explain --copies` shows both.

Fails:

    regions:
      eu-west-1:
        residency: {jurisdiction: UK}

Passes:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.copies import is_jurisdiction_entry, spec_jurisdictions
from regionform.spec.jurisdictions import (
    Jurisdictions,
    builtin_unions,
    country_hint,
    describe,
    is_country,
)
from regionform.spec.model import Spec
from regionform.spec.source import Path


def _unknown(rule: Rule, spec: Spec, code: str, path: Path, juris: Jurisdictions) -> Finding:
    meant = country_hint(code)
    hint = (
        f"did you mean {meant}? {code} is no ISO 3166-1 alpha-2 country code"
        if meant
        else "use an ISO 3166-1 alpha-2 country code (IN, DE, GB), EU, EEA, or define "
        f"{code} under jurisdictions: {{{code}: {{members: [...]}}}}"
    )
    return rule.finding(f"{code} is not a known jurisdiction", spec.source.value(path), hint=hint)


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    juris = spec_jurisdictions(spec)
    for name, members in spec.jurisdictions:
        base: Path = ("jurisdictions", name)
        if is_country(name) or name in builtin_unions():
            yield rule.finding(
                f"the union {name} reuses the name of {describe(name)}",
                spec.source.key(base),
                hint="name the union something no country or built-in union is called",
            )
            continue
        for index, member in enumerate(members):
            if not juris.known(member):
                yield _unknown(rule, spec, member, (*base, "members", index), juris)
        loop = juris.cycle(name)
        if loop is not None:
            yield rule.finding(
                f"the union {name} contains itself: {' → '.join(loop)}",
                spec.source.key(base),
                hint="list countries, or unions that do not list this one",
            )
    for region in spec.regions:
        if region.residency is None:
            continue
        path: Path = ("regions", region.name, "residency", "jurisdiction")
        code = region.residency.jurisdiction
        if not juris.known(code):
            yield _unknown(rule, spec, code, path, juris)
    for tenant in spec.tenants:
        if tenant.residency is not None and not juris.known(tenant.residency.jurisdiction):
            path = ("tenants", tenant.id, "residency", "jurisdiction")
            yield _unknown(rule, spec, tenant.residency.jurisdiction, path, juris)
    for allowed, base in _allow_lists(spec):
        for index, entry in enumerate(allowed):
            if is_jurisdiction_entry(entry) and not juris.known(entry):
                yield _unknown(rule, spec, entry, (*base, index), juris)


def _allow_lists(spec: Spec) -> list[tuple[tuple[str, ...], Path]]:
    found: list[tuple[tuple[str, ...], Path]] = []
    for region in spec.regions:
        if region.residency is not None and region.residency.allow_copies_to is not None:
            path: Path = ("regions", region.name, "residency", "allow_copies_to")
            found.append((region.residency.allow_copies_to, path))
    for tenant in spec.tenants:
        if tenant.residency is not None and tenant.residency.allow_copies_to is not None:
            path = ("tenants", tenant.id, "residency", "allow_copies_to")
            found.append((tenant.residency.allow_copies_to, path))
    return found


RULE = Rule("RF147", "jurisdiction", "Unknown jurisdiction or malformed union", check)
