"""A recommendation's words as the domain's terms: synonyms joined, abbreviations spelt one way, endings trimmed.

"Refer high-risk cases to the multi-agency risk assessment conference" and "make a MARAC referral
when risk is high" come out as nearly the same terms. The vocabulary is the partnerships' own (DASH,
MARAC, IDVA, primary care, A&E, SAB...: `thesaurus`, `glossary`, `synonyms`), written here, so that
nothing is fetched; `boilerplate` holds the words that say nothing of the learning.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.rules.learning import phrases
from tracker.rules.learning.boilerplate import STOPWORDS
from tracker.rules.learning.synonyms import WORDS

_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w'&\-]+")
_WORD = re.compile(r"[a-z][a-z0-9&'_\-]*|\d+")

_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ities",
    "ity",
    "ings",
    "ing",
    "ised",
    "ized",
    "ises",
    "izes",
    "ise",
    "ize",
    "ied",
    "ies",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "al",
    "s",
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, consistent trim of English endings: 'assessments', 'assessed', 'assessing' -> 'assess'."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            root = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                root += "y"
            if len(root) > 4 and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]
            return root
    return word


def terms(text: str) -> list[str]:
    """The text's terms in order, stopwords dropped: the matcher's and the theme rules' reading of it."""
    lowered = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    lowered = _POSSESSIVE.sub("", lowered).replace("s' ", "s ")
    spaced = _PUNCTUATION.sub(" ", lowered)
    marked = phrases.mark(spaced)
    out: list[str] = []
    for raw in marked.split():
        if raw.startswith(phrases.TERM):
            out.append(raw[1:])
            continue
        for word in _WORD.findall(raw.replace("-", " ")):
            word = word.strip("'")
            if not word or word in STOPWORDS:
                continue
            mapped = WORDS.get(word)
            if mapped is not None:
                out.extend(mapped.split())
            elif not word.isdigit():
                out.append(stem(word))
    return out
