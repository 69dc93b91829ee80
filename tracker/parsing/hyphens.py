"""Words broken across two printed lines: "recom-" + "mendation" is "recommendation", "multi-" + "agency" is
"multi-agency".

A PDF or a text copy of one keeps the hyphen a typesetter added at the end of a line, and nothing marks it as
different from a real hyphen. The document itself usually settles it (the word appears elsewhere whole, or
with its hyphen); otherwise prefixes that English hyphenates ("multi-", "self-", "non-") keep theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_FIRST_WORD = re.compile(r"^[A-Za-z0-9]+")
_BROKEN = re.compile(r"(?<=[A-Za-z])-$")
_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}")
_LAST_WORD = re.compile(r"[A-Za-z0-9/.]+$")
PREFIXES = frozenset(
    {"multi", "self", "non", "co", "cross", "inter", "intra", "single", "well", "long", "short", "full", "part",
     "half", "post", "pre", "ex", "anti", "face", "follow", "one", "two", "three", "four", "five", "six", "first",
     "second", "third", "high", "low", "step", "mid", "semi", "all", "over", "under", "by", "counter"}
)  # fmt: skip


class Vocabulary:
    """The words a document uses, whole and hyphenated, to decide how a word broken at a line end joins up."""

    def __init__(self, texts: Iterable[str], cells: Iterable[str] = ()) -> None:
        self.whole: set[str] = set()
        self.hyphenated: set[str] = set()
        for text in texts:
            for word in _WORD.findall(text):
                (self.hyphenated if "-" in word else self.whole).add(word.lower())
        # Words in table cells count as words, but not their pieces, which narrow columns break off.
        self.in_cells = {w.lower() for text in cells for line in text.splitlines() for w in _WORD.findall(line)}

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        joined, with_hyphen = f"{head}{tail}".lower(), f"{head}-{tail}".lower()
        if with_hyphen in self.hyphenated and joined not in self.whole:
            return True
        if joined in self.whole:
            return False
        if head.lower() in self.whole and tail.lower() in self.whole:
            return True  # two words the document uses on their own: "repeat-address"
        return head.lower() in PREFIXES or tail[:1].isupper() or tail[:1].isdigit()

    def glued(self, head: str, tail: str) -> bool:
        """A word a narrow table column broke without a hyphen: "Septem" + "ber", "31/01/2" + "023"."""
        if head.isalpha() and tail.isalpha() and tail[:1].islower():
            joined = f"{head}{tail}".lower()
            known = joined in self.whole or joined in self.in_cells
            return known and head.lower() not in self.whole and tail.lower() not in self.whole
        return bool(_DATE.fullmatch(f"{head}{tail}")) and not _DATE.fullmatch(head)


def ends_broken(text: str) -> bool:
    """Whether a line ends in a hyphen straight after a letter ("recom-"), not a dash (" - ")."""
    return _BROKEN.search(text) is not None


def join(before: str, after: str, vocabulary: Vocabulary | None) -> str:
    """`before` (ending in a hyphen after a letter) and the next line, as the words the author wrote."""
    head = re.search(r"[A-Za-z]+-$", before)
    first = _FIRST_WORD.match(after)
    if head is None or first is None:
        return f"{before}{after}"
    fragment = head[0][:-1]
    keep = (vocabulary or Vocabulary(())).keeps_hyphen(fragment, first[0])
    return f"{before}{after}" if keep else f"{before[:-1]}{after}"


def glued(before: str, after: str, vocabulary: Vocabulary) -> str | None:
    """`before` and the next line as one word's two halves, or None when the line broke between words."""
    head, first = _LAST_WORD.search(before), re.match(r"^[A-Za-z0-9/.]+", after)
    if head is None or first is None or not vocabulary.glued(head[0].rstrip("."), first[0].rstrip(".")):
        return None
    return f"{before}{after}"
