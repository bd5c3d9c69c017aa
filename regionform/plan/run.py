"""`regionform plan`: generate, plan every root with Terraform, summarise, guard state.

Exit status (like `terraform plan -detailed-exitcode`): 0 success; 2 changes present, when
asked for; 1 any error, or a refused plan. A plan that deletes or replaces a stateful
resource is refused unless each such address is allowed; the refused root's saved plan file
is deleted so nobody applies it by accident.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from regionform.findings import UsageError
from regionform.pipeline import generate as generate_roots
from regionform.pipeline import load_spec
from regionform.plan.progress import Progress
from regionform.plan.runner import (
    PLAN_FILE,
    PlannedRoot,
    RootFailure,
    Runner,
    Target,
    Timeouts,
    find_terraform,
    plan_all,
    terraform_env,
)
from regionform.plan.summary import RootSummary, Summary, summarize_plan
from regionform.spec.aws import GLOBAL_REGION, provider_alias
from regionform.spec.model import Spec

DEFAULT_TIMEOUTS = Timeouts()


@dataclass(frozen=True)
class PlanResult:
    summary: Summary
    failures: tuple[RootFailure, ...] = ()
    # --allow-destroy addresses that matched no planned delete/replace of a stateful resource.
    unmatched_allowances: tuple[str, ...] = ()
    all_roots: bool = True  # False when --root chose some roots only
    stale: bool = False  # --no-generate, and OUT is not what the spec generates
    # Terraform's own `show -json` of each planned root's saved plan, by root name: for
    # checks of your own beyond the summary (failed roots have none).
    plans: Mapping[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def refused(self) -> bool:
        return bool(self.summary.refused)

    @property
    def unmatched_is_error(self) -> bool:
        # A typo must not silently allow nothing. With --root, an address may belong to a
        # root planned in another job (a CI matrix passes one list to every root): warn then.
        return bool(self.unmatched_allowances) and self.all_roots

    def exit_code(self, detailed_exitcode: bool = False) -> int:
        if self.failures or self.refused or self.unmatched_is_error:
            return 1
        if detailed_exitcode and self.summary.changes:
            return 2
        return 0


def root_name(relative: str, environment: str) -> str:
    """`regionform roots` names: the environment for the single layout, else the folder."""
    return environment if relative in (".", "") else relative


def alias_regions(spec: Spec) -> dict[str, str]:
    names = {region.name for region in spec.regions} | {GLOBAL_REGION}
    return {provider_alias(name): name for name in names}


def choose_roots(targets: Sequence[Target], wanted: Iterable[str]) -> list[Target]:
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        return list(targets)
    names = [t.name for t in targets]
    unknown = [name for name in wanted if name not in names]
    if unknown:
        raise UsageError(
            f"no root named {', '.join(unknown)}; the roots are: {', '.join(names)} "
            "(see `regionform roots`)"
        )
    return [t for t in targets if t.name in wanted]


def run_plan(
    spec: str | Path | Spec,
    out: str | Path = "out",
    output_format: str = "hcl",
    layout: str = "single",
    roots: Iterable[str] = (),
    parallel: int = 4,
    allow_destroy: Iterable[str] = (),
    generate: bool = True,
    env: Mapping[str, str] | None = None,
    prepare: Callable[[Target], None] | None = None,
    progress: TextIO | None = None,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
) -> PlanResult:
    """Generate (unless `generate=False`), then init, plan and summarise every root.

    `env` is terraform's environment (default: this process's). `prepare` is called for
    each root after generation and before `terraform init`: a place to drop an override
    file (the tests point providers at a local AWS API this way). `progress`, when given,
    receives a line per event.
    """
    if parallel < 1:
        raise UsageError("--parallel must be at least 1")
    model = spec if isinstance(spec, Spec) else load_spec(spec)
    executable = find_terraform()
    generated = generate_roots(
        model, out=out, output_format=output_format, check=not generate, layout=layout
    )
    base, relatives = generated.root, generated.roots
    if not generate and not base.is_dir():
        raise UsageError(f"{base} does not exist: generate it first, or drop --no-generate")
    targets = [Target(root_name(rel, model.environment), base / rel) for rel in relatives]
    chosen = choose_roots(targets, roots)
    if prepare is not None:
        for target in chosen:
            prepare(target)

    allowed = list(dict.fromkeys(allow_destroy))
    reporter = Progress(progress, len(chosen)) if progress is not None else None
    with reporter or contextlib.nullcontext():
        sink = reporter.event if reporter is not None else None
        runner = Runner(executable, terraform_env(env), timeouts, sink)
        outcomes = plan_all(runner, chosen, parallel)
    regions, aliases = generated.module_regions, alias_regions(model)
    summary = Summary(
        tuple(_summarize(o, base.parent, regions, aliases, allowed) for o in outcomes)
    )
    for root in summary.roots:
        if root.refused:
            # Whoever runs `terraform apply regionform.tfplan` next must not get this plan.
            (base.parent / root.path / PLAN_FILE).unlink(missing_ok=True)
    matched = {g.address for g in summary.guarded}
    return PlanResult(
        summary=summary,
        failures=tuple(o for o in outcomes if isinstance(o, RootFailure)),
        unmatched_allowances=tuple(a for a in allowed if a not in matched),
        all_roots=len(chosen) == len(targets),
        stale=not generated.up_to_date,
        plans={o.target.name: o.plan for o in outcomes if isinstance(o, PlannedRoot)},
    )


def _summarize(
    outcome: PlannedRoot | RootFailure,
    out: Path,
    regions: Mapping[str, str],
    aliases: Mapping[str, str],
    allowed: list[str],
) -> RootSummary:
    path = outcome.target.path.relative_to(out).as_posix()
    if isinstance(outcome, RootFailure):
        first = next((line.strip() for line in outcome.detail.splitlines() if line.strip()), "")
        error = f"terraform {outcome.step} failed" + (f": {first}" if first else "")
        return RootSummary(outcome.target.name, path, error=error)
    return summarize_plan(
        outcome.target.name,
        path,
        outcome.plan,
        changes=outcome.changes,
        module_regions=regions,
        alias_regions=aliases,
        allowed=allowed,
    )
