"""Finding the indexed recommendations that say what a text says: for one text, or for many at once.

Many at once is what an import of a national plan needs: a few queries for a batch of texts instead of a
few for each, and each candidate read and weighed once however many texts it is a candidate for. Both ask
the same question the same way, so one text gets the same answer either way.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import func, select

from tracker.db import db
from tracker.models import LearningFingerprint, LearningTerm
from tracker.rules.learning.matching import (
    THRESHOLD,
    Frequencies,
    Reading,
    Vectors,
    idf,
    same_learning,
    similarity,
    vectors,
)

# How many recommendations are scored in full for one text, and how many of its rarest terms pick them.
CANDIDATES = 100
PICKING_TERMS = 12
MAX_TERM = 80
# The picking terms' postings read for one text: past this, commoner terms are left out (the three rarest never
# are), so that finding candidates costs the same at national scale as in one partnership.
POSTINGS = 12_000
MIN_PICKING = 3
# Texts asked about together, and the values one statement may carry (SQLite's limit is well above it).
BATCH = 200
CHUNK = 900

T = TypeVar("T")


@dataclass(frozen=True)
class Found:
    recommendation_id: int
    score: float


def _chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def picking(rarest_first: list[str], counts: Mapping[str, int]) -> list[str]:
    """The terms that pick a text's candidates: its rarest, while their postings stay within `POSTINGS`."""
    chosen: list[str] = []
    read = 0
    for term in rarest_first[:PICKING_TERMS]:
        read += counts[term]
        if len(chosen) >= MIN_PICKING and read > POSTINGS:
            break
        chosen.append(term)
    return chosen


@dataclass
class _Collection:
    """What the index holds, read as it is needed and kept for the rest of the question."""

    documents: int
    frequencies: Frequencies = field(init=False)
    known: set[str] = field(default_factory=set)
    stored: dict[int, Reading] = field(default_factory=dict)
    weighed: dict[int, Vectors] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.frequencies = Frequencies(documents=self.documents)

    def count(self, terms: Iterable[str]) -> None:
        wanted = sorted({t for t in terms if t not in self.known})
        for chunk in _chunks(wanted):
            rows = db.session.execute(
                select(LearningTerm.term, func.count()).where(LearningTerm.term.in_(chunk)).group_by(LearningTerm.term)
            )
            self.frequencies.counts.update({term: int(n) for term, n in rows.all()})
        self.known.update(wanted)

    def read(self, ids: Iterable[int]) -> None:
        wanted = sorted({i for i in ids if i not in self.stored})
        for chunk in _chunks(wanted):
            rows = db.session.execute(
                select(LearningFingerprint.recommendation_id, LearningFingerprint.terms).where(
                    LearningFingerprint.recommendation_id.in_(chunk)
                )
            )
            self.stored.update((i, Reading.stored(t)) for i, t in rows.all())
        self.count(term for i in wanted if i in self.stored for term in self.stored[i].vocabulary)

    def vectors_of(self, ident: int) -> Vectors:
        if ident not in self.weighed:
            self.weighed[ident] = vectors(self.stored[ident], self.frequencies)
        return self.weighed[ident]


def _postings(terms: Collection[str]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted(terms)):
        rows = db.session.execute(
            select(LearningTerm.term, LearningTerm.recommendation_id).where(LearningTerm.term.in_(chunk))
        )
        for term, ident in rows.all():
            postings[term].append(ident)
    return postings


def _candidates(
    present: list[str], weights: Mapping[str, float], postings: Mapping[str, list[int]], n: int
) -> list[int]:
    """The `n` recommendations sharing the most weight of `present`, heaviest first, then by id."""
    scores: dict[int, float] = defaultdict(float)
    for term in present:
        weight = weights[term]
        for ident in postings.get(term, ()):
            scores[ident] += weight
    return [i for _, i in heapq.nsmallest(n, ((-s, i) for i, s in scores.items()))]


def search_many(
    asked: Sequence[tuple[Reading, Collection[int]]], *, limit: int = 10, threshold: float = THRESHOLD
) -> list[list[Found]]:
    """For each (reading, ids to leave out), the indexed recommendations that say the same, best first."""
    answers: list[list[Found]] = [[] for _ in asked]
    documents = db.session.scalar(select(func.count()).select_from(LearningFingerprint)) or 0
    if not documents:
        return answers
    index = _Collection(documents)
    vocabularies = [{t for t in reading.vocabulary if len(t) <= MAX_TERM} for reading, _ in asked]
    for start in range(0, len(asked), BATCH):
        batch = range(start, min(start + BATCH, len(asked)))
        index.count(t for i in batch for t in vocabularies[i])
        counts = index.frequencies.counts
        picked: dict[int, list[str]] = {}
        for i in batch:
            present = sorted((t for t in vocabularies[i] if counts.get(t)), key=lambda t: (counts[t], t))
            picked[i] = picking(present, counts)
        postings = _postings({t for terms in picked.values() for t in terms})
        chosen: dict[int, list[int]] = {}
        for i in batch:
            exclude = asked[i][1]
            weights = {t: idf(counts[t], documents) for t in picked[i]}
            ranked = _candidates(picked[i], weights, postings, CANDIDATES + len(exclude))
            chosen[i] = [c for c in ranked if c not in exclude][:CANDIDATES]
        index.read(c for ids in chosen.values() for c in ids)
        for i in batch:
            if not chosen[i]:
                continue
            mine = vectors(asked[i][0], index.frequencies)
            found = [Found(c, similarity(mine, index.vectors_of(c))) for c in chosen[i] if c in index.stored]
            found = [f for f in found if same_learning(f.score, threshold)]
            answers[i] = sorted(found, key=lambda f: (-f.score, f.recommendation_id))[:limit]
    return answers


def search(
    reading: Reading, *, exclude: Collection[int] = (), limit: int = 10, threshold: float = THRESHOLD
) -> list[Found]:
    """The indexed recommendations that say what `reading` says, best first."""
    return search_many([(reading, exclude)], limit=limit, threshold=threshold)[0]
