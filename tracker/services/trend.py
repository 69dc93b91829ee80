"""RAG at each quarter end, recomputed from the recorded history, for the charts on the summary and overview.

The assurance workbook's Trend sheet reads the same history (`tracker.workbooks.past`), so a figure on
screen and on paper agree. The policy decides whose actions count: a subgroup or board member's
partnerships only, narrowed further to one partnership when the page asks.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.rules.history import quarter_ends
from tracker.workbooks.data import Scope
from tracker.workbooks.filters import ReportFilters
from tracker.workbooks.past import Point, history


def rag_by_quarter(user: Any, *, partnership_id: int | None = None, today: date | None = None) -> list[Point]:
    """RAG at the end of each of the last eight quarters, and now; empty when the user may see no review."""
    today = today or clock.today()
    reach = policy.partnership_ids(user)
    if reach is not None and not reach:
        return []
    if partnership_id is not None:
        within: tuple[int, ...] = (partnership_id,)
    else:
        within = tuple(sorted(reach)) if reach is not None else ()
    scope = Scope(filters=ReportFilters(within=within), today=today, since=today)
    return history(db.session(), scope, quarter_ends(today)).points
