"""Labelled details inside a paragraph: "Lead: Northshire Police. Target date: March 2025. Outcome: ..."."""

from __future__ import annotations

import re

_NAMES = (
    r"lead\s+agency|lead\s+organisation|lead\s+officer|lead\s+person|lead|owner|responsible\s+(?:agency|officer|person|"
    r"lead|group)|responsible|target\s+date|target|timescales?|deadline|by\s+when|due\s+date|due|completion\s+date|"
    r"expected\s+outcomes?|intended\s+outcomes?|outcomes?|success\s+measures?|measures?\s+of\s+success|addressed\s+to|"
    r"agenc(?:y|ies)(?:\s+addressed)?|relevant\s+agenc(?:y|ies)|progress|status|evidence"
)
# A label starts the text or follows a full stop, semicolon or bracket: "that agencies: a) ..." is not one.
_FIELD = re.compile(rf"(?:^|(?<=[.;(])\s*|(?<=[.;(]\s))(?P<name>{_NAMES})\s*:\s*", re.I)
# "Lead agency: ..." or "Timescale: ..." at the start of a printed line begins a detail of its own.
FIELD_LINE = re.compile(rf"^\s*(?:{_NAMES})\s*:", re.I)
ACTIONS_LABEL = re.compile(
    r"^\s*(?:agreed\s+|proposed\s+|key\s+|smart\s+|planned\s+|recommended\s+)?actions?"
    r"(?:\s+(?:to\s+(?:be\s+)?tak(?:e|en)|required|needed|planned|agreed|identified|plan))?\s*(?::\s*|[-–—]\s+|$)"
    r"|^\s*what\s+(?:we\s+will\s+do|will\s+be\s+done|needs\s+to\s+happen)\s*(?::\s*|$)"
    r"|^\s*how\s+(?:we\s+will|will\s+this\s+be)\s+[a-z ]+?\s*(?::\s*|$)",
    re.I,
)


def kind_of_field(name: str) -> str:
    n = " ".join(name.lower().split())
    if n in {"lead officer", "lead person", "owner", "responsible officer", "responsible person", "responsible lead"}:
        return "owner"
    if n.startswith(("lead", "responsible")):
        return "lead"
    if n.startswith(("target", "timescale", "deadline", "by when", "due")):
        return "target"
    if n.startswith("completion"):
        return "completion"
    if n.startswith(("expected", "intended", "outcome", "success", "measure")):
        return "outcome"
    if n.startswith(("addressed", "agenc", "relevant")):
        return "agencies"
    return n


def take_fields(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first label, and each labelled value: ("Update the policy.", {"lead": "Police"})."""
    found = list(_FIELD.finditer(text))
    if not found:
        return text, {}
    values: dict[str, str] = {}
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        value = text[m.end() : end].strip(" .;,()")
        if value:
            values.setdefault(kind_of_field(m["name"]), value)
    return text[: found[0].start()].strip(" ;,(").strip(), values


def is_actions_label(text: str) -> tuple[bool, str]:
    """Whether a paragraph opens a list of actions, and any action written after its colon."""
    m = ACTIONS_LABEL.match(text)
    if not m:
        return False, ""
    rest = text[m.end() :].strip()
    # "Action plan to be agreed by the Board" is a sentence, not a label.
    if rest and not text[: m.end()].rstrip().endswith((":", "-", "–", "—")):
        return False, ""
    return True, rest
