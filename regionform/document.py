"""The Terraform document: plain dicts in Terraform's JSON configuration syntax.

Generators build it, renderers turn it into files; it is the only thing renderers see.
Strings in the document are Terraform string templates, as in `.tf.json`: text that comes
from the spec goes through `literal()` so `${` and `%{` stay literal, and references go
through `ref()`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# File stem → that file's body in JSON configuration syntax.
Document = dict[str, dict[str, Any]]


def literal(text: str) -> str:
    """Spec text as a template that evaluates to exactly that text."""
    return text.replace("${", "$${").replace("%{", "%%{")


def ref(expression: str) -> str:
    """A reference or expression, e.g. ref("module.vpc_ap_south_1.vpc_id")."""
    return "${" + expression + "}"


@dataclass(frozen=True)
class ModuleCall:
    """One `module` block of the root."""

    name: str  # the block label; part of every resource address below it, so never changes
    module: str  # which of our modules: vpc, rds, …
    region: str  # the AWS region whose provider it uses
    arguments: dict[str, Any] = field(default_factory=dict)
    file: str | None = None  # file stem; default: the region's file


@dataclass(frozen=True)
class Move:
    """A `moved` block: the object at `source` in state now lives at `target`.

    Addresses are Terraform addresses, e.g. `module.rds_tenant_acme` or
    `module.s3_ap_south_1.aws_s3_bucket.this["tenant-acme"]`.
    """

    source: str
    target: str

    def block(self) -> dict[str, str]:
        return {"from": self.source, "to": self.target}


def instance(resource: str, key: str) -> str:
    """The address of one `for_each` instance: resource["key"]."""
    return f"{resource}[{json.dumps(key)}]"
