"""The codes the loader and the schema check report (RF0xx): one catalogue, one constant each.

Every raise site names its code through a constant here (`codes.DUPLICATE_KEY`, never the
bare "RF002"), and each entry's text derives its numbers from the limits the loader
enforces, so the catalogue cannot drift from the code. Semantic lint rules (RF1xx) document
themselves in their module docstrings; `regionform.lint.docs` renders both into
docs/rules.md, and SARIF lists both as rules.

An entry's `fails` and `passes` are YAML fragments in the same form as a rule docstring's
"Fails:" / "Passes:" sections (see `regionform.lint.docs`); a test lints each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from regionform.findings import Severity
from regionform.spec.limits import (
    ALIAS_FACTOR,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    MIN_ALIAS_ALLOWANCE,
)

YAML_SYNTAX: Final = "RF001"
DUPLICATE_KEY: Final = "RF002"
FILE_TOO_LARGE: Final = "RF003"
NOT_UTF8: Final = "RF004"
NESTED_TOO_DEEP: Final = "RF005"
ALIAS_EXPANSION: Final = "RF006"
UNKNOWN_KEY: Final = "RF010"
MISSING_KEY: Final = "RF011"
WRONG_TYPE: Final = "RF012"
BAD_VALUE: Final = "RF013"


@dataclass(frozen=True)
class Code:
    """One RF0xx code: what it means and, where a spec can show it, a failing and a passing
    fragment. Files over the size limit and undecodable bytes cannot be shown as YAML."""

    code: str
    name: str
    summary: str
    explanation: str
    fails: str | None = None
    passes: str | None = None
    severity: Severity = Severity.ERROR


def _mib(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB"


_ALIAS_BOMB = "\n".join(
    [
        "x-a: &a [x, x, x, x, x, x, x, x, x, x]",
        *(
            f"x-{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]"
            for previous, name in zip("abcd", "bcde", strict=True)
        ),
    ]
)

CATALOGUE: tuple[Code, ...] = (
    Code(
        YAML_SYNTAX,
        "yaml-syntax",
        "The file is not valid YAML",
        "The file does not parse as one YAML document: a syntax error, more than one "
        "document (`---`), a tag other than YAML's core ones (`!!python/object` and the "
        "like are refused, on lists and maps too), an unknown alias, or a key that is a "
        "list or a map. The finding points at the first place the parser stopped.",
        fails="regions:\n  eu-west-1:\n    role: primary\n    vpc: {cidr: 10.1.0.0/16\n",
        passes="regions:\n  eu-west-1:\n    role: primary\n    vpc: {cidr: 10.1.0.0/16}\n",
    ),
    Code(
        DUPLICATE_KEY,
        "duplicate-key",
        "A mapping has the same key twice",
        "YAML parsers differ on a repeated key (PyYAML silently keeps the last one), so a "
        "spec that says two things in one place is refused at the second key, at any depth.",
        fails="regions:\n  eu-west-1:\n    role: primary\n    vpc: {cidr: 10.1.0.0/16}\n"
        "    role: dr\n",
        passes="regions:\n  eu-west-1:\n    role: primary\n    vpc: {cidr: 10.1.0.0/16}\n",
    ),
    Code(
        FILE_TOO_LARGE,
        "file-too-large",
        f"The spec is over the size limits ({_mib(MAX_BYTES)}, {MAX_NODES:,} values)",
        f"A spec over {MAX_BYTES:,} bytes ({_mib(MAX_BYTES)}) is refused from its size, "
        f"before it is read, and one that writes out more than {MAX_NODES:,} values is "
        "refused while it is read: the largest estate regionform promises (16 regions by "
        "50,000 tenants) is about 3.6 MB and 250,000 values, so a larger file is the wrong "
        "file or an attack.",
    ),
    Code(
        NOT_UTF8,
        "not-utf8",
        "The file is not UTF-8 text",
        "The spec must be UTF-8 (a byte-order mark is allowed). UTF-16 and UTF-32, bytes "
        "that are not UTF-8, NUL bytes (a binary file) and control characters YAML forbids "
        "are refused at their position.",
    ),
    Code(
        NESTED_TOO_DEEP,
        "nested-too-deep",
        f"The document is nested over {MAX_DEPTH} levels",
        f"A spec is a few levels deep; lists and maps nested over {MAX_DEPTH} levels are "
        "refused before they can exhaust the parser's stack.",
        fails=f"tags:\n  Deep: {'[' * MAX_DEPTH}{']' * MAX_DEPTH}\n",
        passes="tags:\n  Owner: platform-team\n",
    ),
    Code(
        ALIAS_EXPANSION,
        "alias-expansion",
        "Aliases and merge keys expand the document too far (an alias bomb)",
        "Anchors, aliases and merge keys are allowed, but what they add to the document "
        f"may be at most {MIN_ALIAS_ALLOWANCE:,} nodes or {ALIAS_FACTOR} times what the "
        "document writes out, whichever is more, and an alias may not refer to itself. "
        "This stops alias bombs (a few lines that expand to billions of nodes) in "
        "milliseconds instead of hanging.",
        fails=_ALIAS_BOMB + "\n",
        passes="tenants:\n  alpha: &tenant {home: eu-west-1, countries: [IE]}\n  beta: *tenant\n",
    ),
    Code(
        UNKNOWN_KEY,
        "unknown-key",
        "A key the schema does not define, or one another setting excludes",
        "A key the schema does not know, usually a typo: the fix suggests the closest "
        "allowed key, or lists them. Some keys are allowed only with a setting (for example "
        "`state.bucket` only with `backend: s3`): then the message names the setting that "
        "excludes the key. docs/spec.md lists those conditions.",
        fails="regions:\n  eu-west-1:\n    vpc: {cidr: 10.1.0.0/16, az_cuont: 3}\n",
        passes="regions:\n  eu-west-1:\n    vpc: {cidr: 10.1.0.0/16, az_count: 3}\n",
    ),
    Code(
        MISSING_KEY,
        "missing-key",
        "A required key is missing",
        "A key the schema requires is absent. Some keys are required only with a setting: "
        "the s3 backend needs `state.bucket` and `state.region`, a git module source needs "
        "`modules.url` and `modules.ref`.",
        fails="state: {backend: s3, bucket: acme-terraform-state}\n",
        passes="state: {backend: s3, bucket: acme-terraform-state, region: eu-west-1}\n",
    ),
    Code(
        WRONG_TYPE,
        "wrong-type",
        "A value has the wrong type",
        "A value of the wrong kind: a string where a number belongs, a list where a mapping "
        "belongs, and so on. Scalars follow YAML 1.2 core rules: only `true` and `false` are "
        "booleans, so `NO` (Norway) stays a string.",
        fails="regions:\n  eu-west-1:\n    vpc: {cidr: 10.1.0.0/16, az_count: three}\n",
        passes="regions:\n  eu-west-1:\n    vpc: {cidr: 10.1.0.0/16, az_count: 3}\n",
    ),
    Code(
        BAD_VALUE,
        "bad-value",
        "A value the schema does not accept",
        "A value of the right type that the schema still refuses: not one of the allowed "
        "choices (with a did-you-mean), the wrong form (tenant ids, bucket purposes, "
        "names), out of range, a list too short or long, or an entry listed twice.",
        fails="regions:\n  eu-west-1:\n    role: primery\n",
        passes="regions:\n  eu-west-1:\n    role: primary\n",
    ),
)

BY_CODE: Final = {entry.code: entry for entry in CATALOGUE}
