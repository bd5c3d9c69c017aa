"""`regionform atlantis` and `init --ci atlantis`: an atlantis.yaml Atlantis accepts.

The schema under tests/atlantis/ is Atlantis's documented repo config (its source is in its
`$comment`); every key regionform writes must be one Atlantis accepts, project names must be
unique, and every `depends_on` must name a project that comes earlier in apply order.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from cli_runner import invoke
from conftest import EXAMPLES, REPO

from regionform.cli import build_parser
from regionform.delivery.atlantis import depends_on, order_groups, repo_config
from regionform.layout import Layout, Root
from regionform.pipeline import roots

SCHEMA = json.loads((REPO / "tests" / "atlantis" / "repo-config.schema.json").read_text())


def check_config(config: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(config)
    names = [p["name"] for p in config["projects"]]
    assert len(names) == len(set(names)), "project names are unique"
    seen: set[str] = set()
    for project in config["projects"]:
        assert set(project.get("depends_on", [])) <= seen, "depends_on names earlier projects"
        seen.add(project["name"])
        assert project["workflow"] in config["workflows"]


@pytest.mark.parametrize("layout", ["single", "per-region"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_writes_a_config_atlantis_accepts(example: Path, layout: str) -> None:
    laid_out = roots(example, layout)
    spec = f"examples/{example.name}"
    config = repo_config(laid_out, spec, "out", "hcl", layout)
    check_config(config)
    projects = config["projects"]
    assert [p["name"] for p in projects] == [r.name for r in laid_out.roots]
    for project, root in zip(projects, laid_out.roots, strict=True):
        directory = Path(project["dir"])
        assert project["dir"] == f"out/{laid_out.environment}/{root.folder}".removesuffix("/.")
        watched = project["autoplan"]["when_modified"]
        # The spec and every bundled module, from the project's folder.
        assert (directory / watched[-1]).as_posix().count("..") >= 1
        assert Path(REPO, directory, watched[-1]).resolve() == (REPO / spec).resolve()
        for pattern in watched:
            if "/modules/" in pattern:
                module = Path(REPO, directory, pattern).resolve().parent
                assert module.parent == (REPO / "out" / laid_out.environment / "modules").resolve()


def test_a_spec_outside_the_working_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    result = invoke(["atlantis", str(REPO / "examples" / "bizflow.yaml"), "--write", "-"])
    assert result.exit_code == 2
    assert "run `regionform atlantis` from the repository root" in result.stderr


def test_the_plan_step_plans_through_regionform_with_the_guard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = invoke(["atlantis", "examples/bizflow.yaml", "--layout", "per-region", "--write", "-"])
    assert result.exit_code == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    check_config(config)
    (step,) = config["workflows"]["regionform"]["plan"]["steps"]
    commands = step["run"].split(" && ")
    assert commands[0] == 'cd "${DIR%/"$REPO_REL_DIR"}"'
    assert commands[2] == 'mv "$REPO_REL_DIR/regionform.tfplan" "$PLANFILE"'
    words = shlex.split(commands[1].replace('"$PROJECT_NAME"', "ap-south-1"))
    assert words[:2] == ["regionform", "plan"]
    args = build_parser().parse_args(words[1:])
    assert (args.spec, args.roots, args.no_generate) == (
        Path("examples/bizflow.yaml"),
        ["ap-south-1"],
        True,
    )
    assert (args.layout, str(args.out)) == ("per-region", "out")
    assert config["workflows"]["regionform"]["apply"]["steps"] == ["apply"]


def test_the_command_writes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "estate.yaml"
    spec.write_text((REPO / "examples" / "project-one.yaml").read_text())
    monkeypatch.chdir(tmp_path)
    result = invoke(["atlantis", "estate.yaml"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "wrote atlantis.yaml: 1 projects\n"
    text = (tmp_path / "atlantis.yaml").read_text()
    assert text.startswith("# Written by `regionform atlantis`")
    check_config(yaml.safe_load(text))


def root(name: str, *reads: str) -> Root:
    return Root(name, name, {}, reads)


def test_order_groups_and_depends_on_follow_reads_and_break_cycles() -> None:
    # a and b read each other (a cycle, applied a then b); c reads b; d reads nothing.
    layout = Layout("prod", (root("a", "b"), root("b", "a"), root("c", "b"), root("d")), ())
    assert order_groups(layout) == {"a": 0, "b": 1, "c": 2, "d": 0}
    assert depends_on(layout) == {"a": [], "b": ["a"], "c": ["b"], "d": []}


def test_init_scaffolds_atlantis_instead_of_the_actions_workflow(tmp_path: Path) -> None:
    result = invoke(
        ["init", str(tmp_path), "--project", "acme", "--ci", "atlantis", "--region", "eu-west-1"]
    )
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / ".github").exists()
    config = yaml.safe_load((tmp_path / "atlantis.yaml").read_text())
    check_config(config)
    assert [p["name"] for p in config["projects"]] == ["eu-west-1", "global"]
    assert config["projects"][0]["autoplan"]["when_modified"][-1] == (
        "../../../specs/production.yaml"
    )
