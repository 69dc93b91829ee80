"""Recommendations a report lists twice: briefly in its executive summary and in full later, or in the
recommendations section and again in an appendix action plan with their actions.

Each recommendation is read once. Two copies are one recommendation when their wording is nearly the same, or
when their section repeats another as a whole (most of its recommendations have the same number and say much the
same thing, as a summary's short forms do). The fuller wording is kept, or where the wording is the same, the
copy in the list where the recommendations are gathered; the other is set aside with a note saying where it was,
and any actions, scope or agencies it carries move to the one that is kept: an action plan's actions belong to the
recommendations it repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.parsing.result import ParsedRecommendation

_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset(
    {"should", "with", "that", "their", "from", "this", "have", "which", "when", "where", "about", "into", "will",
     "they", "them", "also", "been", "were", "each", "every", "other", "must", "ensure", "there", "than", "more",
     "recommendation", "recommendations", "review", "including"}
)  # fmt: skip
# How much of the shorter wording the longer must contain: under the same number, under another number, and to be
# the same recommendation wherever it appears (two agencies' recommendations worded alike differ by their names).
_SAME_NUMBER, _ANY_NUMBER, _SAME_WORDS = 0.5, 0.8, 0.9
_MOST = 0.6  # the share of a section's recommendations that must repeat earlier ones


@dataclass
class Listed:
    rec: ParsedRecommendation
    label: str | None  # the agency or sub-heading it sits under, for numbering that restarts
    section: str  # the heading of the section it was read from


def _words(rec: ParsedRecommendation) -> set[str]:
    return set(_WORD.findall(f"{rec.title} {rec.text}".lower())) - _COMMON


def _base(number: str) -> str:
    # "Northshire Police 1" (numbering made unique within a table) is recommendation "1"; so are "R1" and "Rec 1",
    # and "4(a)" is "4a".
    last = number.rsplit(" ", 1)[-1].lower()
    return re.sub(r"^(?:rec\.?|r)(?=\d)|[().]", "", last)


def _similar(a: set[str], b: set[str]) -> float:
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter >= 2 else float(a == b and bool(a))


def _pairs(earlier: list[Listed], later: list[Listed]) -> dict[int, tuple[int, float]]:
    """later index -> (earlier index, how alike), each paired at most once, best matches first."""
    words = [_words(x.rec) for x in earlier]
    candidates = []
    for j, new in enumerate(later):
        new_words = _words(new.rec)
        for i, old in enumerate(earlier):
            same = _base(old.rec.number) == _base(new.rec.number)
            # An action plan that gives only the number ("Rec 3") and its actions repeats recommendation 3.
            score = 1.0 if same and not new_words and new.rec.actions else _similar(words[i], new_words)
            if score >= (_SAME_NUMBER if same else _ANY_NUMBER):
                candidates.append((same, score, -abs(i - j), j, i))
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for _same, score, _, j, i in sorted(candidates, reverse=True):
        if j not in pairs and i not in taken:
            pairs[j] = (i, score)
            taken.add(i)
    if sum(1 for x in later if x.rec.actions) >= _MOST * len(later):
        # An action plan numbered as the recommendations are: the numbers pair them, whatever the wording.
        numbers = [_base(x.rec.number) for x in earlier]
        for j, new in enumerate(later):
            base = _base(new.rec.number)
            if j not in pairs and numbers.count(base) == 1 and (i := numbers.index(base)) not in taken:
                pairs[j] = (i, _SAME_NUMBER)
                taken.add(i)
    return pairs


def _length(rec: ParsedRecommendation) -> int:
    return len(rec.title) + len(rec.text)


def _merge(kept: ParsedRecommendation, other: ParsedRecommendation, section: str) -> None:
    """`other` repeats `kept`: what it adds (actions, scope, agencies) moves over, and a note says where it was."""
    if other.actions:
        kept.actions.extend(other.actions)
        kept.note(f"Its actions were read from the action plan under '{section}' ({other.where}), which repeats it.")
    else:
        brief = _length(other) < _length(kept)
        kept.note(f"Also listed{' more briefly' if brief else ''} under '{section}' ({other.where}); "
                  f"that {'shorter ' if brief else ''}version was set aside so that it is read once.")  # fmt: skip
    kept.scope = kept.scope or other.scope
    kept.agencies.extend(a for a in other.agencies if a not in kept.agencies)


def read_once(sections: list[list[Listed]]) -> list[Listed]:
    """The recommendations of every section, in order, with each one that repeats an earlier one read once.

    Wording that is nearly the same is one recommendation wherever it appears; a looser likeness (a summary's short
    form under the same number) counts only when most of the section repeats others in that way.
    """
    kept: list[Listed] = []
    size: dict[int, int] = {id(x): len(group) for group in sections for x in group}
    for listed in sections:
        pairs = _pairs(kept, listed) if kept else {}
        repeats = len(pairs) >= max(2, _MOST * len(listed))
        dropped: set[int] = set()
        for j, new in enumerate(listed):
            i, score = pairs.get(j, (-1, 0.0))
            if i < 0 or (score < _SAME_WORDS and not repeats):
                kept.append(new)
                continue
            old = kept[i]
            if not new.rec.actions and _fuller(new, old, size):
                # The fuller wording, or the list where they are gathered, comes later: keep it, where it is.
                _merge(new.rec, old.rec, old.section)
                dropped.add(id(old))
                kept.append(new)
            else:
                _merge(old.rec, new.rec, new.section)
        kept = [x for x in kept if id(x) not in dropped]
    return kept


def _fuller(new: Listed, old: Listed, size: dict[int, int]) -> bool:
    a, b = _length(new.rec), _length(old.rec)
    if abs(a - b) <= max(a, b) * 0.1:
        return size[id(new)] > size[id(old)]
    return a > b
