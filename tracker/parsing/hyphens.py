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
PREFIXES = frozenset(
    {"multi", "self", "non", "co", "cross", "inter", "intra", "single", "well", "long", "short", "full", "part",
     "half", "post", "pre", "ex", "anti", "face", "follow", "one", "two", "three", "four", "five", "six", "first",
     "second", "third", "high", "low", "step", "mid", "semi", "all", "over", "under", "by", "counter"}
)  # fmt: skip


class Vocabulary:
    """The words a document uses, whole and hyphenated, to decide how a word broken at a line end joins up."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.whole: set[str] = set()
        self.hyphenated: set[str] = set()
        for text in texts:
            for word in _WORD.findall(text):
                (self.hyphenated if "-" in word else self.whole).add(word.lower())

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        joined, with_hyphen = f"{head}{tail}".lower(), f"{head}-{tail}".lower()
        if with_hyphen in self.hyphenated and joined not in self.whole:
            return True
        if joined in self.whole:
            return False
        return head.lower() in PREFIXES or tail[:1].isupper() or tail[:1].isdigit()


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
