"""Property tests: hostile-ish input never escapes as anything but a finding, and every
string a spec can carry in free text reaches Terraform as exactly that string."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Terraform
from hostile.support import BASE, yaml_dump
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from regionform.api import lint_spec, load_spec, render_files
from regionform.findings import SpecError
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


def _tenants_block(hcl_text: str) -> str:
    """The generated `output "tenants"` block, verbatim, as a `locals` block."""
    start = hcl_text.index('output "tenants" {')
    end = hcl_text.index("\n}\n", start) + 3
    return "locals {" + hcl_text[start + len('output "tenants" {') : end]


@pytest.mark.terraform
# No shrinking: each step would run Terraform; Terraform's own error names the string.
@settings(max_examples=2, phases=(Phase.explicit, Phase.generate))
@given(st.lists(FREE_TEXT, min_size=120, max_size=120, unique=True))
def test_tenant_descriptions_reach_terraform_exactly_in_both_formats(
    terraform: Terraform, tmp_path_factory: Any, texts: list[str]
) -> None:
    folder = Path(tmp_path_factory.mktemp("literals"))
    tenants = {
        f"t{i:03d}": {"home": "eu-west-1", "countries": ["IE"], "description": text}
        for i, text in enumerate(texts)
    }
    spec = folder / "spec.yaml"
    spec.write_text(yaml_dump({**BASE_DATA, "tenants": tenants}) + "\n", "utf-8")
    model = load_spec(spec)
    # The generated bytes themselves: the tenants output is all literals, so Terraform can
    # evaluate it as locals without the modules.
    hcl_root, json_root = folder / "hcl", folder / "json"
    hcl_root.mkdir()
    json_root.mkdir()
    outputs_tf = render_files(model, "hcl", "spec.yaml")["outputs.tf"].decode("utf-8")
    (hcl_root / "tenants.tf").write_text(_tenants_block(outputs_tf), "utf-8")
    outputs_json = json.loads(render_files(model, "json", "spec.yaml")["outputs.tf.json"])
    (json_root / "tenants.tf.json").write_text(
        json.dumps({"locals": outputs_json["output"]["tenants"]}, ensure_ascii=False), "utf-8"
    )
    for root in (hcl_root, json_root):
        terraform.run(root, "init", "-backend=false", "-no-color")
        result = terraform.run(
            root, "console", "-no-color", input_text="base64encode(jsonencode(local.value))\n"
        )
        value = json.loads(base64.b64decode(json.loads(result.stdout)))
        assert [value[tenant]["description"] for tenant in sorted(tenants)] == texts, root.name
