"""Findings as SARIF 2.1.0, the format GitHub code scanning (and most IDEs) ingest.

One run, one tool (`regionform`) whose rule catalogue is every code a finding can carry:
the loader/schema codes (RF0xx) and the semantic rules (RF1xx). Results point at the spec
by a relative, forward-slash URI so code scanning can place them on the file in the repo.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path, PurePath

from regionform.about import DOCS_URL, HOMEPAGE, __version__
from regionform.findings import Finding, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# The key code scanning stores our fingerprint under; bump the suffix if its recipe changes.
FINGERPRINT_KEY = "regionformFinding/v1"


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def help_uri(code: str) -> str:
    """The rule's own section of the docs site (docs/rules.md gives each code this anchor)."""
    return f"{DOCS_URL}/rules/#{code.lower()}"


def rule_catalogue() -> list[dict[str, object]]:
    """SARIF reportingDescriptors for every code, sorted by code (the order of ruleIndex)."""
    from regionform.lint import all_rules
    from regionform.spec.codes import CATALOGUE

    described = [(r.code, r.name, r.summary, r.severity) for r in CATALOGUE]
    described += [(r.code, r.name, r.summary, r.severity) for r in all_rules()]
    return [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": summary},
            "defaultConfiguration": {"level": _level(severity)},
            "helpUri": help_uri(code),
        }
        for code, name, summary, severity in sorted(described)
    ]


def artifact_uri(file: str, base: Path | None = None) -> str:
    """The spec's path as code scanning wants it: relative to the checkout, forward slashes.

    A path outside `base` (the working directory) stays absolute rather than climbing with
    `..`, which code scanning would not resolve either way.
    """
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to((base or Path.cwd()).resolve())
        except ValueError:
            return path.as_uri()
    return PurePath(path).as_posix().removeprefix("./")


def _fingerprint(finding: Finding, uri: str, occurrence: int) -> str:
    # Code, file and message, not the line: a finding keeps its identity (and its dismissal
    # in code scanning) when lines above it are added or removed. `occurrence` separates
    # identical messages in one file.
    key = "\0".join((finding.code, uri, finding.message, str(occurrence)))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def sarif_log(findings: Sequence[Finding], base: Path | None = None) -> dict[str, object]:
    rules = rule_catalogue()
    index = {str(rule["id"]): position for position, rule in enumerate(rules)}
    seen: dict[tuple[str, str, str], int] = {}
    results = []
    for finding in findings:
        uri = artifact_uri(finding.location.file, base)
        identity = (finding.code, uri, finding.message)
        seen[identity] = seen.get(identity, -1) + 1
        text = finding.message + (f" (fix: {finding.hint})" if finding.hint else "")
        result: dict[str, object] = {
            "ruleId": finding.code,
            "level": _level(finding.severity),
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": finding.location.line,
                            "startColumn": finding.location.column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(finding, uri, seen[identity])},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "regionform",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(findings: Sequence[Finding]) -> str:
    return json.dumps(sarif_log(findings), indent=2, ensure_ascii=False)
