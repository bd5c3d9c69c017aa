"""`atlantis.yaml` (repo config version 3) for the roots a spec generates.

One Atlantis project per root. Atlantis plans a project when a file its `when_modified`
patterns match changes, so each project lists its own files, the bundled modules it calls
and the spec. Apply order comes from the roots' reads twice over: `execution_order_group`
(a root's group is one past the deepest root it reads, so independent roots plan and apply
in parallel) and `depends_on` (Atlantis refuses to apply a root before the roots it reads).
Roots that read each other form a cycle no order satisfies; only the reads the apply order
honours become `depends_on`, so the projects never wait on each other forever.

Every project runs the `regionform` workflow, whose plan step is `regionform plan --root
… --no-generate`: the destroy guard (stateful deletes refused) holds under Atlantis too. Its
saved plan is handed to Atlantis's own apply step through `$PLANFILE`.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from regionform.layout import Layout, Root

WORKFLOW = "regionform"
CONFIG_FILE = "atlantis.yaml"


def _posix_relative(path: str, start: str) -> str:
    return PurePosixPath(os.path.relpath(path, start)).as_posix()


def _bundled_modules(root: Root) -> list[str]:
    used = set()
    for body in root.document.values():
        for call in (body.get("module") or {}).values():
            source = str(call.get("source", ""))
            for prefix in ("./modules/", "../modules/"):
                if source.startswith(prefix):
                    used.add(source.removeprefix(prefix).split("/", 1)[0])
    return sorted(used)


def order_groups(layout: Layout) -> dict[str, int]:
    """Each root's execution_order_group: 0 for roots reading none, else one past the deepest
    root it reads that the apply order puts before it."""
    groups: dict[str, int] = {}
    for root in layout.roots:
        earlier = [groups[name] for name in root.reads if name in groups]
        groups[root.name] = 1 + max(earlier) if earlier else 0
    return groups


def depends_on(layout: Layout) -> dict[str, list[str]]:
    """The roots each root must wait for: those it reads that come before it in apply order."""
    seen: set[str] = set()
    result = {}
    for root in layout.roots:
        result[root.name] = [name for name in root.reads if name in seen]
        seen.add(root.name)
    return result


def repo_config(
    layout: Layout, spec: str, out: str, output_format: str = "hcl", layout_name: str = "single"
) -> dict[str, Any]:
    """The atlantis.yaml content; `spec` and `out` are paths relative to the repository root."""
    groups, waits = order_groups(layout), depends_on(layout)
    environment = PurePosixPath(out, layout.environment)
    suffixes = ["*.tf", "*.tf.json"] if output_format == "json" else ["*.tf"]
    projects = []
    for root in layout.roots:
        directory = (environment / root.folder).as_posix()
        modules = environment / "modules"
        watched = [*suffixes, ".terraform.lock.hcl"]
        watched += [
            f"{_posix_relative(str(modules / m), directory)}/*.tf" for m in _bundled_modules(root)
        ]
        watched.append(_posix_relative(spec, directory))
        project: dict[str, Any] = {
            "name": root.name,
            "dir": directory,
            "workspace": "default",
            "autoplan": {"enabled": True, "when_modified": watched},
            "execution_order_group": groups[root.name],
            "workflow": WORKFLOW,
        }
        if waits[root.name]:
            project["depends_on"] = waits[root.name]
        projects.append(project)
    plan = " ".join(
        [
            "regionform plan",
            shlex.quote(spec),
            "--out",
            shlex.quote(out),
            "--format",
            output_format,
            "--layout",
            layout_name,
            '--root "$PROJECT_NAME" --no-generate',
        ]
    )
    # Run steps start in the project's folder; regionform reads the spec and OUT from the
    # repository root, and leaves the saved plan in the root's folder.
    to_root = 'cd "${DIR%/"$REPO_REL_DIR"}"'
    hand_over = 'mv "$REPO_REL_DIR/regionform.tfplan" "$PLANFILE"'
    return {
        "version": 3,
        "automerge": False,
        "parallel_plan": True,
        "parallel_apply": True,
        "abort_on_execution_order_fail": True,
        "projects": projects,
        "workflows": {
            WORKFLOW: {
                "plan": {"steps": [{"run": f"{to_root} && {plan} && {hand_over}"}]},
                "apply": {"steps": ["apply"]},
            }
        },
    }


def render_config(config: Mapping[str, Any]) -> str:
    import yaml

    header = (
        "# Written by `regionform atlantis`; regenerate it when the spec's roots change.\n"
        "# The server must allow this repo its own workflow (allowed_overrides: [workflow]\n"
        "# and allow_custom_workflows: true in the server-side repos.yaml).\n"
    )
    body = yaml.safe_dump(dict(config), sort_keys=False, default_flow_style=False, width=4096)
    return header + body
