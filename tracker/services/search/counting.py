"""The matching actions as a count reads them, in no order: by colour for a search's total, by lead agency for
where its page falls when sorted by agency.

A count reads every matching action, so its filters are said as an index that holds what it counts can answer
them, where a page keeps them as they are (its own plan walks another index in order and stops).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, func

from tracker.db import rows_of
from tracker.models import Action
from tracker.models.actions import due_on_or_before
from tracker.models.types import not_indexed
from tracker.rules.rag import Rag, overdue_from_red_day_sql, rag_among_sql
from tracker.services import figures
from tracker.services.search import built
from tracker.services.search.filters import ActionFilters
from tracker.services.search.query import counted_statement


def statement(filters: ActionFilters, user: Any, today: date, *, sifted: bool = False) -> Select[Any]:
    """Every matching action, to be counted. `sifted`: as `query.conditions`' `tested`."""
    said: list[Any] = []
    if filters.overdue:
        # Overdue actions (due before a day) are said as the days they turned red, which an index holds: by their
        # status and target date, SQLite read every action due before the day asked, open or closed (the subgroup's
        # long overdue ones: 100,000 read for 12,000, 145 ms at national scale, and 16 ms so).
        said = [overdue_from_red_day_sql(red_from=Action.red_from, today=today, due_before=filters.due_before)]
        filters = replace(filters, overdue=False, due_before=None)
    elif filters.due_before:
        # The actions due on or before a day are read from the index of every action in date order, which holds
        # what colours them, whether they stand and their lead agency (120,000 rows read at national scale for a day
        # last month: 130 ms, and 30 so). A page keeps their target date, since SQLite then walks the reviews or
        # lead agencies in order rather than sorting every action the index finds.
        said = [due_on_or_before(filters.due_before)]
        filters = replace(filters, due_before=None)
    return counted_statement(filters, user, today=today, tested=sifted).where(*said)


def by_colour(amber_from: Any, red_from: Any, today: date) -> list[Any]:
    """A count of each colour in turn, in one row: grouped by colour, SQLite sorted every row counted by it (the
    actions due before a day last month at national scale: 36 ms, of which the sorting 14)."""
    return [
        func.count().filter(rag_among_sql([rag], amber_from=amber_from, red_from=red_from, today=today)) for rag in Rag
    ]


def by_agency(filters: ActionFilters, user: Any, today: date) -> dict[int | None, int] | None:
    """How many matching actions each lead agency leads (None for those without one): from the kept figures where
    they can say, else counted from the actions. None for a search with words, whose count stops at a bound."""
    kept = figures.count_by_agency(filters, user, today=today)
    if kept is not None or filters.q:
        return kept
    counted = rows_of(built.once(_by_agency, replace(filters, page=1), user, today)).all()
    return {agency: int(n) for agency, n in counted}


def _by_agency(filters: ActionFilters, user: Any, today: date) -> Any:
    # Grouped by the agency as it stands, not by its index: SQLite otherwise read every action in agency order, each
    # row looked up, to test the filters (the actions due before a day: 150 ms, and 57 ms from the index of date
    # order that holds what they test).
    agency = not_indexed(Action.lead_agency_id)
    return statement(filters, user, today).with_only_columns(agency, func.count()).group_by(agency)
