"""A progress bar on stderr for the waits the core starts by itself (the first `ask` on a new
data directory builds the index), so no front has to remember to pass one.

On a terminal the bar redraws in place; otherwise (a server's log, a pipe) it prints a line when
the work starts and one when it ends, never a line per step.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class StderrProgress:
    """`progress(done, total)` for `Retriever.sync`; silent when there is nothing to do."""

    def __init__(self, label: str = "Building the knowledge index", stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.started: float | None = None
        self.finished = False
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if total <= 0 or self.finished:
            return
        if self.started is None:
            self.started = time.perf_counter()
            if not self.tty:
                self._write(f"{self.label}: {total} passages to embed (one time)...\n")
        if self.tty:
            filled = round(WIDTH * done / total)
            self._write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] "
                        f"{done}/{total} {time.perf_counter() - self.started:4.1f} s")
        if done >= total:
            self.finished = True
            elapsed = time.perf_counter() - self.started
            self._write(("\n" if self.tty else "") +
                        f"{self.label}: done, {total} passages in {elapsed:.1f} s.\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr must not fail the answer
            pass
