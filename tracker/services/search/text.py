"""Finding actions by the words in them: each table searched once for a word, on its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import CompoundSelect, Select, String, bindparam, func, literal, or_, select, true, union, union_all
from sqlalchemy.sql import Subquery

from tracker.db import dialect
from tracker.models import Action, Recommendation, Review
from tracker.models.types import holds_text, may_hold_text, planned
from tracker.models.words import SHORTEST_INDEXED_WORD, WORDS_OF, matching, words_table

# Where a word may stand, said once: for finding the actions that hold it, and for testing rows already found.
ACTION_TEXT = ("description", "owner")  # the action's own wording and owner, by column name
_RECOMMENDATION_TEXT = (Recommendation.title,)  # its recommendation's lead sentence
_REVIEW_TEXT = (Review.reference, Review.title)  # its review


@dataclass(frozen=True)
class _Places:
    """Where a word may stand: an action's own text, its recommendation's lead sentence, its review."""

    in_text: Any  # the action's wording or owner holds it
    phrase: Any  # the word as a full-text phrase, for the trigrams to narrow; None when it is too short for them
    titled: Any  # recommendations whose lead sentence holds it
    reviewed: Any  # recommendations of reviews whose reference or title holds it


def _patterns(word: str) -> tuple[str, str]:
    """The LIKE patterns of a word: lowered, and with only its ASCII letters lowered (`holds_text`)."""

    def pattern(text: str) -> str:
        return "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"

    return pattern(word.lower()), pattern("".join(c.lower() if c.isascii() else c for c in word))


def _holds(word: str) -> Callable[[Any], Any]:
    """Whether a column holds the word, whatever its case."""
    lowered, ascii_lowered = (literal(pattern, String()) for pattern in _patterns(word))
    return lambda column: holds_text(column, lowered, ascii_lowered)


def _in_text(holds: Callable[[Any], Any]) -> Any:
    """Whether the action's own wording or owner holds the word, `holds` testing each column."""
    return or_(*(holds(Action.__table__.c[name]) for name in ACTION_TEXT))


def _phrase(word: str) -> str:
    """The word as a full-text phrase, its quotes doubled: every letter of it a letter to find."""
    return '"' + word.replace('"', '""') + '"'


def _places(word: str) -> _Places:
    """Where the word is long enough for trigrams, the wording and the recommendations are first narrowed to
    the rows their trigrams find (on SQLite; PostgreSQL's indexes serve the LIKE itself), and each row found
    is still tested with LIKE, so the trigrams change how the rows are found, never which."""

    holds = _holds(word)
    phrase = literal(_phrase(word), String()) if len(word) >= SHORTEST_INDEXED_WORD else None
    narrowed = [] if phrase is None else [may_hold_text(Recommendation.id, phrase)]
    reviews = select(Review.id).where(or_(*map(holds, _REVIEW_TEXT)))
    return _Places(
        in_text=_in_text(holds),
        phrase=phrase,
        titled=select(Recommendation.id).where(or_(*map(holds, _RECOMMENDATION_TEXT)), *narrowed),
        reviewed=select(Recommendation.id).where(Recommendation.review_id.in_(reviews)),
    )


def words_match(word: str, ids: Any = Action.id) -> Any:
    """Actions whose wording, owner, recommendation or review holds the word: each table searched once, alone.
    `ids` stands for the actions' ids where the rows tested are not the actions table's own."""
    return ids.in_(_holding(word, [Action.id]).subquery().select().correlate(None))


def held_by_row(word: str) -> Any:
    """The word in any of its places, tested on each action read: its own wording and owner in the row, and its
    recommendation among the few whose lead sentence or review holds the word (each found once, as a set), rather
    than every action that holds the word found first: for a read of a few actions (an agency's) that a common
    word would have had gather thousands."""
    at = _places(word)
    return or_(at.in_text, Action.recommendation_id.in_(at.titled), Action.recommendation_id.in_(at.reviewed))


def own_text_count(word: str, bound: int) -> tuple[Any, dict[str, Any]] | None:
    """A statement of how many actions the trigrams find the word in the wording or owner of, counted no further
    than `bound`, with its values: more than the actions that hold it there, never fewer. On SQLite, for a word its
    trigrams can find; else None."""
    if len(word) < SHORTEST_INDEXED_WORD or dialect() != "sqlite":
        return None
    return _own_text_counted(), {"phrase": _phrase(word), "bound": bound}


@cache
def _own_text_counted() -> Select[Any]:
    # Built once, its values bound: asked of every search whose filters find few actions, and built each time it
    # cost more than it took to run (0.04 ms) for a rare word.
    words = words_table(WORDS_OF[Action.__tablename__])
    found = select(words.c.rowid).where(matching(words, bindparam("phrase", type_=String()))).limit(bindparam("bound"))
    return select(func.count()).select_from(found.subquery())


def own_text_estimate(word: str) -> tuple[Any, dict[str, Any]] | None:
    """A statement of how many actions PostgreSQL's planner expects to hold the word in their wording or owner,
    from the statistics it keeps of that text, reading none of them (EXPLAIN), with its values: its plan as JSON,
    whose first node's "Plan Rows" is the guess. On PostgreSQL, for a word its trigrams can find; else None."""
    if len(word) < SHORTEST_INDEXED_WORD or dialect() != "postgresql":
        return None
    lowered, ascii_lowered = _patterns(word)
    return _own_text_explained(), {"lowered": lowered, "ascii_lowered": ascii_lowered}


@cache
def _own_text_explained() -> planned:
    # The patterns are bound, not written in: a statement PostgreSQL explains is planned afresh each time, with the
    # values it is given, whether the driver has prepared it or not.
    lowered, ascii_lowered = bindparam("lowered", type_=String()), bindparam("ascii_lowered", type_=String())
    return planned(select(Action.id).where(_in_text(lambda column: holds_text(column, lowered, ascii_lowered))))


def held_in_row(word: str, found: Any) -> Any:
    """The word in any of its places, tested on each row of actions already found and joined to their
    recommendation and review: for the second and later words of a search, on the rows the first word found,
    rather than finding every action that holds them too. `found` carries the action's `ACTION_TEXT`."""
    holds = _holds(word)
    return or_(*(holds(found.c[name]) for name in ACTION_TEXT), *map(holds, [*_RECOMMENDATION_TEXT, *_REVIEW_TEXT]))


def actions_holding(word: str, columns: list[str], *, streamed: bool = False) -> Subquery:
    """Every action that holds the word, each once, with these of its columns: the rows `words_match` finds, for
    a search's count and page that read each row as it is found, where a list of ids would be looked up again.
    `streamed`: each place leaves out the actions an earlier place found, so that no row is told apart from
    another and the rows come as they are found: a count that stops at a bound reads no further. SQLite always
    reads them so: setting every row aside to tell them apart took it half the time of reading the actions a
    common word finds (22 to 11 ms at national scale for an agency's actions that hold "MARAC"), where PostgreSQL
    told them apart sooner than it tested each place's rows against the others' (13 against 16 ms)."""
    row = [Action.__table__.c[name] for name in columns]
    return _holding(word, row, streamed=streamed or dialect() == "sqlite").subquery("found")


def _holding(word: str, row: list[Any], *, streamed: bool = False) -> CompoundSelect[Any]:
    at = _places(word)
    texts = _in_own_text(at, row)
    in_titles = select(*row).where(Action.recommendation_id.in_(at.titled))
    in_reviews = select(*row).where(Action.recommendation_id.in_(at.reviewed))
    if not streamed:
        return union(texts, in_titles, in_reviews)
    # Each place leaves out what an earlier one found. A missing owner makes the test unknown rather than
    # false: "is not true" leaves such a row in.
    not_in_text = at.in_text.self_group().is_not(true())
    in_reviews = in_reviews.where(not_in_text, Action.recommendation_id.not_in(at.titled))
    return union_all(texts, in_titles.where(not_in_text), in_reviews)


def _in_own_text(at: _Places, row: list[Any]) -> Select[Any]:
    """The actions whose wording or owner holds the word. On SQLite, read from the rows its trigrams find, as they
    are found: asked as the ids among them, SQLite first gathers every id they find (14,000 for a word that a
    tenth of a national body's actions hold) before it tests a row, and a count that stops at a bound waits
    for them all."""
    texts = select(*row).where(at.in_text)
    if at.phrase is None or dialect() != "sqlite":
        return texts
    words = words_table(WORDS_OF[Action.__tablename__])
    found = words.join(Action.__table__, words.c.rowid == Action.id)
    return texts.select_from(found).where(matching(words, at.phrase))
