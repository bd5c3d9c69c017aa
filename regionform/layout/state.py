"""Each root's own state: the backend block and the settings other roots read it with.

Rule: the root's folder name goes in front of the state file's name. An S3 key
`bizflow/production/terraform.tfstate` becomes `bizflow/production/ap-south-1/terraform.tfstate`;
a local path stays relative to the environment folder, as in the single layout, so
`terraform.tfstate` becomes `../ap-south-1/terraform.tfstate` (seen from any root's folder,
since all roots are siblings): each root's state file sits in its own folder.
"""

from __future__ import annotations

import posixpath
from typing import Any

from regionform.spec.model import StateBackend


def _per_root(path: str, root: str) -> str:
    folder, name = posixpath.split(path)
    return posixpath.join(folder, root, name)


def backend_config(state: StateBackend, root: str) -> tuple[str, dict[str, Any]]:
    """(backend type, settings) for `root`'s state."""
    if state.kind == "s3":
        assert state.key is not None, "the model defaults the key"
        return "s3", {
            "bucket": state.bucket,
            "key": _per_root(state.key, root),
            "region": state.region,
            "encrypt": True,
            # S3-native locking (Terraform >= 1.10); no DynamoDB table needed.
            "use_lockfile": True,
        }
    assert state.path is not None, "the model defaults the path"
    path = state.path if posixpath.isabs(state.path) else posixpath.join("..", state.path)
    return "local", {"path": _per_root(path, root)}


def backend_block(state: StateBackend, root: str) -> dict[str, Any]:
    kind, config = backend_config(state, root)
    return {"terraform": {"backend": {kind: config}}}


def state_region(state: StateBackend) -> str | None:
    """The region whose provider looks for S3 state objects (None: local state)."""
    return state.region if state.kind == "s3" else None


def state_lookup(state: StateBackend, root: str, provider: str) -> dict[str, Any] | None:
    """An `aws_s3_objects` body listing `root`'s state object, or None for local state."""
    kind, config = backend_config(state, root)
    if kind != "s3":
        return None
    return {
        "provider": provider,
        "bucket": config["bucket"],
        "prefix": config["key"],
        "max_keys": 1,
    }


def remote_state(state: StateBackend, root: str, lookup: str | None) -> dict[str, Any]:
    """A `terraform_remote_state` body reading `root`'s state once it exists.

    `terraform_remote_state` fails when the state does not exist yet, even with `defaults`
    (hashicorp/terraform#22211), and a root must plan before its upstream roots are ever
    applied. So the data source has `count = 0` until the state exists: for S3, as listed
    by the `aws_s3_objects` data source named `lookup`; for a local file, by `fileexists`.
    """
    kind, config = backend_config(state, root)
    if kind == "s3":
        # Reading needs no lock.
        config = {k: v for k, v in config.items() if k != "use_lockfile"}
        exists = f'contains(data.aws_s3_objects.{lookup}.keys, "{config["key"]}")'
    else:
        exists = f'fileexists("{config["path"]}")'
    return {"count": "${" + exists + " ? 1 : 0}", "backend": kind, "config": config}
