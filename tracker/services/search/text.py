"""Finding actions by the words in them: each table searched once for a word, on its own."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, literal, or_, select, union

from tracker.models import Action, Recommendation, Review
from tracker.models.types import holds_text, may_hold_text
from tracker.models.words import SHORTEST_INDEXED_WORD


def words_match(word: str) -> Any:
    """Actions whose wording, owner, recommendation or review holds the word: each table searched once, alone.

    Where the word is long enough for trigrams, the wording and the recommendations are first narrowed to
    the rows their trigrams find (on SQLite; PostgreSQL's indexes serve the LIKE itself), and each row found
    is still tested with LIKE, so the trigrams change how the rows are found, never which."""

    def pattern(text: str) -> Any:
        return literal("%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%", String())

    lowered = pattern(word.lower())
    ascii_lowered = pattern("".join(c.lower() if c.isascii() else c for c in word))

    def holds(column: Any) -> Any:
        return holds_text(column, lowered, ascii_lowered)

    def narrowed(ids: Any) -> list[Any]:
        if len(word) < SHORTEST_INDEXED_WORD:
            return []
        return [may_hold_text(ids, literal('"' + word.replace('"', '""') + '"', String()))]

    texts = select(Action.id).where(or_(holds(Action.description), holds(Action.owner)), *narrowed(Action.id))
    titles = select(Recommendation.id).where(holds(Recommendation.title), *narrowed(Recommendation.id))
    reviews = select(Review.id).where(or_(holds(Review.reference), holds(Review.title)))
    in_titles = select(Action.id).where(Action.recommendation_id.in_(titles))
    in_reviews = select(Action.id).join(Recommendation).where(Recommendation.review_id.in_(reviews))
    return Action.id.in_(union(texts, in_titles, in_reviews).subquery().select().correlate(None))
