"""Semantic lint rules over the model.

A rule is a module in `regionform.lint.rules` that defines `RULE`, a `Rule`. Its code is
stable forever (RF1xx): users suppress, search and document by it. Adding a rule means
adding one file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from regionform.findings import Finding, Location, Severity
from regionform.spec.model import NodeGroup, Region, Service, Spec
from regionform.spec.source import Path

Check = Callable[["Rule", Spec], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    check: Check
    severity: Severity = Severity.ERROR
    # The rule's own module (set by all_rules): its docstring is the rule's documentation.
    module: str = ""

    def finding(self, message: str, location: Location, hint: str | None = None) -> Finding:
        return Finding(self.code, message, location, self.severity, hint)


@cache
def all_rules() -> tuple[Rule, ...]:
    from regionform.lint import rules as package

    found = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(replace(rule, module=module.__name__))
    return tuple(sorted(found, key=lambda r: r.code))


def node_groups(spec: Spec) -> Iterable[tuple[Region, NodeGroup, Path]]:
    """Every EKS node group with its region and its spec path, for the node-group rules."""
    for region in spec.regions:
        if region.cluster is None:
            continue
        for group in region.cluster.node_groups:
            yield region, group, ("regions", region.name, "cluster", "node_groups", group.name)


def ecs_services(spec: Spec) -> Iterable[tuple[Region, Service, Path]]:
    """Every service a region declares itself, with its spec path, for the service rules."""
    for region in spec.regions:
        for service in region.services:
            yield region, service, ("regions", region.name, "services", service.name)


def run_rules(spec: Spec) -> list[Finding]:
    findings = [finding for rule in all_rules() for finding in rule.check(rule, spec)]
    return sorted(findings, key=Finding.sort_key)
