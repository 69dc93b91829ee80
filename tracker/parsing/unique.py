"""Numbers that restart for each agency or section are made unique by that agency or section: "Police 1"."""

from __future__ import annotations

from collections import Counter

from tracker.parsing.numbering import qualified
from tracker.parsing.result import ParsedRecommendation


def make_unique(recs: list[ParsedRecommendation], labels: list[str | None], why: str) -> None:
    """Qualify every number under a label when the same number appears under two labels.

    `labels[i]` is the agency or section recommendation i sits under. Nothing changes when the
    numbers are already unique, or when the repeats are within one label (the preview names those).
    """
    counts = Counter(r.number for r in recs)
    repeated = {n for n, c in counts.items() if c > 1}
    if not repeated:
        return
    under: dict[str, set[str | None]] = {}
    for rec, label in zip(recs, labels, strict=True):
        under.setdefault(rec.number, set()).add(label)
    if not any(len(under[n]) > 1 for n in repeated):
        return
    # Labels whose numbers clash with another label's: every recommendation under them is qualified,
    # so "Police 1, Police 2, Health 1" reads as one scheme rather than "1, 2, Health 1".
    clashing = {label for n in repeated if len(under[n]) > 1 for label in under[n] if label}
    for rec, label in zip(recs, labels, strict=True):
        if label in clashing:
            rec.number = qualified(label, rec.number)
            rec.note(f"Numbered '{rec.number}': {why}.")
