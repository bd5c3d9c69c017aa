"""Keys that only go with a setting: docs/spec.md says which, and RF010 names the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from regionform.api import lint_spec
from regionform.spec.reference import render

SPEC = """\
version: 1
project: acme
environment: prod
state: {STATE}
modules: {MODULES}
regions:
  eu-west-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
"""


def lint(tmp_path: Path, state: str, modules: str = "{source: bundled}") -> list[str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("{STATE}", state).replace("{MODULES}", modules))
    return [f.render().split(": ", 1)[1] for f in lint_spec(spec)]


@pytest.mark.parametrize(
    ("state", "modules", "expected"),
    [
        (
            "{backend: local, bucket: acme-state}",
            "{source: bundled}",
            "RF010 key 'bucket' is not allowed with backend: local "
            "(fix: remove bucket, or change backend: local)",
        ),
        (
            "{backend: s3, bucket: acme-state, region: eu-west-1, path: t.tfstate}",
            "{source: bundled}",
            "RF010 key 'path' is not allowed with backend: s3 "
            "(fix: remove path, or change backend: s3)",
        ),
        (
            "{backend: local}",
            "{source: bundled, ref: v1.0.0}",
            "RF010 key 'ref' is not allowed with source: bundled "
            "(fix: remove ref, or change source: bundled)",
        ),
    ],
)
def test_a_key_another_setting_excludes_names_that_setting(
    tmp_path: Path, state: str, modules: str, expected: str
) -> None:
    assert lint(tmp_path, state, modules) == [expected]


def test_keys_required_only_with_a_setting_are_missing_only_with_it(tmp_path: Path) -> None:
    assert lint(tmp_path, "{backend: s3, bucket: acme-state}") == [
        "RF011 missing required key 'region' in 'state' (fix: add region: …)"
    ]
    assert lint(tmp_path, "{backend: local}", "{source: git, url: https://example.com/r}") == [
        "RF011 missing required key 'ref' in 'modules' (fix: add ref: …)"
    ]
    assert lint(tmp_path, "{backend: local}") == []


def test_the_reference_says_which_keys_go_with_which_setting() -> None:
    rows = {line.split(" | ")[0].strip("| `"): line for line in render().splitlines()}
    assert "| with `backend: s3` |" in rows["state.bucket"]
    assert "| with `backend: s3` |" in rows["state.region"]
    assert "Not allowed with `backend: local`." in rows["state.bucket"]
    assert "Not allowed with `backend: s3`." in rows["state.path"]
    assert "| with `source: git` |" in rows["modules.url"]
    assert "| with `source: git` |" in rows["modules.ref"]
    assert "Not allowed with `source: bundled`." in rows["modules.ref"]
    assert "| yes |" in rows["state.backend"]
