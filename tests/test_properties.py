"""Property tests: hostile-ish input never escapes as anything but a finding, and every
string a spec can carry in free text reaches Terraform as exactly that string."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Terraform
from hostile.support import BASE, terraform_reads_back
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regionform.api import lint_spec
from regionform.document import literal
from regionform.findings import SpecError
from regionform.render import render
from regionform.spec.loader import LoadedDocument, parse_text
from regionform.spec.source import SourceMap
from regionform.spec.validate import validate

# Reproducible in CI: derandomized, bounded, no deadline (the machine is shared).
settings.register_profile(
    "regionform",
    derandomize=True,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("regionform")

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
TREES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
# Spec-shaped trees: the real top-level keys, arbitrary values beneath.
SPEC_LIKE = st.fixed_dictionaries(
    {},
    optional={
        key: TREES
        for key in ("version", "project", "environment", "state", "tags", "regions", "tenants")
    },
)


@given(st.binary(max_size=300))
def test_the_loader_turns_any_bytes_into_a_value_or_findings(
    tmp_path_factory: Any, raw: bytes
) -> None:
    spec = tmp_path_factory.mktemp("bytes") / "s.yaml"
    spec.write_bytes(raw)
    try:
        from regionform.spec.loader import load_file

        load_file(spec)
    except SpecError as error:
        assert error.findings


@given(st.text(max_size=300))
def test_the_loader_turns_any_text_into_a_value_or_findings(text: str) -> None:
    try:
        parse_text(text, "s.yaml")
    except SpecError as error:
        assert error.findings


@given(st.one_of(TREES, SPEC_LIKE))
def test_the_schema_judges_any_tree_without_crashing(data: Any) -> None:
    findings = validate(LoadedDocument(data=data, source=SourceMap("s.yaml")))
    assert all(f.code.startswith("RF0") for f in findings)


BASE_DATA = yaml.safe_load(BASE.read_text("utf-8"))
REGIONS = st.sampled_from(["eu-west-1", "eu-west-2", "us-east-1", "ap-south-1", "xx-nowhere-9"])
TENANTS = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True) | st.text(max_size=8),
    st.fixed_dictionaries(
        {
            "home": REGIONS,
            "countries": st.lists(
                st.sampled_from(["IE", "GB", "IN", "ZZ"]), min_size=1, max_size=3
            ),
        },
        optional={"tier": st.sampled_from(["pooled", "silo"]), "description": st.text(max_size=30)},
    ),
    max_size=5,
)
REGION_BODIES = st.fixed_dictionaries(
    {
        "role": st.sampled_from(["primary", "dr", "regional"]),
        "vpc": st.fixed_dictionaries(
            {
                "cidr": st.sampled_from(
                    ["10.1.0.0/16", "10.2.0.0/16", "10.1.128.0/17", "192.168.0.0/24", "8.8.8.0/24"]
                )
            },
            optional={
                "az_count": st.integers(1, 6),
                "nat": st.sampled_from(["per_az", "single", "none"]),
            },
        ),
    }
)


@given(st.dictionaries(REGIONS, REGION_BODIES, min_size=1, max_size=4), TENANTS)
def test_lint_on_mutated_specs_gives_findings_or_nothing(
    tmp_path_factory: Any, regions: dict[str, Any], tenants: dict[str, Any]
) -> None:
    data = {**BASE_DATA, "regions": regions, "tenants": tenants}
    spec = tmp_path_factory.mktemp("lint") / "s.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for finding in lint_spec(spec):
        assert finding.location.file == str(spec) and finding.code.startswith("RF")


# Free text: anything a YAML file can carry (no surrogates; NUL included, it is escapable).
FREE_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@pytest.mark.terraform
@settings(max_examples=1)
@given(st.lists(FREE_TEXT, min_size=150, max_size=150, unique=True))
def test_both_renderers_give_terraform_the_exact_literal(
    terraform: Terraform, tmp_path_factory: Any, texts: list[str]
) -> None:
    # Renderers must not raise on any of them, in either format.
    for output_format in ("hcl", "json"):
        render({"f": {"locals": {"v": [literal(t) for t in texts]}}}, output_format, "s.yaml")
    folder = tmp_path_factory.mktemp("literals")
    assert terraform_reads_back(terraform, Path(folder), texts) == texts + texts
