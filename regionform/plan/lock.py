"""`regionform lock`: a `.terraform.lock.hcl` in every root, for every platform the team runs.

Terraform records the provider builds a root uses in its dependency lock file. Committed,
it makes every init install exactly those builds (CI runs init with `-lockfile=readonly`),
so a plan and its apply use the same provider and a plugin cache keyed on the lock files is
valid. `terraform providers lock` writes the checksums of each platform asked for, so a lock
written on a Mac also holds the Linux CI runner's checksums.

The lock files are the user's: regionform writes them only through Terraform, here, and the
writer never lists them in its manifest, so `generate` neither rewrites nor removes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from regionform.findings import UsageError
from regionform.pipeline import generate as generate_roots
from regionform.pipeline import load_spec
from regionform.plan.diagnostics import describe
from regionform.plan.run import root_name
from regionform.plan.runner import Runner, Target, Timeouts, find_terraform, terraform_env

LOCK_FILE = ".terraform.lock.hcl"
# Where teams run Terraform: CI on Linux, laptops on Apple silicon.
DEFAULT_PLATFORMS = ("linux_amd64", "darwin_arm64")


@dataclass(frozen=True)
class Locked:
    target: Target
    error: str | None = None  # terraform's diagnostics when locking this root failed


def lock_arguments(
    platforms: Sequence[str], fs_mirror: str | None = None, net_mirror: str | None = None
) -> list[str]:
    """`terraform providers lock` arguments for these platforms and provider sources."""
    if not platforms:
        raise UsageError("name at least one --platform (e.g. linux_amd64)")
    arguments = ["providers", "lock", "-no-color", *(f"-platform={p}" for p in platforms)]
    if fs_mirror is not None:
        arguments.append(f"-fs-mirror={fs_mirror}")
    if net_mirror is not None:
        arguments.append(f"-net-mirror={net_mirror}")
    return arguments


def lock_root(runner: Runner, target: Target, arguments: Sequence[str]) -> Locked:
    """Install the root's modules (no backend, no state), then lock its providers."""
    # `providers lock` reads the module tree, which exists only after an init.
    init = ["init", "-backend=false", "-input=false", "-no-color", "-json"]
    for step in (init, list(arguments)):
        try:
            code, out, err = runner.run(target.path, step, runner.timeouts.init)
        except (TimeoutError, InterruptedError, OSError) as error:
            return Locked(target, f"  {error}")
        if code != 0:
            return Locked(target, f"terraform {step[0]} failed:\n{describe(out, err)}")
    return Locked(target)


def lock_roots(
    spec: str | Path,
    out: str | Path = "out",
    output_format: str = "hcl",
    layout: str = "single",
    platforms: Sequence[str] = DEFAULT_PLATFORMS,
    fs_mirror: str | None = None,
    net_mirror: str | None = None,
    generate: bool = True,
    env: Mapping[str, str] | None = None,
    timeouts: Timeouts | None = None,
) -> list[Locked]:
    """Generate (unless `generate=False`), then lock every root's providers, in apply order."""
    arguments = lock_arguments(platforms, fs_mirror, net_mirror)
    model = load_spec(spec)
    executable = find_terraform()
    generated = generate_roots(
        model, out=out, output_format=output_format, check=not generate, layout=layout
    )
    if not generated.root.is_dir():
        raise UsageError(
            f"{generated.root} does not exist: generate it first, or drop --no-generate"
        )
    runner = Runner(executable, terraform_env(env), timeouts)
    targets = [
        Target(root_name(rel, model.environment), generated.root / rel) for rel in generated.roots
    ]
    return [lock_root(runner, target, arguments) for target in targets]
