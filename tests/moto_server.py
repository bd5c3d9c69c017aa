"""A local AWS API for `terraform plan` and `apply`: moto's server on 127.0.0.1.

The generated roots never know about it. Tests drop an override file into a root
(`regionform_moto_override.tf.json`, Terraform merges `*_override.tf.json` over the
configuration) that points every aliased `aws` provider at the server, uses fake
credentials, and keeps state in a local file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from regionform.plan.runner import Target

OVERRIDE_FILE = "regionform_moto_override.tf.json"
START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0

# Every service a regionform module calls (provider 5.100 endpoint names), plus a few an
# app adds next to them (sqs, sns). Anything not listed would go to real AWS: never.
SERVICES = (
    "acm",
    "appautoscaling",
    "backup",
    "budgets",
    "ce",
    "cloudfront",
    "cloudtrail",
    "cloudwatch",
    "configservice",
    "dynamodb",
    "ec2",
    "ecs",
    "eks",
    "elasticache",
    "elbv2",
    "events",
    "guardduty",
    "iam",
    "kms",
    "logs",
    "rds",
    "route53",
    "s3",
    "secretsmanager",
    "securityhub",
    "sns",
    "sqs",
    "ssm",
    "sts",
    "wafv2",
)

_ALIAS_HCL = re.compile(r'^\s*alias\s*=\s*"([A-Za-z0-9_]+)"', re.MULTILINE)
_REMOTE_STATE_HCL = re.compile(
    r'^data\s+"terraform_remote_state"\s+"([A-Za-z0-9_-]+)"', re.MULTILINE
)
_STATE_BUCKET_HCL = re.compile(
    r'^data\s+"aws_s3_objects"\s+"[A-Za-z0-9_-]+"\s*\{[^}]*?^\s*bucket\s*=\s*"([^"]+)"',
    re.MULTILINE | re.DOTALL,
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MotoServer:
    """moto_server in a child process, bound to loopback only."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or _free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        executable = shutil.which("moto_server") or str(Path(sys.executable).parent / "moto_server")
        self._process = subprocess.Popen(
            [executable, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # The rds module attaches the AWS-managed AmazonRDSEnhancedMonitoringRole policy;
            # moto only knows AWS-managed policies when asked to load them.
            # ACM issues a DNS-validated certificate at once instead of after 60 s, so an apply
            # does not wait a minute on each aws_acm_certificate_validation.
            env={
                **os.environ,
                "MOTO_IAM_LOAD_MANAGED_POLICIES": "true",
                "MOTO_ACM_VALIDATION_WAIT": "0",
            },
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"moto_server exited with {self._process.returncode}")
            with (
                contextlib.suppress(OSError, urllib.error.URLError),
                urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=2),
            ):
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"moto_server did not answer on {self.endpoint} within 30 s")

    def reset(self) -> None:
        """Forget every resource: each test starts from an empty account."""
        request = urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST")
        # A loaded machine can take a while to answer while moto drops a large estate.
        with urllib.request.urlopen(request, timeout=60):
            pass

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_SECONDS)


@contextlib.contextmanager
def moto_server() -> Iterator[MotoServer]:
    server = MotoServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def provider_aliases(root: Path) -> list[str]:
    """The aliases of the root's `aws` provider configurations (HCL or JSON)."""
    aliases: set[str] = set()
    for path in root.glob("*.tf"):
        aliases.update(_ALIAS_HCL.findall(path.read_text("utf-8")))
    for path in root.glob("*.tf.json"):
        if path.name == OVERRIDE_FILE:
            continue
        body = json.loads(path.read_text("utf-8"))
        configs = body.get("provider", {}).get("aws", [])
        for config in configs if isinstance(configs, list) else [configs]:
            if "alias" in config:
                aliases.add(config["alias"])
    return sorted(aliases)


def remote_states(root: Path) -> list[str]:
    """Names of the root's `terraform_remote_state` data sources (HCL or JSON)."""
    names: set[str] = set()
    for path in root.glob("*.tf"):
        names.update(_REMOTE_STATE_HCL.findall(path.read_text("utf-8")))
    for path in root.glob("*.tf.json"):
        if path.name == OVERRIDE_FILE:
            continue
        body = json.loads(path.read_text("utf-8"))
        names.update(body.get("data", {}).get("terraform_remote_state", {}))
    return sorted(names)


def state_buckets(root: Path) -> list[str]:
    """Buckets the root's `aws_s3_objects` data sources list (where upstream states live)."""
    buckets: set[str] = set()
    for path in root.glob("*.tf"):
        buckets.update(_STATE_BUCKET_HCL.findall(path.read_text("utf-8")))
    for path in root.glob("*.tf.json"):
        if path.name == OVERRIDE_FILE:
            continue
        body = json.loads(path.read_text("utf-8"))
        for lookup in body.get("data", {}).get("aws_s3_objects", {}).values():
            buckets.add(lookup["bucket"])
    return sorted(buckets)


def provider_override(alias: str, endpoint: str) -> dict[str, object]:
    return {
        "alias": alias,
        "access_key": "moto",
        "secret_key": "moto",
        "skip_credentials_validation": True,
        "skip_metadata_api_check": True,
        "skip_region_validation": True,
        "skip_requesting_account_id": True,
        "s3_use_path_style": True,
        "endpoints": [{service: endpoint for service in SERVICES}],
    }


def write_moto_override(
    root: Path,
    endpoint: str,
    state_file: Path,
    remote_state_files: dict[str, Path] | None = None,
) -> Path:
    """Point the root at moto and keep its state in `state_file`.

    `remote_state_files` maps a `terraform_remote_state` name to the local state file of the
    root it reads (per-region layout); each is overridden to the local backend.
    """
    body: dict[str, object] = {
        "terraform": [{"backend": {"local": {"path": str(state_file)}}}],
        "provider": {"aws": [provider_override(a, endpoint) for a in provider_aliases(root)]},
    }
    names = remote_states(root)
    if names:
        files = remote_state_files or {}
        missing = [name for name in names if name not in files]
        if missing:
            raise ValueError(f"{root}: no local state file given for remote state {missing}")
        body["data"] = {
            "terraform_remote_state": {
                name: {
                    # The root reads an upstream state only once it holds outputs (per-region
                    # layout). Not `fileexists`: while the upstream root plans, Terraform's
                    # local backend keeps an empty state file there to lock it, and reading
                    # that fails ("No stored state was found") when roots plan in parallel.
                    "count": (
                        f'${{try(length(jsondecode(file("{files[name]}")).outputs), 0) > 0'
                        " ? 1 : 0}"
                    ),
                    "backend": "local",
                    "config": {"path": str(files[name])},
                }
                for name in names
            }
        }
        # The root looks its upstream state objects up in the S3 state bucket; the bucket
        # exists wherever the root runs (its own backend uses it), so create it here.
        for bucket in state_buckets(root):
            request = urllib.request.Request(f"{endpoint}/{bucket}", method="PUT")
            with contextlib.suppress(urllib.error.HTTPError), urllib.request.urlopen(request):
                pass
    path = root / OVERRIDE_FILE
    path.write_text(json.dumps(body, indent=2) + "\n", "utf-8")
    return path


def point_at(server: MotoServer) -> Callable[[Target], None]:
    """The prepare hook: this root talks to moto and keeps local state next to it."""

    def prepare(target: Target) -> None:
        # Per-region roots read their neighbours' state: `<alias>` → `<root>/terraform.tfstate`.
        neighbours = {
            d.name.replace("-", "_"): d / "terraform.tfstate"
            for d in target.path.parent.iterdir()
            if d.is_dir()
        }
        write_moto_override(
            target.path, server.endpoint, target.path / "terraform.tfstate", neighbours
        )

    return prepare
