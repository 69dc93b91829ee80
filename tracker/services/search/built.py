"""The action search's statements built once for each search, kind of user and day, and kept.

Made from a search's filters on each request, a page's statements cost more to build (and SQLAlchemy's key for
finding their compiled form more to work out) than to read at national scale: an agency's drifting actions took
2 ms of Python for 0.4 ms of SQL. A person's lists come round again (the home page's links, the list as it first
opens, its pages either side), and so do everyone's who may list the same actions, so each statement is kept,
keyed by everything that builds it: the filters, what the user may list (`policy.Lister`, which is all a builder is
handed of the user, and which refuses to say anything else of them), the day, the database's dialect and the
builder's own arguments. The least recently asked for are let go beyond `KEPT`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from tracker.access.policy import Lister
from tracker.db import dialect
from tracker.services.search.filters import ActionFilters

T = TypeVar("T")

# Statements kept at most, in each process. Measured at national scale, a statement of a search by agency kept 18 KB
# and one of a text search 110 KB (with its memoised cache key): 128 of them, 2 to 14 MB.
KEPT = 128


def once(build: Callable[..., T], filters: ActionFilters, user: Any, today: date, *rest: Hashable) -> T:
    """`build(filters, lister, today, *rest)`, built the first time it is asked for and kept. `build` reads nothing
    but its arguments (and the dialect); it may not read the database."""
    return _kept(build, filters, Lister.of(user), today, dialect(), rest)  # type: ignore[no-any-return]


@lru_cache(maxsize=KEPT)
def _kept(
    build: Callable[..., Any], filters: ActionFilters, lister: Lister, today: date, spoken: str, rest: tuple[Any, ...]
) -> Any:
    return build(filters, lister, today, *rest)
