"""Progress on a terminal for the benchmarks' long steps: one line redrawn in place, or a line a tenth when
the output is a file, so that a log stays short."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.started = self.shown_at = time.monotonic()
        self.tenths = 0
        self.live = self.stream.isatty()

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.live and now - self.shown_at >= 0.2:
            self.shown_at = now
            self.stream.write(f"\r{self._line()}\033[K")
            self.stream.flush()
        elif not self.live and self.done * 10 // self.total > self.tenths:
            self.tenths = self.done * 10 // self.total
            self.stream.write(self._line() + "\n")
            self.stream.flush()

    def finish(self) -> None:
        if not self.live and self.tenths == 10:
            return
        self.stream.write(("\r" if self.live else "") + self._line() + ("\033[K\n" if self.live else "\n"))
        self.stream.flush()

    def _line(self) -> str:
        seconds = time.monotonic() - self.started
        share = min(100, 100 * self.done // self.total)
        return f"{self.label}: {self.done:,} of {self.total:,} ({share}%), {seconds:.0f} s"


def say(text: str, stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    out.write(text + "\n")
    out.flush()
