"""Writes the labelled pairs that measure the recurring-learning matcher. All fictional.

pairs.jsonl comes from pair_groups.py: each group holds three wordings of one piece of learning and
two pieces of different learning that share many of its words. Pairs within the three are the same
learning; each wording against a decoy, and the decoys against each other, are not; and a few
wordings from neighbouring groups are paired as different learning too.

pairs_fresh.jsonl comes from fresh_groups.py, a second set written apart from the first in other
sentence shapes and words: pairs within a group's wordings are the same learning, each decoy against
one wording and the decoys against each other are not, and the CROSS pairs share words across groups
but not learning.

In both, every third group (and every third cross pair) is held out: the matcher's weights and
threshold are chosen on the other pairs of both files together and checked on these.

pairs_check.jsonl comes from check_groups.py, made the way pairs_fresh.jsonl is, and is all held out:
it was written before the matcher's present thesaurus and weights and is used to choose nothing.

    .venv/bin/python -m tests.learning.make_pairs
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import combinations, pairwise
from pathlib import Path
from types import ModuleType

from tests.learning import check_groups, fresh_groups, pair_groups

HERE = Path(__file__).parent
OUT = HERE / "pairs.jsonl"
FRESH = HERE / "pairs_fresh.jsonl"
CHECK = HERE / "pairs_check.jsonl"


def split(index: int) -> str:
    return "held_out" if index % 3 == 2 else "tune"


def pairs() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for index, group in enumerate(pair_groups.GROUPS):
        same, different, part = group["same"], group["different"], split(index)
        out.extend({"a": a, "b": b, "same": True, "split": part} for a, b in combinations(same, 2))
        out.append({"a": same[0], "b": different[0], "same": False, "split": part})
        out.append({"a": same[1], "b": different[1], "same": False, "split": part})
        out.append({"a": different[0], "b": different[1], "same": False, "split": part})
    for index, (first, second) in enumerate(pairwise(pair_groups.GROUPS)):
        out.append({"a": first["same"][2], "b": second["same"][0], "same": False, "split": split(index)})
    return out


def grouped_pairs(groups: ModuleType, part: Callable[[int], str]) -> list[dict[str, object]]:
    """The pairs of fresh_groups.py or check_groups.py: GROUPS of wordings and decoys, and CROSS pairs."""
    out: list[dict[str, object]] = []
    for index, group in enumerate(groups.GROUPS):
        same, different, split_ = group["same"], group["different"], part(index)
        out.extend({"a": a, "b": b, "same": True, "split": split_} for a, b in combinations(same, 2))
        out.extend(
            {"a": same[n % len(same)], "b": decoy, "same": False, "split": split_} for n, decoy in enumerate(different)
        )
        out.extend({"a": a, "b": b, "same": False, "split": split_} for a, b in combinations(different, 2))
    for index, (a, b) in enumerate(groups.CROSS):
        out.append({"a": a, "b": b, "same": False, "split": part(index)})
    return out


def fresh_pairs() -> list[dict[str, object]]:
    return grouped_pairs(fresh_groups, split)


def check_pairs() -> list[dict[str, object]]:
    return grouped_pairs(check_groups, lambda _: "check")


def write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{path}: {len(rows)} pairs")


def main() -> None:
    write(OUT, pairs())
    write(FRESH, fresh_pairs())
    write(CHECK, check_pairs())


if __name__ == "__main__":
    main()
