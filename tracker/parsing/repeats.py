"""Recommendations a report lists twice: briefly in its executive summary and in full later, or in the
recommendations section and again in an appendix action plan with their actions.

Each recommendation is read once. When one section repeats another (most of its recommendations have the same
number and say the same thing), the fuller wording is kept, the other is set aside with a note saying where it
was, and any actions, scope or agencies the set-aside copy carries move to the one that is kept: an action
plan's actions belong to the recommendations it repeats.
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
_SAME_NUMBER, _ANY_NUMBER = 0.5, 0.8  # how much of the shorter wording the longer must contain
_MOST = 0.6  # the share of a section's recommendations that must repeat earlier ones


@dataclass
class Listed:
    rec: ParsedRecommendation
    label: str | None  # the agency or sub-heading it sits under, for numbering that restarts
    section: str  # the heading of the section it was read from


def _words(rec: ParsedRecommendation) -> set[str]:
    return set(_WORD.findall(f"{rec.title} {rec.text}".lower())) - _COMMON


def _base(number: str) -> str:
    # "Northshire Police 1" (numbering made unique within a table) is recommendation "1".
    return number.rsplit(" ", 1)[-1].lower()


def _similar(a: set[str], b: set[str]) -> float:
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter >= 2 else float(a == b and bool(a))


def _pairs(earlier: list[Listed], later: list[Listed]) -> dict[int, int]:
    """later index -> earlier index, each paired at most once, best matches first."""
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
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for *_, j, i in sorted(candidates, reverse=True):
        if j not in pairs and i not in taken:
            pairs[j] = i
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
    """The recommendations of every section, in order, with each one that repeats an earlier one read once."""
    kept: list[Listed] = []
    for listed in sections:
        pairs = _pairs(kept, listed) if kept else {}
        if not listed or len(pairs) < max(1, _MOST * len(listed)) or (len(listed) > 1 and len(pairs) < 2):
            kept.extend(listed)
            continue
        dropped: set[int] = set()
        for j, new in enumerate(listed):
            if j not in pairs:
                new.rec.doubt(f"'{new.section}' otherwise repeats recommendations given elsewhere in the report; "
                              "check that this one is a recommendation of its own.")  # fmt: skip
                kept.append(new)
                continue
            old = kept[pairs[j]]
            if _length(new.rec) > _length(old.rec) and not new.rec.actions:
                # The fuller wording comes later (a summary came first): keep it, where the full list is.
                _merge(new.rec, old.rec, old.section)
                dropped.add(id(old))
                kept.append(new)
            else:
                _merge(old.rec, new.rec, new.section)
        kept = [x for x in kept if id(x) not in dropped]
    return kept
