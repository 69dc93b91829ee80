"""Finding the thesaurus's phrases in a text quickly: only the phrases that can start with a word's first letter
are tried at that word.

Every phrase begins where a word begins. Trying all of them, in order, at every word (`PATTERN`) is
the plain reading; `mark` reads the same, but at each word tries only the phrases that can start
with its letter, still in their order, so the same phrase wins. Which letters a phrase can start with
is read from its pattern; where that is not plain (a class of letters, a repeat that may be absent),
the phrase is tried at every word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.rules.learning import glossary, thesaurus

# Glossary first: its particular phrases ("communication needs") are taken before the thesaurus's general ones.
PHRASES: Sequence[tuple[str, str]] = glossary.PHRASES + thesaurus.PHRASES
# A marker put before each term a phrase writes, so that no ending is trimmed from it.
TERM = "\x01"

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789&'-_")
_WORD_START = re.compile(r"(?<!\w)\w")


def _alternation(indices: Sequence[int]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<p{i}>(?:{PHRASES[i][0]})\\b)" for i in indices))


PATTERN = re.compile(r"(?<!\w)(?=\w)(?:" + _alternation(range(len(PHRASES))).pattern + ")")
_TERMS = {f"p{i}": terms for i, (_, terms) in enumerate(PHRASES)}


def _close(pattern: str, start: int) -> int:
    """The index of the bracket closing the group opened at `start`."""
    depth, i = 0, start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 1)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(pattern)


def _branches(pattern: str) -> list[str]:
    """The pattern's alternatives at its top level."""
    out, depth, i, last = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 1)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[last:i])
            last = i + 1
        i += 1
    out.append(pattern[last:])
    return out


def first_letters(pattern: str) -> frozenset[str] | None:
    """The letters a match of the pattern can start with; None where that is not plain to read."""
    found: set[str] = set()
    for branch in _branches(pattern):
        letters = _branch_first(branch)
        if letters is None:
            return None
        found |= letters
    return frozenset(found)


def _branch_first(branch: str) -> frozenset[str] | None:
    if not branch:
        return None
    if branch.startswith("(?:"):
        end = _close(branch, 0)
        atom, rest = first_letters(branch[3:end]), branch[end + 1 :]
    elif branch[0] in _LETTERS:
        atom, rest = frozenset(branch[0]), branch[1:]
    else:
        return None
    if atom is None:
        return None
    if rest[:1] in ("?", "*") or rest.startswith("{0"):
        following = _branch_first(rest[1:] if rest[:1] in ("?", "*") else rest[rest.index("}") + 1 :])
        return None if following is None else atom | following
    return atom


def _dispatch() -> dict[str, re.Pattern[str]]:
    starts = [first_letters(pattern) for pattern, _ in PHRASES]
    tried = {letter: [i for i, s in enumerate(starts) if s is None or letter in s] for letter in sorted(_LETTERS)}
    return {letter: _alternation(indices) for letter, indices in tried.items() if indices}


_BY_LETTER = _dispatch()


def terms_of(match: re.Match[str]) -> str:
    """What a phrase found stands for, each term marked."""
    return " " + " ".join(TERM + t for t in _TERMS[match.lastgroup or ""].split()) + " "


def mark(spaced: str) -> str:
    """The text with each phrase found replaced by its marked terms: as `PATTERN.sub(terms_of, spaced)`."""
    pieces: list[str] = []
    last = position = 0
    while (start := _WORD_START.search(spaced, position)) is not None:
        at = start.start()
        found = _BY_LETTER[spaced[at]].match(spaced, at) if spaced[at] in _BY_LETTER else None
        if found is None:
            position = at + 1
            continue
        pieces.append(spaced[last:at])
        pieces.append(terms_of(found))
        last = position = found.end()
    pieces.append(spaced[last:])
    return "".join(pieces)
