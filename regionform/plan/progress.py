"""Progress on stderr while roots are planned: one line per event, plus a heartbeat.

Plans take minutes; a line every `heartbeat` seconds naming the roots still running shows
the command is alive, in a terminal and in CI logs alike (no cursor tricks: plain lines read
well everywhere).
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, total: int, heartbeat: float = 30.0) -> None:
        self.stream = stream
        self.total = total
        self.heartbeat = heartbeat
        self.done = 0
        self._started = time.monotonic()
        self._running: dict[str, tuple[str, float]] = {}  # root → (step, since)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _write(self, text: str) -> None:
        elapsed = time.monotonic() - self._started
        self.stream.write(f"regionform plan [{self.done}/{self.total} {elapsed:4.0f}s] {text}\n")
        self.stream.flush()

    def event(self, root: str, event: str, detail: str = "") -> None:
        """`event`: init, plan (steps starting), planned or failed (the root is finished)."""
        with self._lock:
            if event in ("planned", "failed"):
                self.done += 1
                self._running.pop(root, None)
            else:
                self._running[root] = (event, time.monotonic())
            self._write(f"{root}: {event}{': ' + detail if detail else ''}")

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            with self._lock:
                now = time.monotonic()
                running = ", ".join(
                    f"{root} ({step} {now - since:.0f}s)"
                    for root, (step, since) in sorted(self._running.items())
                )
                if running:
                    self._write(f"still running: {running}")

    def __enter__(self) -> Progress:
        self._thread = threading.Thread(target=self._beat, name="plan-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
