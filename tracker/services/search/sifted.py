"""A text search whose other filters find few actions and whose words many: read from the few, each tested.

A search with words reads the actions its longest word finds and tests the other filters on them: quick where the
word is rarer than what the filters find, and slow the other way round. An agency lead's own actions that hold
"MARAC" had the search read the 14,000 that hold it at national scale to keep the agency's 312, once to count them
and again for the page. Where the kept figures say the other filters find no more than `SIFTED_UP_TO` actions, and
the word stands in more actions' own text than that (by SQLite's trigrams, or PostgreSQL's planner: `_how_common`),
the count by colour and the page are read from the actions the filters find instead, each tested for the words
(`text.held_by_row`): a cost that follows the number the filters find. The search finds the same actions either
way; only the way of reading them changes, so a guess that is wrong costs time, never a row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tracker.access.policy import Lister, Sees
from tracker.db import rows_of
from tracker.services import figures
from tracker.services.search.filters import ActionFilters
from tracker.services.search.text import own_text_count, own_text_estimate

# The most actions the other filters may find for a search to be read from them: 4.2 ms of a count by colour at
# national scale on SQLite for an agency's 3,400, where reading the 14,000 that hold a common word took 12.
SIFTED_UP_TO = 5000
# A word whose trigrams find it in no more actions' own text than this is read from those actions, as before.
_READ_FROM_WORDS = 1000


def applies(filters: ActionFilters, user: Any, today: date) -> bool:
    """Whether the search is better read from the actions its other filters find (as above)."""
    f = filters
    if not f.q:
        return False
    # Neither filtered nor limited to some actions, the search reads its words: the filters find them all.
    if not replace(f, q="").narrowed and Lister.of(user).shape == Sees.EVERYTHING:
        return False
    # How common the word is, first: a rare one (a name, a reference) is read from its few actions, and asks
    # nothing of the kept figures.
    found = _how_common(max(f.q.split(), key=len))
    if found <= _READ_FROM_WORDS:
        return False
    few = figures.count_by_rag(replace(filters, q="", page=1), user, today=today)
    return few is not None and sum(few.values()) < found


def _how_common(word: str) -> int:
    """How many actions hold the word in their own text, near enough: on SQLite, the rows its trigrams find, counted
    no further than `SIFTED_UP_TO`; on PostgreSQL, whose trigram indexes cannot count cheaply (a common word's took
    13 ms at national scale), its planner's guess from its statistics (0.2 ms). 0 for a word too short to say."""
    counted = own_text_count(word, SIFTED_UP_TO + 1)
    if counted is not None:
        return int(rows_of(*counted).scalar() or 0)
    estimated = own_text_estimate(word)
    if estimated is None:
        return 0
    plan: list[dict[str, Any]] = rows_of(*estimated).scalar_one()
    return int(plan[0]["Plan"]["Plan Rows"])
