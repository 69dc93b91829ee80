"""Writes pairs.jsonl: the labelled pairs that measure the recurring-learning matcher. All fictional.

Each group holds three wordings of one piece of learning (from other reviews, agencies and years)
and two pieces of different learning that share many of its words. Pairs within the three are the
same learning; each wording against a decoy, and the decoys against each other, are not; and a few
wordings from neighbouring groups are paired as different learning too.

    .venv/bin/python -m tests.learning.make_pairs
"""

from __future__ import annotations

import json
from itertools import combinations, pairwise
from pathlib import Path

from tests.learning.pair_groups import GROUPS

OUT = Path(__file__).with_name("pairs.jsonl")


def split(index: int) -> str:
    """Every third group is held out: the threshold is chosen on the others and checked on these."""
    return "held_out" if index % 3 == 2 else "tune"


def pairs() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for index, group in enumerate(GROUPS):
        same, different, part = group["same"], group["different"], split(index)
        out.extend({"a": a, "b": b, "same": True, "split": part} for a, b in combinations(same, 2))
        out.append({"a": same[0], "b": different[0], "same": False, "split": part})
        out.append({"a": same[1], "b": different[1], "same": False, "split": part})
        out.append({"a": different[0], "b": different[1], "same": False, "split": part})
    for index, (first, second) in enumerate(pairwise(GROUPS)):
        out.append({"a": first["same"][2], "b": second["same"][0], "same": False, "split": split(index)})
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8") as handle:
        for pair in pairs():
            handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"{OUT}: {len(pairs())} pairs")


if __name__ == "__main__":
    main()
