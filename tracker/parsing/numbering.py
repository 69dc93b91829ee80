"""Recommendation numbers as documents write them: "1", "1.2", "21.10.1", "4a", "4(b)", "R3", "Rec 3", "iv".

A number is kept as written, without the word "Recommendation" and without trailing punctuation, so
"3.4.1." is "3.4.1" and never "3.4" with the title "1.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_NUMBER = 60

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN = r"(?:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"
_DECIMAL = r"\d{1,3}(?:\.\d{1,3}){0,4}"
# "4a", "4(b)", "4.a", "12.3b": a number with one lettered part written straight after it.
_SUFFIX = r"(?:[a-z](?![a-z])|\([a-z]\)|\.[a-z](?![a-z]))?"
_EXPLICIT = re.compile(
    rf"^\s*(?P<word>recommendations?|rec\.?|r)\s*(?:no\.?\s*)?(?P<num>{_DECIMAL}{_SUFFIX}|{_ROMAN}\b)"
    r"(?![\d%])\s*(?P<sep>[:.)\-–—]?)\s*",
    re.I,
)
# A plain number needs punctuation after it ("3.", "3)", "(3)", "3:") unless it has several parts ("21.1 The"),
# so that "12 May 2021" or "2021 was a year" are not read as numbered.
_PLAIN = re.compile(
    rf"^\s*(?:\((?P<bracketed>{_DECIMAL}|[a-z]|{_ROMAN})\)"
    rf"|(?P<num>{_DECIMAL}{_SUFFIX})(?P<sep>[.)]|\s*[:\-–—](?=\s)|(?<=\))(?=\s)|(?<=\d\.\d)\.?(?=\s)|(?<=\d\.\d\d)\.?(?=\s)|(?<=\d\.\d\d\d)\.?(?=\s))"
    rf"|(?P<letter>[a-z]|{_ROMAN})(?P<lsep>[.)])(?=\s))\s*",
    re.I,
)
_ACTION = re.compile(rf"^\s*(?:action|act\.?|a)\s*(?P<num>{_DECIMAL}[a-z]?)(?![\d%])\s*[:.)\-–—]?\s*", re.I)


@dataclass(frozen=True)
class Number:
    label: str  # as written, tidied: "21.10.1", "4a", "4(b)", "R3", "iv"
    parts: tuple[str, ...]  # ("21", "10", "1"), ("4", "a"), ("a",)
    explicit: bool  # written with the word: "Recommendation 3", "Rec 3", "R3"
    rest: str  # the text after the number
    r_prefix: bool = False  # written "R3"

    @property
    def is_letter(self) -> bool:
        return len(self.parts) == 1 and self.parts[0].isalpha() and not is_roman(self.parts[0])

    @property
    def is_roman(self) -> bool:
        return len(self.parts) == 1 and is_roman(self.parts[0]) and not self.parts[0].isdigit()

    @property
    def depth(self) -> int:
        return len(self.parts)

    def child_of(self, parent: Number) -> bool:
        return len(self.parts) > len(parent.parts) and self.parts[: len(parent.parts)] == parent.parts


def is_roman(text: str) -> bool:
    return bool(text) and re.fullmatch(_ROMAN, text.lower()) is not None


def roman_value(text: str) -> int:
    total, last = 0, 0
    for ch in reversed(text.lower()):
        value = _ROMAN_VALUES.get(ch, 0)
        total = total - value if value < last else total + value
        last = max(last, value)
    return total


def _parts(label: str) -> tuple[str, ...]:
    pieces = re.findall(r"\d+|[a-z]+", label.lower())
    if len(pieces) == 1 and is_roman(pieces[0]) and pieces[0].isalpha() and len(pieces[0]) > 1:
        return (pieces[0],)
    return tuple(pieces)


def _tidy(label: str) -> str:
    # "4A" reads the same as "4a"; roman numerals keep the case the document gave them.
    label = label.rstrip(".")
    return label.lower() if re.match(r"^\d", label) else label


def read_number(text: str) -> Number | None:
    """The number at the start of a paragraph, or None when it does not start with one."""
    if m := _EXPLICIT.match(text):
        word = m["word"].lower()
        rest = text[m.end() :].strip()
        if word == "r" and not (m["sep"] or rest[:1].isupper() or not rest):
            return None
        if word == "r" and text.lstrip()[:1] != "R":
            return None
        if word.startswith("recommendations") and not m["sep"]:
            return None
        label = _tidy(m["num"])
        return Number(label, _parts(label), True, rest, r_prefix=word == "r")
    if m := _PLAIN.match(text):
        raw = m["bracketed"] or m["num"] or m["letter"]
        rest = text[m.end() :].strip()
        if not rest and not m["bracketed"] and not m["num"]:
            return None
        if m["letter"] and len(raw) > 1 and not is_roman(raw):
            return None
        label = _tidy(raw)
        return Number(label, _parts(label), False, rest)
    return None


def read_action_number(text: str) -> tuple[str, str] | None:
    """("1.2", "rest") from "Action 1.2: rest" or "A1.2 rest"."""
    m = _ACTION.match(text)
    if not m:
        return None
    if text.lstrip()[:1] == "a" and not text.lower().lstrip().startswith(("action", "act")):
        return None
    return m["num"].lower(), text[m.end() :].strip()


def qualified(section: str, number: str) -> str:
    """ "Police 1": a number made unique by the section or agency whose numbering restarts at 1."""
    room = MAX_NUMBER - len(number) - 1
    label = section if len(section) <= room else section[: max(room - 1, 1)].rstrip() + "…"
    return f"{label} {number}"


def fit(number: str) -> str:
    return number if len(number) <= MAX_NUMBER else number[: MAX_NUMBER - 1] + "…"


def next_in_sequence(previous: Number | None, current: Number) -> bool:
    """Whether `current` follows `previous` in one list: 3 after 2, 3.2 after 3.1, b after a, iv after iii."""
    if previous is None:
        return current.parts[-1] in {"1", "a", "i"}
    if len(previous.parts) != len(current.parts) or previous.parts[:-1] != current.parts[:-1]:
        return False
    a, b = previous.parts[-1], current.parts[-1]
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if is_roman(a) and is_roman(b) and len(a + b) > 2:
        return roman_value(b) == roman_value(a) + 1
    return len(a) == len(b) == 1 and ord(b) == ord(a) + 1
