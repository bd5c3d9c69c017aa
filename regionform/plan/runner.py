"""Running Terraform on generated roots: init, plan, show, with every wait bounded.

It runs the `terraform` on PATH with the caller's environment (credentials, CLI config,
plugin cache are the user's business). Each subprocess gets its own process group so a
timeout or Ctrl-C also stops the provider plugins terraform started.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regionform.findings import UsageError
from regionform.plan.diagnostics import describe

PLAN_FILE = "regionform.tfplan"


@dataclass(frozen=True)
class Timeouts:
    """Seconds each step may take; `lock` is terraform's own `-lock-timeout` for state locks."""

    init: float = 600.0
    plan: float = 3600.0
    show: float = 600.0
    lock: str = "60s"


@dataclass(frozen=True)
class Target:
    """One root to plan: `name` as `regionform roots` prints it, `path` its folder."""

    name: str
    path: Path


@dataclass(frozen=True)
class PlannedRoot:
    target: Target
    plan: dict[str, Any]  # `terraform show -json` of the saved plan
    changes: bool  # `plan -detailed-exitcode` said 2
    seconds: float


@dataclass(frozen=True)
class RootFailure:
    target: Target
    step: str  # init, plan, show
    detail: str  # terraform's error diagnostics in full, or what went wrong running it

    @property
    def message(self) -> str:
        return f"terraform {self.step} failed in {self.target.path}:\n{self.detail}"


class TerraformMissing(UsageError):
    pass


# Events reported while working: (root name, event, detail).
EventSink = Callable[[str, str, str], None]


def find_terraform() -> str:
    executable = shutil.which("terraform")
    if executable is None:
        raise TerraformMissing(
            "terraform is not on PATH; install Terraform >= 1.10 "
            "(https://developer.hashicorp.com/terraform/install) and try again"
        )
    return executable


def terraform_env(env: Mapping[str, str] | None) -> dict[str, str]:
    """The caller's environment, with terraform told it runs unattended."""
    result = dict(os.environ if env is None else env)
    result.setdefault("TF_IN_AUTOMATION", "1")
    result.setdefault("TF_INPUT", "0")
    return result


class Runner:
    """Runs terraform steps for many roots; `cancel()` stops every running step."""

    def __init__(
        self,
        executable: str,
        env: Mapping[str, str],
        timeouts: Timeouts | None = None,
        on_event: EventSink | None = None,
    ) -> None:
        self.executable = executable
        self.env = dict(env)
        self.timeouts = timeouts or Timeouts()
        self.on_event = on_event or (lambda root, event, detail: None)
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[str]] = set()
        self._cancelled = threading.Event()
        # Terraform's plugin cache is not safe for concurrent writers: init one root at a
        # time (seconds each once the cache is warm); the slow plans run in parallel.
        self._init_lock = threading.Lock()

    def _run(self, cwd: Path, args: Sequence[str], timeout: float) -> tuple[int, str, str]:
        if self._cancelled.is_set():
            raise InterruptedError("cancelled")
        process = subprocess.Popen(
            [self.executable, *args],
            cwd=cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        with self._lock:
            self._running.add(process)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise TimeoutError(f"terraform {args[0]} took longer than {timeout:.0f} s") from None
        finally:
            with self._lock:
                self._running.discard(process)
        if self._cancelled.is_set():
            raise InterruptedError("cancelled")
        return process.returncode, stdout, stderr

    def run(self, cwd: Path, args: Sequence[str], timeout: float) -> tuple[int, str, str]:
        """One terraform command in `cwd`, bounded by `timeout` and stopped by `cancel()`."""
        return self._run(cwd, args, timeout)

    def cancel(self, grace: float = 20.0) -> None:
        """Stop every running step: SIGTERM (terraform releases its state lock), then KILL."""
        self._cancelled.set()
        deadline = time.monotonic() + grace
        sent: set[int] = set()
        while True:
            with self._lock:
                running = list(self._running)
            if not running:
                return
            late = time.monotonic() > deadline
            for process in running:
                if late or process.pid not in sent:
                    _signal(process, signal.SIGKILL if late else signal.SIGTERM)
                    sent.add(process.pid)
            if late:
                return
            time.sleep(0.2)

    def plan(self, target: Target) -> PlannedRoot | RootFailure:
        started = time.monotonic()
        step = "init"
        try:
            # A plan file left by an earlier run must never outlive a failed plan.
            (target.path / PLAN_FILE).unlink(missing_ok=True)
            with self._init_lock:
                self.on_event(target.name, "init", "")
                code, out, err = self._run(
                    target.path, ["init", "-input=false", "-no-color", "-json"], self.timeouts.init
                )
            if code != 0:
                return self._failed(RootFailure(target, step, describe(out, err)))
            step = "plan"
            self.on_event(target.name, "plan", "")
            plan_args = [
                "plan",
                "-input=false",
                "-no-color",
                "-detailed-exitcode",
                # Diagnostics as data: summary, location and detail apart from the snippet.
                "-json",
                f"-lock-timeout={self.timeouts.lock}",
                f"-out={PLAN_FILE}",
            ]
            code, out, err = self._run(target.path, plan_args, self.timeouts.plan)
            if code not in (0, 2):
                return self._failed(RootFailure(target, step, describe(out, err)))
            changes = code == 2
            step = "show"
            code, out, err = self._run(
                target.path, ["show", "-json", "-no-color", PLAN_FILE], self.timeouts.show
            )
            if code != 0:
                return self._failed(RootFailure(target, step, describe(out, err)))
            plan = json.loads(out)
        except (TimeoutError, InterruptedError, OSError, ValueError) as error:
            return self._failed(RootFailure(target, step, f"  {error}"))
        seconds = time.monotonic() - started
        verdict = "changes" if changes else "no changes"
        self.on_event(target.name, "planned", f"{verdict} ({seconds:.0f}s)")
        return PlannedRoot(target, plan, changes, seconds)

    def _failed(self, failure: RootFailure) -> RootFailure:
        self.on_event(failure.target.name, "failed", f"terraform {failure.step}")
        return failure


def _signal(process: subprocess.Popen[str], signum: int) -> None:
    """Signal terraform and the provider plugins it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)


def _kill(process: subprocess.Popen[str]) -> None:
    """Stop a step that ran out of time; called from the thread that waits on it."""
    _signal(process, signal.SIGTERM)
    try:
        process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        _signal(process, signal.SIGKILL)
        process.communicate(timeout=10)


def plan_all(
    runner: Runner, targets: Sequence[Target], parallel: int
) -> list[PlannedRoot | RootFailure]:
    """Plan every target, `parallel` at a time; results in the targets' order."""
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        futures = [pool.submit(runner.plan, target) for target in targets]
        try:
            return [future.result() for future in futures]
        except BaseException:
            # Ctrl-C: stop terraform everywhere instead of waiting for every plan to end.
            runner.cancel()
            for future in futures:
                future.cancel()
            raise
