"""`--layout per-region`: one root per region plus `global`, each with its own state.

The per-region roots hold exactly the single root's module calls, read each other only
through computed values or `cross_root` remote state, and validate with real Terraform.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_runner import invoke
from conftest import EXAMPLES, REPO, Terraform
from hcl_equivalence import canonical_hcl, canonical_json, numbers_as_json

from regionform.api import generate, load_spec, render_files, roots
from regionform.generators.root import generate_root
from regionform.layout import Layout
from regionform.layout.cross_root import placeholder
from regionform.layout.references import all_references, walk_strings

GOLDEN = Path(__file__).parent / "golden" / "per-region"
GOLDEN_EXAMPLE = "bizflow"  # four regions, a cycle, computed and remote-state values
IDS = [e.stem for e in EXAMPLES]


def _example(stem: str) -> Path:
    return EXAMPLES[IDS.index(stem)]


@pytest.fixture(scope="module")
def layouts() -> dict[str, Layout]:
    return {e.stem: roots(load_spec(e), "per-region") for e in EXAMPLES}


def _modules(document: dict[str, dict[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for body in document.values():
        found.update(body.get("module", {}))
    return found


def _is_foreign(text: str, own: set[str]) -> bool:
    return any(r.call not in own for r in all_references(text))


# --- real Terraform -------------------------------------------------------------------------


@pytest.mark.terraform
@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_root_inits_and_is_formatted(
    example: Path, terraform: Terraform, tmp_path: Path
) -> None:
    # test_plan.py plans every per-region root of every example in JSON against moto (a plan
    # validates first); here Terraform reads every HCL root (init decodes each file), and the
    # equivalence test below proves both renderings are one configuration.
    result = generate(example, tmp_path / "hcl", "hcl", layout="per-region")
    folders = [result.root / folder for folder in result.roots]
    for folder in folders:
        terraform.run(folder, "init", "-backend=false", "-input=false", "-no-color")
    hcl_environment = folders[0].parent
    fmt = terraform.run(hcl_environment, "fmt", "-check", "-recursive", "-no-color", check=False)
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_hcl_and_json_roots_are_the_same_configuration(example: Path, tmp_path: Path) -> None:
    hcl = generate(example, tmp_path / "hcl", "hcl", layout="per-region")
    json_result = generate(example, tmp_path / "json", "json", layout="per-region")
    assert hcl.roots == json_result.roots
    for folder in hcl.roots:
        hcl_root, json_root = hcl.root / folder, json_result.root / folder
        names = sorted(p.name for p in hcl_root.glob("*.tf"))
        assert names == sorted(p.name.removesuffix(".json") for p in json_root.glob("*.tf.json"))
        for name in names:
            assert _spacing_free(canonical_hcl(hcl_root / name)) == _spacing_free(
                canonical_json(json_root / f"{name}.json")
            ), f"{folder}/{name}"


def _spacing_free(configuration: dict[str, Any]) -> str:
    # The hcl2 parser drops the space after commas in function calls: try(a,"b").
    return re.sub(r",\s+", ",", json.dumps(numbers_as_json(configuration), sort_keys=True))


# --- what goes where ------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_module_call_lands_in_exactly_one_root_with_the_same_arguments(
    example: Path, layouts: dict[str, Layout]
) -> None:
    single = _modules(generate_root(load_spec(example)).document)
    placed: dict[str, str] = {}
    for root in layouts[example.stem].roots:
        for name in _modules(root.document):
            assert name not in placed, f"{name} in both {placed[name]} and {root.name}"
            placed[name] = root.name
    assert sorted(placed) == sorted(single)

    for root in layouts[example.stem].roots:
        own = set(_modules(root.document))
        for name, block in _modules(root.document).items():
            expected = dict(single[name])
            # Bundled modules are shared one folder up.
            expected["source"] = expected["source"].replace("./modules/", "../modules/")
            pairs: list[tuple[str, str]] = []
            _pair_strings(expected, block, pairs)
            for before, after in pairs:
                if _is_foreign(before, own):
                    # Rewritten: computed in place (an ARN, or a name the spec fixes, such as
                    # the audit bucket's) or read from the upstream root's state.
                    assert not _is_foreign(after, own), after
                    assert (
                        "data.aws_partition.current" in after
                        or "${" not in after
                        or (
                            "data.terraform_remote_state." in after
                            and ".outputs.cross_root." in after
                        )
                    ), after
                else:
                    assert after == before, f"{root.name}: {name}: {before!r} became {after!r}"


def _pair_strings(before: Any, after: Any, pairs: list[tuple[str, str]]) -> None:
    """Walk two values of the same shape, collecting strings side by side."""
    if isinstance(before, str):
        assert isinstance(after, str)
        pairs.append((before, after))
    elif isinstance(before, dict):
        assert isinstance(after, dict) and list(after) == list(before)
        for key in before:
            _pair_strings(before[key], after[key], pairs)
    elif isinstance(before, list):
        assert isinstance(after, list) and len(after) == len(before)
        for b, a in zip(before, after, strict=True):
            _pair_strings(b, a, pairs)
    else:
        assert after == before


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_root_references_a_module_it_does_not_contain(
    example: Path, layouts: dict[str, Layout]
) -> None:
    for root in layouts[example.stem].roots:
        own = set(_modules(root.document))
        dangling = {r.text for r in all_references(root.document) if r.call not in own}
        assert not dangling, f"{root.name} references {sorted(dangling)}"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_each_root_keeps_only_the_providers_it_uses(
    example: Path, layouts: dict[str, Layout]
) -> None:
    spec = load_spec(example)
    for root in layouts[example.stem].roots:
        declared = {
            f"aws.{config['alias']}"
            for config in root.document.get("providers", {}).get("provider", {}).get("aws", [])
        }
        used = _provider_references(root.document.get("main", {})) | _provider_references(
            root.document.get("cross_root", {})
        )
        assert declared == used, root.name
        expected_region = "us-east-1" if root.name == "global" else root.name
        if root.document.get("main"):
            assert f"aws.{expected_region.replace('-', '_')}" in declared
        if spec.state.kind == "s3" and "terraform_remote_state" in _data(root):
            assert f"aws.{str(spec.state.region).replace('-', '_')}" in declared


def _provider_references(value: Any) -> set[str]:
    found: set[str] = set()

    def collect(text: str) -> str:
        found.update(re.findall(r"^aws\.[a-z0-9_]+$", text))
        return text

    walk_strings(value, collect)
    return found


def _data(root: Any) -> dict[str, Any]:
    data: dict[str, Any] = root.document.get("cross_root", {}).get("data", {})
    return data


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_outputs_go_to_their_region_and_estate_wide_ones_to_global(
    example: Path, layouts: dict[str, Layout]
) -> None:
    spec = load_spec(example)
    by_root = {
        root.name: set(root.document.get("outputs", {}).get("output", {}))
        for root in layouts[example.stem].roots
    }
    for region in spec.regions:
        assert f"region_{region.alias}" in by_root[region.name]
    assert "tenants" in by_root["global"]
    assert ("edge" in by_root["global"]) == (
        spec.dns is not None or spec.cloudfront_waf is not None
    )


def test_a_git_module_source_stays_as_it_is_and_nothing_is_bundled(tmp_path: Path) -> None:
    spec_file = tmp_path / "bizflow.yaml"
    spec_file.write_text(
        _example("bizflow").read_text()
        + "modules:\n  source: git\n  url: https://github.com/example/regionform.git\n"
        "  ref: v0.1.0\n"
    )
    files = _files(spec_file)
    assert not any(name.startswith("modules/") for name in files)
    assert (
        'source = "git::https://github.com/example/regionform.git//modules/vpc?ref=v0.1.0"'
        in files["ap-south-1/main.tf"].decode()
    )


# --- state and cross-root values ------------------------------------------------------------


def _backend(root: Any) -> tuple[str, dict[str, Any]]:
    ((kind, config),) = root.document["backend"]["terraform"]["backend"].items()
    return kind, config


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_each_root_has_its_own_state(example: Path, layouts: dict[str, Layout]) -> None:
    spec = load_spec(example)
    places = []
    for root in layouts[example.stem].roots:
        kind, config = _backend(root)
        assert kind == spec.state.kind
        if kind == "s3":
            assert config["bucket"] == spec.state.bucket
            assert config["key"] == posixpath.join(
                posixpath.dirname(str(spec.state.key)), root.name, "terraform.tfstate"
            )
            places.append(config["key"])
        else:
            # Local paths are relative to the root's own folder.
            places.append(posixpath.normpath(posixpath.join(root.folder, config["path"])))
    assert len(set(places)) == len(places), places


def test_a_local_state_lives_in_its_roots_folder(layouts: dict[str, Layout]) -> None:
    for root in layouts["agent-mitra"].roots:
        assert _backend(root) == ("local", {"path": f"../{root.name}/terraform.tfstate"})


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_remote_state_reads_the_upstream_roots_state_with_the_same_settings(
    example: Path, layouts: dict[str, Layout]
) -> None:
    by_name = {root.name: root for root in layouts[example.stem].roots}
    for root in by_name.values():
        for label, body in _data(root).get("terraform_remote_state", {}).items():
            upstream = by_name[label.replace("_", "-")]
            kind, config = _backend(upstream)
            assert body["backend"] == kind
            assert body["config"] == {k: v for k, v in config.items() if k != "use_lockfile"}
            # Read only once the state exists: terraform_remote_state fails on a missing one.
            assert body["count"].endswith(" ? 1 : 0}")
            assert upstream.name in root.reads


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_cross_root_output_holds_exactly_what_other_roots_read(
    example: Path, layouts: dict[str, Layout]
) -> None:
    read: dict[str, set[str]] = {}
    for root in layouts[example.stem].roots:

        def collect(text: str, reader: str = root.name) -> str:
            for label, path in re.findall(
                r"data\.terraform_remote_state\.([a-z0-9_]+)\[0\]\.outputs\.cross_root\."
                r'([A-Za-z0-9_]+\.[A-Za-z0-9_]+(?:\["[^"]+"\])*)',
                text,
            ):
                read.setdefault(label.replace("_", "-"), set()).add(path)
            return text

        walk_strings(root.document.get("main", {}), collect)
    for root in layouts[example.stem].roots:
        outputs = root.document.get("outputs", {}).get("output", {})
        exported = set()
        if "cross_root" in outputs:
            exported = {
                ref.text.removeprefix("module.") for ref in all_references(outputs["cross_root"])
            }
        assert exported == read.get(root.name, set()), root.name


def test_bizflow_computes_names_and_reads_only_aws_chosen_ids(
    layouts: dict[str, Layout],
) -> None:
    by_name = {root.name: root for root in layouts["bizflow"].roots}
    replica = by_name["ap-southeast-1"].document["main"]["module"]
    assert replica["rds_ap_southeast_1"]["replicate_source_db"] == (
        "arn:${data.aws_partition.current.partition}:rds:ap-south-1:"
        "${data.aws_caller_identity.current.account_id}:db:bizflow-production-ap-south-1"
    )
    # A secondary stays a secondary before ap-south-1 is applied: a placeholder id, not null.
    assert replica["redis_ap_southeast_1"]["global_datastore"] == {
        "role": "secondary",
        "global_replication_group_id": "${try(data.terraform_remote_state.ap_south_1[0]"
        ".outputs.cross_root.redis_ap_south_1.global_replication_group_id, "
        + placeholder("ap-south-1")
        + ")}",
    }
    source = by_name["ap-south-1"].document["main"]["module"]["s3_ap_south_1"]
    replication = source["buckets"]["documents"]["replication"]
    assert replication["destination_bucket_arn"] == (
        "arn:${data.aws_partition.current.partition}:s3:::"
        "bizflow-production-documents-ap-southeast-1"
    )
    assert replication["destination_kms_key_arn"] == (
        "${try(data.terraform_remote_state.ap_southeast_1[0].outputs.cross_root."
        'kms_ap_southeast_1.key_arns["storage"], ' + placeholder("ap-southeast-1") + ")}"
    )
    assert set(by_name["ap-south-1"].document["cross_root"]["check"]) == {"ap_southeast_1_applied"}
    # The certificate alarm (global root, the load balancer's region) tells that region's
    # topics by computed ARN: no remote-state read, and no wait for the region root's state.
    https = by_name["global"].document["main"]["module"]["alb_https_ap_south_1"]
    assert https["alarm_actions"]["warning"] == [
        "arn:${data.aws_partition.current.partition}:sns:ap-south-1:"
        "${data.aws_caller_identity.current.account_id}:bizflow-production-warning"
    ]


def test_a_placeholder_is_unknown_in_the_plan_and_refused_at_apply() -> None:
    # timestamp() is unknown while planning, so the plan runs with "known after apply"; at
    # apply the text is what the modules' validation rules (and AWS) refuse.
    expression = placeholder("ap-south-1")
    assert expression.startswith('"${substr(timestamp(), 0, 0)}')
    applied = expression.removeprefix('"${substr(timestamp(), 0, 0)}').removesuffix('"')
    s3_rules = (REPO / "modules" / "s3" / "variables.tf").read_text()
    redis_rules = (REPO / "modules" / "redis" / "variables.tf").read_text()
    key_pattern = r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-)?[0-9a-f-]+$"
    id_pattern = r"^[a-z]+-[a-z0-9-]+$"
    assert f'"{key_pattern}"' in s3_rules and f'"{id_pattern}"' in redis_rules
    assert not re.match(key_pattern, applied) and not re.match(id_pattern, applied)
    assert "ap-south-1" in applied


# --- apply order ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_roots_come_after_the_roots_they_read(example: Path, layouts: dict[str, Layout]) -> None:
    layout = layouts[example.stem]
    order = [root.name for root in layout.roots]
    in_cycle = {name: cycle for cycle in layout.cycles for name in cycle}
    for position, root in enumerate(layout.roots):
        for upstream in root.reads:
            if in_cycle.get(upstream) is not None and root.name in in_cycle[upstream]:
                continue
            assert order.index(upstream) < position, f"{root.name} before {upstream}"
    assert order == [r.name for r in roots(load_spec(example), "per-region").roots]


def test_roots_that_read_each_other_are_reported_as_a_cycle(layouts: dict[str, Layout]) -> None:
    # ap-south-1 replicates a bucket into ap-southeast-1, whose database and cache follow
    # ap-south-1's: no order satisfies both.
    assert layouts["bizflow"].cycles == (("ap-south-1", "ap-southeast-1"),)
    assert [r.name for r in layouts["bizflow"].roots] == [
        "ap-south-1",
        "ap-southeast-1",
        "eu-west-2",
        "me-south-1",
        "global",  # it reads every region's load balancer (alias records, the CDN's origins)
    ]
    assert all(layouts[e].cycles == () for e in IDS if e != "bizflow")


def test_backup_copies_put_the_source_region_first(layouts: dict[str, Layout]) -> None:
    order = [root.name for root in layouts["project-one"].roots]
    assert order == ["ap-south-1", "ap-southeast-1", "global"]
    assert layouts["project-one"].roots[1].reads == ("ap-south-1",)


# --- stable output --------------------------------------------------------------------------

EU_CENTRAL = """\
  eu-central-1:
    role: regional
    vpc:
      cidr: 10.9.0.0/16
      az_count: 2
      nat: single
"""


def _with_region(tmp_path: Path, stem: str, region: str, before: str) -> Path:
    text = _example(stem).read_text()
    at = text.index(before)
    path = tmp_path / f"{stem}.yaml"
    path.write_text(text[:at] + region + text[at:])
    return path


def _files(spec: Path) -> dict[str, bytes]:
    return render_files(load_spec(spec), "hcl", spec.name, "per-region")


def test_adding_a_region_adds_a_root_and_changes_no_other_byte(tmp_path: Path) -> None:
    before = _files(_example("agent-mitra"))
    after = _files(_with_region(tmp_path, "agent-mitra", EU_CENTRAL, "dns:\n"))
    assert {name for name in after if name not in before} == {
        f"eu-central-1/{name}"
        for name in ("backend.tf", "main.tf", "outputs.tf", "providers.tf", "versions.tf")
    }
    assert {name: after[name] for name in before} == before


def test_a_new_cross_root_read_changes_only_what_it_reads(tmp_path: Path) -> None:
    region = EU_CENTRAL + "    buckets:\n      exports:\n        replicate_to: me-south-1\n"
    spec = _with_region(tmp_path, "bizflow", region, "  me-south-1:\n")
    before, after = _files(_example("bizflow")), _files(spec)
    changed = sorted(name for name in before if after[name] != before[name])
    assert changed == ["me-south-1/main.tf", "me-south-1/outputs.tf"]
    new = roots(load_spec(spec), "per-region")
    old = roots(load_spec(_example("bizflow")), "per-region")
    me_new = next(r for r in new.roots if r.name == "me-south-1").document
    me_old = next(r for r in old.roots if r.name == "me-south-1").document
    # The replica bucket lands in me-south-1 (as in the single layout) ...
    assert set(me_new["main"]["module"]) - set(me_old["main"]["module"]) == {"s3_me_south_1"}
    assert all(me_new["main"]["module"][k] == v for k, v in me_old["main"]["module"].items())
    # ... its region output lists it, and me-south-1 now exports the key eu-central-1 reads.
    outputs_new, outputs_old = me_new["outputs"]["output"], me_old["outputs"]["output"]
    assert set(outputs_new) == {*outputs_old, "cross_root"}
    assert outputs_new["cross_root"]["value"] == {
        # what global already read (me-south-1's load balancer) ...
        **outputs_old["cross_root"]["value"],
        # ... and the key eu-central-1 now reads.
        "kms_me_south_1": {"key_arns": {"storage": '${module.kms_me_south_1.key_arns["storage"]}'}},
    }
    region_new = outputs_new["region_me_south_1"]["value"]
    region_old = outputs_old["region_me_south_1"]["value"]
    assert region_new == {**region_old, "bucket_names": "${module.s3_me_south_1.bucket_names}"}


# --- the writer -----------------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".regionform")
    }


@pytest.mark.parametrize("output_format", ["hcl", "json"])
def test_switching_layouts_back_and_forth_leaves_no_stale_file(
    tmp_path: Path, output_format: str
) -> None:
    example = _example("bizflow")
    single = generate(example, tmp_path / "single", output_format)
    per_region = generate(example, tmp_path / "per-region", output_format, layout="per-region")
    out = tmp_path / "out"
    first = generate(example, out, output_format)
    (first.root / "notes.md").write_text("hand-written: never touched\n")
    switched = generate(example, out, output_format, layout="per-region")
    assert _snapshot(switched.root) == {
        **_snapshot(per_region.root),
        "notes.md": b"hand-written: never touched\n",
    }
    assert not any((switched.root / name).exists() for name in switched.removed), (
        "removed files are gone"
    )
    assert switched.roots == ("ap-south-1", "ap-southeast-1", "eu-west-2", "me-south-1", "global")
    back = generate(example, out, output_format)
    assert back.roots == (".",)
    assert _snapshot(back.root) == {
        **_snapshot(single.root),
        "notes.md": b"hand-written: never touched\n",
    }
    # Emptied root folders go too.
    assert sorted(p.name for p in back.root.iterdir() if p.is_dir()) == ["modules"]


def test_check_compares_against_the_layout_asked_for(tmp_path: Path) -> None:
    example = _example("project-one")
    generate(example, tmp_path, layout="per-region")
    assert generate(example, tmp_path, check=True, layout="per-region").up_to_date
    stale = generate(example, tmp_path, check=True)
    assert not stale.up_to_date
    assert "ap-south-1/main.tf" in stale.extra and "ap-south-1.tf" in stale.missing


# --- command line and API -------------------------------------------------------------------


def test_roots_prints_a_github_actions_matrix_in_apply_order() -> None:
    result = invoke(["roots", str(_example("project-one")), "--layout", "per-region"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"root": "ap-south-1", "path": "production/ap-south-1"},
        {"root": "ap-southeast-1", "path": "production/ap-southeast-1"},
        {"root": "global", "path": "production/global"},
    ]


def test_roots_of_the_single_layout_is_the_environment_folder() -> None:
    result = invoke(["roots", str(_example("agent-mitra"))])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"root": "production", "path": "production"}]


def test_roots_as_text_warns_about_roots_that_read_each_other() -> None:
    args = ["roots", str(_example("bizflow")), "--layout", "per-region", "--format", "text"]
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "production/ap-south-1",
        "production/ap-southeast-1",
        "production/eu-west-2",
        "production/me-south-1",
        "production/global",
    ]
    assert "ap-south-1, ap-southeast-1 read each other" in result.stderr


def test_generate_with_the_per_region_layout_and_check(tmp_path: Path) -> None:
    args = ["generate", str(_example("teddy-bear")), "--out", str(tmp_path)]
    result = invoke([*args, "--layout", "per-region"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "production" / "us-east-1" / "main.tf").is_file()
    assert (tmp_path / "production" / "modules" / "vpc" / "main.tf").is_file()
    result = invoke([*args, "--layout", "per-region", "--check"])
    assert result.exit_code == 0, result.stderr
    # The hint reproduces the checked command: the default layout is not spelled out …
    result = invoke([*args, "--check"])
    assert result.exit_code == 1
    assert "run `regionform generate" in result.stderr
    assert "--layout" not in result.stderr
    # … and a per-region check of a single-layout root names its layout.
    assert invoke(args).exit_code == 0
    result = invoke([*args, "--layout", "per-region", "--check"])
    assert result.exit_code == 1
    assert "--layout per-region`" in result.stderr


def test_an_unknown_layout_is_a_usage_error() -> None:
    result = invoke(["roots", str(_example("bizflow")), "--layout", "per-tenant"])
    assert result.exit_code == 2
    assert "per-tenant" in result.stderr
    from regionform.findings import UsageError

    with pytest.raises(UsageError, match="use single or per-region"):
        roots(_example("bizflow"), "per-tenant")


# --- golden ---------------------------------------------------------------------------------


def test_per_region_root_matches_golden_files(update_golden: bool) -> None:
    example = _example(GOLDEN_EXAMPLE)
    files = {
        name: data
        for name, data in render_files(
            load_spec(example), "hcl", example.name, "per-region"
        ).items()
        if not name.startswith("modules/")
    }
    folder = GOLDEN / GOLDEN_EXAMPLE / "hcl"
    if update_golden:
        shutil.rmtree(folder, ignore_errors=True)
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    expected = {
        str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    assert sorted(files) == sorted(expected), "run pytest --update-golden and review the diff"
    for name, data in files.items():
        assert data == expected[name], f"{name} differs; run pytest --update-golden and review"
