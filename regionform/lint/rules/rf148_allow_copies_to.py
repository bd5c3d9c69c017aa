"""RF148: `allow_copies_to` naming a region the spec does not declare.

A rule that allows copies to a region nothing defines allows nothing, and is almost always a
typo of one that is defined (ap-southest-1); lint says which one it most likely is.

Fails:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE, allow_copies_to: [eu-west-3]}

Passes:

    regions:
      eu-west-1:
        residency: {jurisdiction: IE, allow_copies_to: [EU]}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule
from regionform.spec.copies import is_jurisdiction_entry
from regionform.spec.model import Spec
from regionform.spec.source import Path


def _rules(spec: Spec) -> Iterator[tuple[tuple[str, ...], Path]]:
    for region in spec.regions:
        if region.residency is not None and region.residency.allow_copies_to is not None:
            yield (
                region.residency.allow_copies_to,
                ("regions", region.name, "residency", "allow_copies_to"),
            )
    for tenant in spec.tenants:
        if tenant.residency is not None and tenant.residency.allow_copies_to is not None:
            yield (
                tenant.residency.allow_copies_to,
                ("tenants", tenant.id, "residency", "allow_copies_to"),
            )


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    defined = list(spec.region_names)
    for allowed, path in _rules(spec):
        for index, name in enumerate(allowed):
            if name in defined or is_jurisdiction_entry(name):
                continue  # a jurisdiction: RF147 checks it
            near = difflib.get_close_matches(name, defined, n=1, cutoff=0.6)
            hint = (
                f"did you mean {near[0]}?"
                if near
                else "list regions defined under regions: " + ", ".join(defined)
            )
            yield rule.finding(
                f"allow_copies_to names {name}, which is not under regions",
                spec.source.value((*path, index)),
                hint=hint,
            )


RULE = Rule("RF148", "allow-copies-to-region", "allow_copies_to names an undefined region", check)
