"""How far a long command has gone, on one line of the terminal redrawn in place.

Only on a terminal: into a pipe, a log or a cron job's mail it writes nothing at all, and a command
that prints JSON turns it off, so that what reads the output reads only the results.

    with TerminalProgress(enabled=not as_json) as progress:
        progress.step("Reading plan.xlsx")           # what it is doing now
        progress.count(1_200, 10_000, "Actions")     # how many of how many
        progress(3, 14, "Writing the Summary")       # step 4 of 14 (the workbook's way of telling)
        progress.clear()                             # before printing anything else
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

# Counting redraws the line at most this often: a terminal need not show every row.
_EVERY_SECONDS = 0.1


class TerminalProgress:
    def __init__(self, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = enabled and self.stream.isatty()
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.showing = False

    def step(self, text: str) -> None:
        """Say what the command is doing now."""
        self._draw(text, force=True)

    def count(self, done: int, total: int, label: str) -> None:
        """Say how many of how many it has done."""
        share = 100 * done // total if total > 0 else 0
        self._draw(f"{label}: {done:,} of {total:,} ({share}%)", force=done >= total)

    def __call__(self, done: int, total: int, text: str) -> None:
        """Told before each step of a long build: steps done, steps in all, and what it is doing now."""
        self._draw(f"{text} (step {min(done + 1, total)} of {total})" if total > 0 else text, force=True)

    def clear(self) -> None:
        """Take the line away, so that what is printed next starts on a clean line."""
        if self.showing:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.showing = False

    def _draw(self, text: str, *, force: bool) -> None:
        if not self.live:
            return
        now = time.monotonic()
        if not force and now - self.drawn_at < _EVERY_SECONDS:
            return
        self.drawn_at = now
        seconds = now - self.started
        self.stream.write(f"\r\033[K  {text}… {seconds:.0f} s")
        self.stream.flush()
        self.showing = True

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.clear()
