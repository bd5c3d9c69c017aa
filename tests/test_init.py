"""`regionform init`: a repository scaffold whose spec lints clean and generates, whose
pre-commit config uses this repository's hooks, and whose GitHub Actions workflow is valid
for GitHub, least-privilege, and runs regionform commands that exist.

`regionform plan`, `roots` and `summarize` (and `--layout`) are built to the contract in the
shared plan contract; where cli.py does not have them yet, their command lines are checked
against that contract's options instead.
"""

from __future__ import annotations

import argparse
import inspect
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_runner import invoke
from conftest import REPO

from regionform.api import generate, lint_spec
from regionform.choices import LAYOUTS
from regionform.cli import build_parser
from regionform.spec.validate import schema_text

SPEC = "specs/production.yaml"
WORKFLOW = ".github/workflows/regionform.yml"
SCAFFOLD = (SPEC, ".regionform/schema.json", ".pre-commit-config.yaml", WORKFLOW)

FLAG = None
# Options from the plan contract: command → option → accepted values (FLAG: takes none,
# (): any value). Used only where cli.py does not define the command or option yet.
CONTRACT: dict[str, dict[str, tuple[str, ...] | None]] = {
    "generate": {"--layout": LAYOUTS},
    "check": {"--layout": LAYOUTS},
    "roots": {"--layout": LAYOUTS, "--format": ("json", "text")},
    "plan": {
        "--out": (),
        "--format": ("hcl", "json"),
        "--layout": LAYOUTS,
        "--root": (),
        "--parallel": (),
        "--detailed-exitcode": FLAG,
        "--allow-destroy": (),
        "--summary-json": (),
        "--summary-markdown": (),
        "--no-generate": FLAG,
    },
    "summarize": {"--format": ("markdown", "text")},
}


def init(*args: str) -> Any:
    return invoke(["init", *args])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "acme-estate"
    result = init(str(target), "--region", "ap-south-1", "--region", "ap-southeast-1")
    assert result.exit_code == 0, result.stderr
    return target


@pytest.fixture
def workflow(repo: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((repo / WORKFLOW).read_text())
    return loaded


def steps(workflow: dict[str, Any], job: str | None = None) -> list[dict[str, Any]]:
    jobs = [workflow["jobs"][job]] if job else list(workflow["jobs"].values())
    return [step for each in jobs for step in each["steps"]]


def runs(workflow: dict[str, Any], job: str | None = None) -> list[str]:
    return [step["run"] for step in steps(workflow, job) if "run" in step]


# --- the scaffold ------------------------------------------------------------------------


def test_init_writes_the_scaffold_and_reports_each_file(tmp_path: Path) -> None:
    result = init(str(tmp_path / "acme"))
    assert result.exit_code == 0
    for name in SCAFFOLD:
        assert (tmp_path / "acme" / name).is_file()
        assert f"wrote     {tmp_path / 'acme' / name}" in result.stdout
    spec = (tmp_path / "acme" / SPEC).read_text()
    assert "project: acme\n" in spec and "  ap-south-1:\n    role: primary\n" in spec


def test_init_twice_changes_nothing(repo: Path) -> None:
    before = {name: (repo / name).read_bytes() for name in SCAFFOLD}
    result = init(str(repo), "--region", "ap-south-1", "--region", "ap-southeast-1")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["unchanged"] * 4
    assert {name: (repo / name).read_bytes() for name in SCAFFOLD} == before


def test_init_keeps_existing_files_unless_forced(repo: Path) -> None:
    (repo / ".pre-commit-config.yaml").write_text("repos: []  # mine\n")
    kept = init(str(repo))
    assert kept.exit_code == 0
    assert "kept      " in kept.stdout and "(exists; --force overwrites)" in kept.stdout
    assert (repo / ".pre-commit-config.yaml").read_text() == "repos: []  # mine\n"

    forced = init(str(repo), "--force")
    assert forced.exit_code == 0
    assert f"overwrote {repo / '.pre-commit-config.yaml'}" in forced.stdout
    assert "regionform-lint" in (repo / ".pre-commit-config.yaml").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "mars-north-1"], "'mars-north-1' is not an AWS region"),
        (["--project", "Acme_Corp"], "project name 'Acme_Corp'"),
        (["--region", "eu-west-1", "--region", "eu-west-1"], "each --region once"),
        (["--environment", "Prod"], "environment 'Prod'"),
    ],
)
def test_init_refuses_what_would_not_lint_and_writes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = init(str(tmp_path / "acme"), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "acme").exists()


def test_the_project_name_comes_from_the_folder(tmp_path: Path) -> None:
    assert init(str(tmp_path / "My Estate_2")).exit_code == 0
    assert "project: my-estate-2\n" in (tmp_path / "My Estate_2" / SPEC).read_text()


def test_the_starter_spec_lints_clean_with_three_regions(tmp_path: Path) -> None:
    regions = ["eu-west-2", "eu-central-1", "us-east-1"]
    assert init(str(tmp_path), *[f"--region={r}" for r in regions]).exit_code == 0
    assert lint_spec(tmp_path / SPEC) == []
    spec = (tmp_path / SPEC).read_text()
    assert "cidr: 10.3.0.0/16" in spec and "role: regional" in spec


def test_the_schema_line_points_at_the_schema_init_wrote(repo: Path) -> None:
    first = (repo / SPEC).read_text().splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    schema = (repo / SPEC).parent / match.group(1)
    assert schema.read_text() == schema_text()


# The scaffold's workflow plans the per-region layout; before the layout work is merged,
# generate only has the single one.
STARTER_LAYOUTS = [
    layout
    for layout in LAYOUTS
    if layout == "single" or "layout" in inspect.signature(generate).parameters
]


@pytest.mark.terraform
@pytest.mark.parametrize("layout", STARTER_LAYOUTS)
def test_the_starter_spec_generates_terraform_that_validates(
    repo: Path, terraform: Any, layout: str
) -> None:
    assert lint_spec(repo / SPEC) == []
    options = {} if layout == "single" else {"layout": layout}
    result = generate(repo / SPEC, out=repo / "out", **options)
    roots = getattr(result, "roots", (".",))
    if layout == "single":
        assert roots == (".",)
    else:
        assert {"ap-south-1", "ap-southeast-1"} <= set(roots)
    for root in roots:
        terraform.run(result.root / root, "init", "-backend=false", "-input=false")
        terraform.run(result.root / root, "validate")
    terraform.run(result.root, "fmt", "-check", "-recursive")


# --- pre-commit ---------------------------------------------------------------------------


def test_the_pre_commit_config_uses_this_repositorys_hooks(repo: Path) -> None:
    from regionform import HOMEPAGE, __version__

    manifest = {
        hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    }
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text())
    (entry,) = config["repos"]
    assert entry["repo"] == HOMEPAGE and entry["rev"] == f"v{__version__}"
    for hook in entry["hooks"]:
        assert hook["id"] in manifest
        assert re.search(hook["files"], SPEC)
        assert not re.search(hook["files"], WORKFLOW)
        command = shlex.split(manifest[hook["id"]]["entry"]) + hook.get("args", []) + [SPEC]
        assert_parses(command)


def test_the_hook_manifest_runs_regionform_commands_in_a_python_environment() -> None:
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"] for hook in manifest} == {"regionform-lint", "regionform-check"}
    for hook in manifest:
        assert hook["language"] == "python"  # pre-commit installs regionform from the repo
        assert_parses([*shlex.split(hook["entry"]), SPEC, "other/specs/staging.yaml"])
        assert re.search(hook["files"], "specs/production.yaml")
        assert re.search(hook["files"], "infra/specs/staging.yml")
        assert not re.search(hook["files"], ".github/workflows/ci.yml")


# --- the workflow -------------------------------------------------------------------------


def test_the_workflow_is_valid_for_github(repo: Path) -> None:
    here = Path(sys.executable).parent / "check-jsonschema"
    command = str(here) if here.exists() else shutil.which("check-jsonschema")
    assert command, "check-jsonschema comes with the dev extra"
    result = subprocess.run(
        [command, "--builtin-schema", "vendor.github-workflows", str(repo / WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_runs_on_pull_requests_main_and_by_hand(workflow: dict[str, Any]) -> None:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow[True]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["workflow_dispatch"]["inputs"]["allow_destroy"]["type"] == "string"


def test_permissions_are_least_privilege_per_job(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {}
    granted = {name: job["permissions"] for name, job in workflow["jobs"].items()}
    assert {name for name, p in granted.items() if p.get("id-token") == "write"} == {
        "plan",
        "apply",
    }
    assert {name for name, p in granted.items() if p.get("pull-requests") == "write"} == {"comment"}
    for permissions in granted.values():
        assert set(permissions) <= {"contents", "id-token", "pull-requests", "security-events"}
        assert permissions.get("contents", "read") == "read"


def test_aws_access_is_oidc_role_assumption_never_keys(
    repo: Path, workflow: dict[str, Any]
) -> None:
    text = (repo / WORKFLOW).read_text()
    assert "secrets." not in text
    assert "aws-access-key-id" not in text and "aws-secret-access-key" not in text
    assert "AWS_ACCESS_KEY_ID" not in text and "AWS_SECRET_ACCESS_KEY" not in text
    aws = [s for s in steps(workflow) if s.get("uses", "").startswith("aws-actions/")]
    assert len(aws) == 2
    for step in aws:
        assert re.fullmatch(
            r"\$\{\{ vars\.AWS_(PLAN|APPLY)_ROLE_ARN \}\}", step["with"]["role-to-assume"]
        )


def test_no_step_prints_secrets_or_interpolates_expressions_into_scripts(
    workflow: dict[str, Any],
) -> None:
    for script in runs(workflow):
        # Values reach scripts through env: no script injection, nothing expanded into logs.
        assert "${{" not in script
        assert "set -x" not in script and "printenv" not in script
        assert "GH_TOKEN" not in script and "ACTIONS_ID_TOKEN" not in script
        assert not re.search(r"\bterraform\b.*\bshow\b", script)
        assert "TF_LOG" not in script


def test_actions_are_pinned_to_exact_versions(workflow: dict[str, Any]) -> None:
    used = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert used
    for action in used:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})", action), action


def test_terraform_runs_without_the_wrapper(workflow: dict[str, Any]) -> None:
    setups = [
        s for s in steps(workflow) if s.get("uses", "").startswith("hashicorp/setup-terraform@")
    ]
    assert len(setups) == 3
    assert all(s["with"]["terraform_wrapper"] is False for s in setups)


def test_pull_requests_lint_check_generated_output_and_formatting(
    workflow: dict[str, Any],
) -> None:
    lint = " ".join(runs(workflow, "lint"))
    assert 'regionform lint --format github "$SPEC"' in lint
    assert "--format sarif" in lint
    uploads = [s for s in steps(workflow, "lint") if "upload-sarif" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["sarif_file"] == "regionform.sarif"
    generated = " ".join(runs(workflow, "generated"))
    assert re.search(r"regionform generate .*--check", generated)
    assert 'terraform fmt -check -recursive "$OUT"' in generated


def test_each_root_is_validated_and_planned_in_a_matrix(workflow: dict[str, Any]) -> None:
    plan = workflow["jobs"]["plan"]
    assert plan["if"] == (
        "github.event_name == 'pull_request' && needs.roots.outputs.roots != '[]'"
    )
    assert plan["strategy"]["matrix"]["include"] == "${{ fromJSON(needs.roots.outputs.roots) }}"
    assert "roots" in plan["needs"]
    scripts = [s for s in runs(workflow, "plan") if "terraform" in s or "regionform plan" in s]
    assert [re.search(r"terraform \S+ (\w+)", s).group(1) for s in scripts[:2]] == [  # type: ignore[union-attr]
        "init",
        "validate",
    ]
    assert re.search(
        r"regionform plan .*--root \"\$ROOT\" --no-generate --summary-json", scripts[2]
    )
    (upload,) = [s for s in steps(workflow, "plan") if "upload-artifact" in s.get("uses", "")]
    assert upload["if"] == "always()"
    assert "regionform.tfplan" in upload["with"]["path"]
    assert upload["with"]["retention-days"] <= 7


def test_one_pull_request_comment_is_created_or_updated(workflow: dict[str, Any]) -> None:
    comment = workflow["jobs"]["comment"]
    assert comment["needs"] == ["plan"]
    scripts = runs(workflow, "comment")
    assert 'regionform summarize plans/summary-*.json --format markdown --map "$SPEC"' in scripts[1]
    marker = "<!-- regionform-plan -->"
    assert f'echo "{marker}"' in scripts[1]
    assert f'startswith("{marker}")' in scripts[2]
    assert "--method PATCH" in scripts[2] and "--method POST" in scripts[2]


def test_main_applies_each_root_in_order_behind_a_protected_environment(
    workflow: dict[str, Any],
) -> None:
    apply = workflow["jobs"]["apply"]
    assert apply["environment"] == "production"
    assert apply["if"].startswith(
        "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    )
    # One group for every run of the workflow: two applies queue, never overlap or cancel.
    assert apply["concurrency"] == {
        "group": "regionform-apply-production",
        "cancel-in-progress": False,
    }
    assert apply["env"]["ROOTS"] == "${{ needs.roots.outputs.roots }}"
    assert apply["env"]["ALLOW_DESTROY"] == "${{ inputs.allow_destroy }}"
    (script,) = [s for s in runs(workflow, "apply") if "terraform" in s]
    assert "set -euo pipefail" in script
    plan_at = script.index("regionform plan")
    apply_at = script.index("apply -input=false -no-color regionform.tfplan")
    assert script.index('for entry in "${roots[@]}"') < plan_at < apply_at
    assert '--allow-destroy "$address"' in script and '"${allow[@]}"' in script


def test_pull_requests_plan_only_the_roots_the_change_affects(workflow: dict[str, Any]) -> None:
    roots = workflow["jobs"]["roots"]
    checkout = steps(workflow, "roots")[0]
    assert checkout["with"]["fetch-depth"] == 0  # the base commit must be there to compare
    (script,) = [s for s in runs(workflow, "roots") if "regionform roots" in s]
    assert 'pull_request) since=(--changed-since "$BASE")' in script
    assert 'push) since=(--changed-since "$BEFORE")' in script
    assert '--format json "${since[@]}" > roots.json' in script
    # A base commit missing from the clone (a force push, a new branch) plans every root.
    assert '! git cat-file -e "${since[1]}^{commit}"' in script
    (step,) = [s for s in steps(workflow, "roots") if s.get("id") == "roots"]
    assert step["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert step["env"]["BEFORE"] == "${{ github.event.before }}"
    assert roots["outputs"]["roots"] == "${{ steps.roots.outputs.roots }}"
    # Both consumers skip an empty list: Actions refuses a matrix with nothing in it.
    for job in ("plan", "apply"):
        assert "needs.roots.outputs.roots != '[]'" in workflow["jobs"][job]["if"]


def test_running_by_hand_plans_every_root(workflow: dict[str, Any]) -> None:
    dispatch = workflow[True]["workflow_dispatch"]["inputs"]["all_roots"]
    assert (dispatch["type"], dispatch["default"]) == ("boolean", True)
    (script,) = [s for s in runs(workflow, "roots") if "regionform roots" in s]
    assert "else since=(); fi" in script


def test_providers_come_from_the_lock_files_and_a_cache_keyed_on_them(
    workflow: dict[str, Any],
) -> None:
    assert workflow["env"]["TF_CLI_ARGS_init"] == "-lockfile=readonly"
    for job in ("plan", "apply"):
        env = workflow["jobs"][job]["env"]
        assert env["TF_PLUGIN_CACHE_DIR"].endswith("/.terraform-plugin-cache")
        (cache,) = [s for s in steps(workflow, job) if "actions/cache" in s.get("uses", "")]
        assert cache["with"]["path"] == "${{ env.TF_PLUGIN_CACHE_DIR }}"
        assert "hashFiles('**/.terraform.lock.hcl')" in cache["with"]["key"]
    (init,) = [s for s in runs(workflow, "plan") if " init " in s]
    assert "-lockfile=readonly" in init


# The apply loop's `allow` array, as it expands for one `allow_destroy` address; the roots
# job's `since` array, as it expands on a pull request.
ARRAYS = {
    "${allow[@]}": ["--allow-destroy", "module.rds_ap_south_1.aws_db_instance.this"],
    "${since[@]}": ["--changed-since", "0123abc"],
}


def test_every_regionform_command_in_the_workflow_parses(
    repo: Path, workflow: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = [command for script in runs(workflow) for command in regionform_commands(script)]
    assert sorted({c[1] for c in commands}) == ["generate", "lint", "plan", "roots", "summarize"]
    # The workflow's own values ($SPEC, $LAYOUT …); per-job ones ($ROOT) stay as written.
    values = {name: str(value) for name, value in workflow["env"].items()}
    monkeypatch.chdir(repo)  # where $SPEC exists, as in the workflow's checkout
    for command in commands:
        words = [w for word in command for w in ARRAYS.get(word, [expand(word, values)])]
        for glob in [word for word in words if "*" in word]:
            # A file named like the pattern stands for what the shell would match.
            Path(glob).parent.mkdir(parents=True, exist_ok=True)
            Path(glob).write_text("[]")
        assert_parses(words)


# --- helpers ------------------------------------------------------------------------------

_SHELL_OPERATORS = {">", ">>", "|", "||", "&&", ";", "(", ")", "<", "<<<"}


def regionform_commands(script: str) -> list[list[str]]:
    """Each `regionform <command> …` in a shell script, as its words (up to an operator)."""
    found = []
    pending = ""
    for line in script.replace("\\\n", " ").splitlines():
        pending += line + "\n"
        lexer = shlex.shlex(pending, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        try:
            words = list(lexer)
        except ValueError:  # a quotation spans lines: read on
            continue
        pending = ""
        for at, word in enumerate(words):
            if word == "regionform" and at + 1 < len(words):
                command = [word]
                for following in words[at + 1 :]:
                    if following in _SHELL_OPERATORS:
                        break
                    command.append(following)
                found.append(command)
    return found


def expand(word: str, values: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: values.get(m.group(1), m.group(0)), word)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """The CLI's subcommand parsers by name."""
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def assert_parses(command: list[str]) -> None:
    """The words parse as that command: by the CLI's parser, or by the contract for the rest."""
    assert command[0] == "regionform", command
    name, args = command[1], command[2:]
    commands = subcommands()
    pending = dict(CONTRACT.get(name, {}))
    if name in commands:
        known = {o for action in commands[name]._actions for o in action.option_strings}
        pending = {option: values for option, values in pending.items() if option not in known}
    rest = []
    words = iter(args)
    for word in words:
        option = word.split("=", 1)[0]
        if option in pending:
            values = pending[option]
            if values is FLAG:
                continue
            value = word.split("=", 1)[1] if "=" in word else next(words)
            assert not values or value in values or value.startswith("$"), (command, value)
        else:
            rest.append(word)
    if name in commands:
        commands[name].parse_args(list(rest))  # exits (fails the test) when they do not parse
    else:
        assert name in CONTRACT, f"regionform {name} is neither in the CLI nor in the contract"
        assert not [w for w in rest if w.startswith("-")], command
