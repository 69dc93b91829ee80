"""Recognising an action plan's columns by what their headings mean, whatever words a partnership uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Roles a column can play. "progress" collects milestones and updates; "lead" is a bare "Lead" or
# "Responsible", which means the agency unless the sheet also has an agency column.
ROLES = (
    "ref",
    "recommendation",
    "scope",
    "action",
    "agency",
    "addressed",
    "owner",
    "lead",
    "progress",
    "target",
    "timescale_progress",
    "completion",
    "status",
    "rag",
    "evidence",
    "comments",
    "outcome",
)
# Columns whose text is added to the action's progress, each under its own heading.
PROGRESS_ROLES = ("progress", "evidence", "comments", "outcome")
# "Addressed to" names the agencies a recommendation is for, whoever then leads its actions.
_ADDRESSED = {
    "addressed to",
    "to",
    "for",
    "recipient",
    "recipients",
    "recommendation to",
    "recommendation for",
    "directed to",
    "agency agencies addressed",
    "agencies addressed",
    "who to",
    "target agency",
}
# An expected outcome says what will have changed; it is kept with the action but is not progress.
_OUTCOME = {
    "outcome",
    "outcomes",
    "expected outcome",
    "expected outcomes",
    "intended outcome",
    "desired outcome",
    "intended outcomes",
    "measure of success",
    "success measure",
    "success measures",
    "how will we know",
    "impact",
    "expected impact",
    "outcome measure",
    "outcome measures",
    "success criteria",
}

_REF_EXACT = {
    "ref",
    "ref no",
    "reference",
    "no",
    "number",
    "rec",
    "rec no",
    "rec ref",
    "rec number",
    "item",
    "id",
    "item no",
    "recommendation no",
    "recommendation number",
    "recommendation ref",
    "action no",
    "action ref",
    "action number",
}


def normalise_heading(text: object) -> str:
    return " ".join(re.sub(r"[^a-z0-9#]+", " ", str(text).lower().replace("/", " ")).split())


def role_of(heading: object) -> str | None:
    """The role of a column from its heading, or None when the heading means nothing we import."""
    h = normalise_heading(heading)
    if not h or len(h) > 80:
        return None
    words = set(h.split())
    # A narrow column in a PDF breaks a long heading mid-word: "Key milest ones achieved", "Date of comple tion".
    squashed = h.replace(" ", "")
    if h in _REF_EXACT or h in {"#", "no.", "rec #", "ref #", "recommendation #", "number ref"}:
        return "ref"
    if h in _ADDRESSED:
        return "addressed"
    if h in _OUTCOME:
        return "outcome"
    if "timescale" in words and ("progress" in words or "update" in words):
        return "timescale_progress"
    if h.startswith("scope") or h in {"level", "local regional national", "local regional or national"}:
        return "scope"
    if (
        "milestone" in squashed
        or "progress" in words
        or "update" in h
        or h in {"current position", "position", "actions taken"}
    ):
        return "progress" if h not in {"progress status"} else "status"
    if "complet" in squashed or h in {"done", "outcome", "date completed", "date closed", "closed"}:
        return "completion"
    if "rag" in words:
        return "rag"
    if h in {"status", "current status", "action status"}:
        return "status"
    if words & {"target", "deadline", "due", "timescale", "timescales", "timeframe", "when"} or h in {
        "date",
        "time frame",
    }:
        return "target"
    if "evidence" in words:
        return "evidence"
    if "comment" in h or "critical friend" in h or h in {"notes", "note", "remarks", "challenge"}:
        return "comments"
    if (
        "agenc" in squashed
        or "organisation" in h
        or "organization" in h
        or words & {"partner", "partners", "service"}
        or h in {"responsible group", "responsible body", "responsible subgroup", "lead group", "subgroup"}
    ):
        return "agency"
    if words & {"officer", "owner", "person", "manager"} or "named lead" in h or "responsible officer" in h:
        return "owner"
    if h in {"lead", "responsible", "responsibility", "who", "by whom", "action lead", "lead responsible"}:
        return "lead"
    if "action" in h or h in {"what will be done", "task", "tasks", "what"}:
        return "action"
    if "recommend" in h or h == "learning":
        return "recommendation"
    return None


@dataclass
class Columns:
    header_row: int  # index into the grid's rows
    roles: dict[str, int] = field(default_factory=dict)  # role -> first column with it
    extra: dict[str, list[int]] = field(default_factory=dict)  # progress-like roles -> every column
    headings: dict[int, str] = field(default_factory=dict)  # column -> heading text as written
    unknown: list[int] = field(default_factory=list)
    bare_lead: int | None = None

    def has(self, role: str) -> bool:
        return role in self.roles


def map_columns(row: list[object], index: int) -> Columns:
    cols = Columns(index)
    for i, cell in enumerate(row):
        if cell is None or not str(cell).strip():
            continue
        cols.headings[i] = " ".join(str(cell).split())
        role = role_of(cell)
        if role is None:
            cols.unknown.append(i)
            continue
        if role in PROGRESS_ROLES:
            cols.extra.setdefault(role, []).append(i)
        if role not in cols.roles:
            cols.roles[role] = i
        elif role not in PROGRESS_ROLES:
            cols.unknown.append(i)
    if "lead" in cols.roles:
        lead = cols.roles.pop("lead")
        target = "owner" if "agency" in cols.roles else "agency"
        cols.roles.setdefault(target, lead)
        # A bare "Lead" may name people or organisations: the cell decides, and the preview is told.
        cols.bare_lead = lead
    return cols


def score(cols: Columns) -> int:
    """How much a row looks like a header: it needs an action or recommendation column and one more."""
    if not ({"action", "recommendation"} & cols.roles.keys()) or len(cols.roles) < 2:
        return 0
    return len(cols.roles)


def find_header(rows: list[list[object]], look: int = 30) -> Columns | None:
    best: Columns | None = None
    for i, row in enumerate(rows[:look]):
        cols = map_columns(row, i)
        if score(cols) > (score(best) if best else 0):
            best = cols
    return best
