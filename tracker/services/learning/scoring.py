"""Reading labelled pairs for `learning score`: JSON Lines of {"a": text, "b": text, "same": true|false}."""

from __future__ import annotations

import json
from pathlib import Path

from tracker.rules.learning.matching import Score, score_pairs


def read_pairs(path: Path) -> list[tuple[str, str, bool]]:
    """Every labelled pair in the file; a line that is not one is refused with its number."""
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                a, b, same = row["a"], row["b"], row["same"]
            except (ValueError, KeyError, TypeError):
                raise ValueError(f'line {number} is not {{"a": text, "b": text, "same": true or false}}') from None
            if not isinstance(a, str) or not isinstance(b, str) or not isinstance(same, bool):
                raise ValueError(f'line {number}: "a" and "b" must be text and "same" true or false')
            pairs.append((a, b, same))
    if not pairs:
        raise ValueError("the file holds no pairs")
    return pairs


def score_file(pairs: list[tuple[str, str, bool]]) -> Score:
    return score_pairs(pairs)
