"""One table row's actions: description, lead agency or owner, dates, completion, status and progress."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from tracker.parsing.columns import Columns
from tracker.parsing.dates import read_completion, read_date
from tracker.parsing.people import Lead, read_lead
from tracker.parsing.result import ImportResult, ParsedAction
from tracker.parsing.text import clean, clean_block, split_numbered_items

_NOT_STARTED = re.compile(r"^\s*(not\s+(yet\s+)?started|none|no\s+progress|n/?a)\W*$", re.I)
_STATUS_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s*not\s+(yet\s+)?started\b", re.I), "not_started"),
    (re.compile(r"^\s*(assured|signed\s+off|closed)\b", re.I), "assured"),
    (re.compile(r"^\s*(complete|completed|done|achieved|finished)\b", re.I), "submitted"),
    (
        re.compile(
            r"^\s*(in\s+progress|on\s+track|started|ongoing|on-going|underway|partially|part\s+complete|delayed|"
            r"behind)\b",
            re.I,
        ),
        "in_progress",
    ),
]
_TIMESCALE_HEAD = re.compile(r"^\s*(?:timescale|target|deadline)\s*:?\s*", re.I)
_PROGRESS_HEAD = re.compile(r"^\s*(?:progress|update)\s*:?\s*", re.I)
_FIRST_PART = re.compile(r"\n|(?<=\S)[.;]\s+|\s+[–—-]\s+")


def text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def date_value(value: object) -> object:
    # A bare number in a date column is an Excel serial date whose cell lost its date format.
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20_000 < value < 80_000:
        from tracker.parsing.xlsx import from_serial

        return from_serial(float(value), epoch1904=False)
    return value


@lru_cache(maxsize=512)
def _lead(cell: str, column: str, prefer: str, known: frozenset[str]) -> Lead:
    # Plans repeat the same few lead cells thousands of times.
    return read_lead(cell, column=column, prefer=prefer, known=known)


def row_actions(
    row: list[object], cols: Columns, where: str, result: ImportResult, known: frozenset[str]
) -> list[ParsedAction]:
    roles = cols.roles

    def raw(role: str) -> object:
        i = roles.get(role)
        return row[i] if i is not None and i < len(row) else None

    items = split_numbered_items(text_of(raw("action")))
    if not items:
        if any(text_of(raw(r)) for r in ("agency", "owner", "target", "completion")):
            result.warn(where, "This row has no action text, so it was not imported.")
        return []
    agency_cells = _paired(text_of(raw("agency")), len(items))
    target_cells = _paired(raw("target"), len(items))
    owner_cell = clean(" ".join(text_of(raw("owner")).splitlines()))
    actions = []
    for n, description in enumerate(items):
        action = ParsedAction(description=description, where=where)
        _set_lead(action, str(agency_cells[n]), owner_cell, cols, result, known)
        progress: list[str] = []
        target = read_date(date_value(target_cells[n]))
        if target.problem:
            result.warn(where, target.problem)
        action.target_date, action.target_text = target.value, target.text
        if cols.has("timescale_progress"):
            _timescale_progress(action, raw("timescale_progress"), progress, where, result)
        for i in cols.extra.get("progress", []):
            if i < len(row) and (t := clean_block(text_of(row[i]))):
                progress.append(t)
        done = read_completion(date_value(raw("completion")))
        action.completed_on = done.on
        if done.progress:
            progress.append(done.progress)
        # Comments are someone's challenge, not progress, so they do not make an action "in progress".
        has_progress = bool(progress) or any(i < len(row) and text_of(row[i]) for i in cols.extra.get("evidence", []))
        for role in ("evidence", "comments", "outcome"):
            for i in cols.extra.get(role, []):
                if i < len(row) and (t := clean_block(text_of(row[i]))):
                    progress.append(f"{cols.headings[i]}: {t}")
        action.progress = "\n".join(progress) or None
        action.status = status_of(
            done.done, text_of(raw("status")), text_of(raw("rag")), progress[0] if has_progress else None, where, result
        )
        actions.append(action)
    return actions


def _paired(value: object, count: int) -> list[object]:
    """One value per action: a cell with one line per numbered action pairs up with them."""
    if count > 1 and isinstance(value, str):
        items = split_numbered_items(value)
        if len(items) == count:
            return list(items)
    return [value] * count


def _set_lead(
    action: ParsedAction, agency_cell: str, owner_cell: str, cols: Columns, result: ImportResult, known: frozenset[str]
) -> None:
    if agency_cell:
        column = cols.headings[cols.roles["agency"]]
        lead = _lead(agency_cell, column, "agency", known)
        action.lead_agency, action.other_agencies = lead.agency, list(lead.others)
        action.owner = lead.owner
        action.notes.extend(lead.notes)
        action.uncertain = lead.doubt
        if lead.agency and lead.others and not lead.owner:
            result.warn(
                action.where,
                f"{column} '{clean(agency_cell)}' names more than one agency; "
                f"{lead.agency} is taken as the lead agency.",
            )
    if owner_cell:
        column = cols.headings[cols.roles["owner"]]
        lead = _lead(owner_cell, column, "owner", known)
        if lead.agency and not lead.owner and not action.lead_agency:
            # An "Owner" cell that names only an organisation says who leads, not who does it.
            action.lead_agency, action.other_agencies = lead.agency, list(lead.others)
            action.notes.extend(lead.notes)
        else:
            action.owner = owner_cell if not action.owner else f"{action.owner} / {owner_cell}"


def _timescale_progress(
    action: ParsedAction, value: object, progress: list[str], where: str, result: ImportResult
) -> None:
    """A SAR tracker's "Timescale/progress": a target first, then what has happened."""
    value = date_value(value)
    if isinstance(value, (date, datetime)):
        action.target_date = read_date(value).value
        return
    text = text_of(value)
    if not text:
        return
    body = _TIMESCALE_HEAD.sub("", text)
    whole = read_date(body)
    if whole.value:
        action.target_date, action.target_text = whole.value, whole.text
        return
    parts = _FIRST_PART.split(body, maxsplit=1)
    head = read_date(parts[0])
    rest = clean_block(_PROGRESS_HEAD.sub("", parts[1])) if len(parts) > 1 else ""
    if head.value or (head.problem and "is not a date" in head.problem):
        action.target_date, action.target_text = head.value, head.text
        if head.problem:
            result.warn(where, head.problem)
    else:
        rest = clean_block(text)
        result.warn(where, f"No target date was found in '{clean(text)}'; the action has no target date.")
    if rest:
        progress.append(rest)


def status_of(done: bool, status: str, rag: str, progress: str | None, where: str, result: ImportResult) -> str:
    # Completion is not assurance: a completed action is "submitted" for the subgroup to assure.
    if done or re.match(r"^\s*(blue|complete|completed)\b", rag, re.I):
        return "submitted"
    if status:
        for pattern, value in _STATUS_WORDS:
            if pattern.match(status):
                if value == "assured":
                    result.warn(
                        where,
                        f"Status '{clean(status)}' was imported as submitted; only the subgroup "
                        "can assure an action in the tracker.",
                    )
                    return "submitted"
                return value
        result.warn(
            where, f"Status '{clean(status)}' was not recognised; the status was worked out from the progress instead."
        )
    if progress and not _NOT_STARTED.match(progress.splitlines()[0]):
        return "in_progress"
    return "not_started"
