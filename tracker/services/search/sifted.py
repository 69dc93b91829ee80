"""A text search whose other filters find few actions and whose words many: read from the few, each tested.

A search with words reads the actions its longest word finds and tests the other filters on them: quick where the
word is rarer than what the filters find, and slow the other way round. An agency lead's own actions that hold
"MARAC" had the search read the 14,000 that hold it at national scale to keep the agency's 312, once to count them
and again for the page. Where the kept figures say the other filters find no more than `SIFTED_UP_TO` actions, and
the trigrams find the word in more actions' own text than that, the count by colour and the page are read from the
actions the filters find instead, each tested for the words (`text.held_by_row`): a cost that follows the number
the filters find. The search finds the same actions either way; only the way of reading them changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tracker.access.policy import Lister, Sees
from tracker.db import rows_of
from tracker.services import figures
from tracker.services.search.query import ActionFilters
from tracker.services.search.text import own_text_count

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
    asked = own_text_count(max(f.q.split(), key=len), SIFTED_UP_TO + 1)
    found = 0 if asked is None else int(rows_of(*asked).scalar() or 0)
    if found <= _READ_FROM_WORDS:
        return False
    few = figures.count_by_rag(replace(filters, q="", page=1), user, today=today)
    return few is not None and sum(few.values()) < found
