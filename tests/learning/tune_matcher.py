"""How the matcher's weights were chosen: on the tuning groups of pairs.jsonl and pairs_fresh.jsonl alone.

For each combination of weights on a small grid, the tuning groups are split five ways; the threshold is
chosen (`matching.choose_threshold`) on four fifths and tried on the fifth, and the five tries are added
up; this is done for three fixed shufflings of the groups. The weights whose threshold holds up best
there (the higher of the lower of precision and recall, then of their sum, over the three) are the
ones in `tracker.rules.learning.matching`; its threshold is then chosen on every tuning pair. The
held-out groups, and pairs_check.jsonl, are never read here.

    .venv/bin/python -m tests.learning.tune_matcher
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

from tests.learning import fresh_groups, make_pairs, pair_groups
from tracker.rules.learning import matching

FOLDS = 5
SHUFFLES = (1, 2, 3)
GRID = {
    "WORD_WEIGHT": (0.2, 0.35, 0.5, 0.65, 0.8),
    "PAIR_WEIGHT": (0.0, 0.25, 0.5),
    "AGENCY_WEIGHT": (0.125, 0.25, 0.5, 0.75, 1.0),
}

Labelled = tuple[str, str, bool]


def tuning_groups() -> list[list[Labelled]]:
    """The tuning pairs, group by group (a group's decoys and its pair with the next group go with it)."""
    groups: list[list[Labelled]] = []
    for source, made in ((pair_groups, make_pairs.pairs()), (fresh_groups, make_pairs.fresh_pairs())):
        groups.extend(_grouped(source, [(str(r["a"]), str(r["b"]), bool(r["same"]), str(r["split"])) for r in made]))
    return groups


def _grouped(source: ModuleType, rows: list[tuple[str, str, bool, str]]) -> list[list[Labelled]]:
    home: dict[str, int] = {}
    for index, group in enumerate(source.GROUPS):
        for text in (*group["same"], *group["different"]):
            home.setdefault(text, index)
    out: dict[int, list[Labelled]] = {}
    for number, (a, b, same, split) in enumerate(rows):
        if split == "tune":
            # A cross pair (its texts in no group) is a group of its own.
            out.setdefault(home.get(a, len(source.GROUPS) + number), []).append((a, b, same))
    return [out[k] for k in sorted(out)]


@contextmanager
def weights(**values: float) -> Iterator[None]:
    saved = {name: getattr(matching, name) for name in values}
    for name, value in values.items():
        setattr(matching, name, value)
    matching.reweigh()
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(matching, name, value)
        matching.reweigh()


def cross_validated(groups: list[list[Labelled]], seed: int = 0) -> matching.Score:
    """Each fold's pairs scored at the threshold chosen on the other folds' pairs, added up.

    Every pair is scored once, against the frequencies of all the tuning texts, as `choose_threshold`
    on all of them does; the folds choose thresholds from those scores."""
    scored = matching.scored_pairs([p for g in groups for p in g])
    order = list(range(len(groups)))
    random.Random(seed).shuffle(order)
    fold = {group: place % FOLDS for place, group in enumerate(order)}
    fold_of = [fold[i] for i, g in enumerate(groups) for _ in g]
    tp = fp = fn = 0
    for fold in range(FOLDS):
        choosing = [s for s, f in zip(scored, fold_of, strict=True) if f != fold]
        trying = [s for s, f in zip(scored, fold_of, strict=True) if f == fold]
        score = matching.tally(trying, matching.threshold_for(choosing))
        tp, fp, fn = tp + score.true_positives, fp + score.false_positives, fn + score.false_negatives
    return matching.Score(
        pairs=len(scored),
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )


def main() -> None:
    groups = tuning_groups()
    results = []
    for values in itertools.product(*GRID.values()):
        chosen = dict(zip(GRID, values, strict=True))
        with weights(**chosen):
            scores = [cross_validated(groups, seed) for seed in SHUFFLES]
        precision = sum(s.precision for s in scores) / len(scores)
        recall = sum(s.recall for s in scores) / len(scores)
        results.append((min(precision, recall), precision + recall, chosen, precision, recall))
    results.sort(key=lambda r: (r[0], r[1]), reverse=True)
    for low, _, chosen, precision, recall in results[:10]:
        print(f"{low:.3f}  precision {precision:.3f} recall {recall:.3f}  {chosen}")
    best = results[0][2]
    with weights(**best):
        threshold = matching.choose_threshold([p for g in groups for p in g])
    print(f"chosen: {best}, THRESHOLD = {threshold}")


if __name__ == "__main__":
    main()
