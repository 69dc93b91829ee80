"""What makes a password acceptable, as the NCSC advises: long enough, and not one of the commonest.

No composition rules (a capital, a digit, a symbol): they make passwords harder to remember and
no harder to guess. Instead the commonest passwords are refused, with the tricks people add to
them (digits or symbols at either end, a word typed twice, a run along the keyboard).

`common_passwords.txt` is the list of the 30,000 commonest passwords that zxcvbn 4.5.0
(MIT licence) ships as its "passwords" frequency list, lower-cased, one a line.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

MIN_LENGTH = 12
# Runs a person makes without thinking: along the keyboard's rows, the alphabet, the digits.
_RUNS = (
    "qwertyuiopasdfghjklzxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
)
_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("tracker.rules").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def password_problem(password: str) -> str | None:
    """What is wrong with the password, in the words the form shows; None when nothing is."""
    if len(password) < MIN_LENGTH:
        return f"Password must be {MIN_LENGTH} characters or more"
    if password.strip() != password:
        return "Password must not start or end with a space"
    if is_common(password):
        return "Password is too easy to guess: it is one of the most common passwords. Choose another"
    return None


def is_common(password: str) -> bool:
    plain = "".join(password.lower().split())
    listed = common_passwords()
    core = _ENDS.sub("", plain)
    candidates = {plain, core}
    if _repeats(plain) or _runs(plain):
        return True
    for candidate in candidates:
        if candidate in listed:
            return True
        half = len(candidate) // 2
        if (
            candidate
            and len(candidate) % 2 == 0
            and candidate[:half] == candidate[half:]
            and candidate[:half] in listed
        ):
            return True
    return False


def _repeats(text: str) -> bool:
    """One short piece over and over: "aaaaaaaaaaaa", "abcabcabcabc", "121212121212"."""
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
            return size <= 4 or text[:size] in common_passwords()
    return False


def _runs(text: str) -> bool:
    """A run along the keyboard or the alphabet, either way: "123456789012", "qwertyuiopas"."""
    for run in _RUNS:
        for line in (run * 3, (run * 3)[::-1]):
            if text in line:
                return True
    return False
