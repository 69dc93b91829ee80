"""Progress on a terminal for the benchmarks' long steps, through the command line's own helper
(`tracker.cli.progress`): one line redrawn in place, and nothing at all into a pipe or a log."""

from __future__ import annotations

import sys

from tracker.cli.progress import TerminalProgress


class Progress:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self.terminal = TerminalProgress()

    def advance(self, count: int = 1) -> None:
        self.done += count
        self.terminal.count(self.done, self.total, self.label)

    def finish(self) -> None:
        self.terminal.clear()


def say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()
