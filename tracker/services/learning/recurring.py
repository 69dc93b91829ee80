"""Recurring learning: the earlier recommendations that say the same thing, and the clusters of them.

"Recommended in DHR-2019-03 and LLR-2021-01; the action there was assured in 2021." Clusters come from
the matcher's index (`tracker.services.learning.index`), largest first; each lists its reviews in the
order they were made, and whether the earlier ones' actions were assured before the learning came back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from tracker.access import policy
from tracker.db import db
from tracker.models import LearningFingerprint, LearningLink, Recommendation, Review
from tracker.models.learning import LearningCluster
from tracker.models.live import live_recommendations
from tracker.rules.learning.matching import Reading, recommendation_text
from tracker.services.learning import finding
from tracker.services.learning.outcomes import Outcome, outcomes, review_year

PAGE_SIZE = 10
# The members a cluster shows on the page, oldest review first; the workbook's Recurring sheet lists them all.
SHOWN = 10


@dataclass
class Earlier:
    """One recommendation that says the same thing, with where it was made and what became of it."""

    recommendation: Recommendation
    score: float
    outcome: Outcome

    @property
    def review(self) -> Review:
        return self.recommendation.review

    @property
    def year(self) -> int:
        return review_year(self.recommendation.review)

    @property
    def sentence(self) -> str:
        return f"Recommended in {self.review.reference} ({self.year}); {self.outcome.text}."


def _load(user: Any, scores: dict[int, float], known: dict[int, Outcome] | None = None) -> list[Earlier]:
    if not scores:
        return []
    found = db.session.scalars(
        live_recommendations()
        .where(Recommendation.id.in_(scores), policy.visible_reviews(user))
        .options(joinedload(Recommendation.review))
    ).all()
    done = known if known is not None else outcomes([r.id for r in found])
    rows = [Earlier(r, scores[r.id], done[r.id]) for r in found]
    return sorted(rows, key=lambda e: (-e.score, e.recommendation.id))


def similar_to_text(
    user: Any, *, title: str, text: str = "", learning: str | None = None, exclude_review_id: int | None = None
) -> list[Earlier]:
    """What the tracker already holds that says what this (new or imported) recommendation says."""
    reading = Reading.of(recommendation_text(title, text, learning))
    found = finding.search(reading, limit=20)
    earlier = _load(user, {f.recommendation_id: f.score for f in found})
    return [e for e in earlier if e.recommendation.review_id != exclude_review_id][:8]


def similar_to(user: Any, recommendation: Recommendation) -> list[Earlier]:
    """The recommendations linked to this one in the index, from other reviews."""
    links = dict(
        db.session.execute(
            select(LearningLink.other_id, LearningLink.score).where(LearningLink.recommendation_id == recommendation.id)
        ).all()
    )
    return [e for e in _load(user, links) if e.recommendation.review_id != recommendation.review_id]


@dataclass(frozen=True)
class Said:
    """Where and when one member of a cluster was said, and what became of it: enough for the verdict."""

    recommendation_id: int
    reference: str
    year: int
    outcome: Outcome

    @property
    def sentence(self) -> str:
        return f"Recommended in {self.reference} ({self.year}); {self.outcome.text}."


@dataclass
class Cluster:
    ident: int
    # The members shown, oldest review first; `said` holds every member when only some are shown.
    members: list[Earlier] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)

    @property
    def everyone(self) -> list[Said]:
        if self.said:
            return self.said
        return [Said(m.recommendation.id, m.review.reference, m.year, m.outcome) for m in self.members]

    @property
    def size(self) -> int:
        return len(self.everyone)

    @property
    def hidden(self) -> int:
        """How many members the page leaves out."""
        return self.size - len(self.members)

    @property
    def references(self) -> list[str]:
        return list(dict.fromkeys(m.reference for m in self.everyone))

    @property
    def earlier(self) -> list[Said]:
        """Every member but those of the latest review: the times the learning was made before."""
        everyone = self.everyone
        latest = max(m.year for m in everyone)
        return [m for m in everyone if m.year < latest] or everyone[:-1]

    @property
    def earlier_assured(self) -> str:
        earlier = self.earlier
        assured = sum(1 for m in earlier if m.outcome.all_assured)
        if not earlier:
            return "No earlier recommendation"
        if assured == len(earlier):
            return "Yes: every earlier recommendation's actions were assured"
        if assured:
            return f"Partly: {assured} of {len(earlier)} earlier recommendations fully assured"
        return "No: no earlier recommendation's actions were all assured"

    @property
    def summary(self) -> str:
        first = min(self.members, key=lambda m: (m.year, m.recommendation.id))
        return first.recommendation.title


def cluster_count(user: Any) -> int:
    return len(_cluster_sizes(user))


def _cluster_sizes(user: Any) -> list[tuple[int, int]]:
    """Each cluster across two or more reviews the user may see, with how many, largest first."""
    if not policy.limited_to_partnerships(user) and not policy.limited_to_own_agency(user):
        # Whoever sees every review sees the counts the index keeps.
        kept = (
            select(LearningCluster.cluster_id, LearningCluster.reviews)
            .where(LearningCluster.reviews > 1)
            .order_by(LearningCluster.reviews.desc(), LearningCluster.cluster_id)
        )
        return [(int(c), int(n)) for c, n in db.session.execute(kept)]
    query = (
        select(LearningFingerprint.cluster_id, func.count(func.distinct(Review.id)))
        .join(Recommendation, Recommendation.id == LearningFingerprint.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
        .where(LearningFingerprint.cluster_id.is_not(None), policy.visible_reviews(user))
        .group_by(LearningFingerprint.cluster_id)
    )
    sizes = [(int(c), int(n)) for c, n in db.session.execute(query) if c is not None and n > 1]
    return sorted(sizes, key=lambda row: (-row[1], row[0]))


def clusters(
    user: Any, *, page: int = 1, size: int = PAGE_SIZE, shown: int | None = SHOWN
) -> tuple[list[Cluster], int]:
    """Clusters of recurring learning across at least two reviews, largest first; and how many there are.

    Each cluster's verdict counts every member; only the `shown` oldest are loaded in full (all when None)."""
    sizes = _cluster_sizes(user)
    chosen = [c for c, _ in sizes[(page - 1) * size : page * size]]
    if not chosen:
        return [], len(sizes)
    rows = db.session.execute(
        live_recommendations()
        .join(LearningFingerprint, LearningFingerprint.recommendation_id == Recommendation.id)
        .with_only_columns(
            LearningFingerprint.cluster_id,
            Recommendation.id,
            Review.reference,
            Review.published_on,
            Review.completed_on,
            Review.commissioned_on,
            Review.created_at,
            Recommendation.position,
        )
        .where(LearningFingerprint.cluster_id.in_(chosen), policy.visible_reviews(user))
    ).all()
    ordered = sorted(rows, key=lambda r: (_year(*r[3:7]), r[2], r[7], r[1]))
    first: dict[int | None, list[int]] = {}
    for row in ordered:
        first.setdefault(row[0], []).append(row[1])
    shown_ids = [i for ids in first.values() for i in ids[:shown]]
    done = outcomes([r[1] for r in rows], dated=shown_ids)
    found = {c: Cluster(c) for c in chosen}
    for cluster_id, rec_id, reference, *dates, _ in ordered:
        if cluster_id is not None:
            found[cluster_id].said.append(Said(rec_id, reference, _year(*dates), done[rec_id]))
    wanted = {m.recommendation_id: 1.0 for c in found.values() for m in c.said[:shown]}
    loaded = {e.recommendation.id: e for e in _load(user, wanted, done)}
    for cluster in found.values():
        cluster.members = [loaded[m.recommendation_id] for m in cluster.said[:shown] if m.recommendation_id in loaded]
    return [found[c] for c in chosen], len(sizes)


def _year(published: Any, completed: Any, commissioned: Any, created: Any) -> int:
    """`review_year` from the review's dates as columns."""
    return int((published or completed or commissioned or created.date()).year)


def cluster_for(user: Any, cluster_id: int) -> Cluster | None:
    members = list(
        db.session.scalars(
            select(LearningFingerprint.recommendation_id).where(LearningFingerprint.cluster_id == cluster_id)
        )
    )
    loaded = _load(user, dict.fromkeys(members, 1.0))
    if len({m.review.id for m in loaded}) < 2:
        return None
    cluster = Cluster(cluster_id, sorted(loaded, key=lambda m: (m.year, m.review.reference)))
    return cluster


def cluster_summary(cluster: Cluster) -> dict[str, object]:
    """A cluster as plain values, for the command line's JSON."""
    return {
        "cluster": cluster.ident,
        "reviews": len(cluster.references),
        "summary": cluster.summary,
        "earlier_assured": cluster.earlier_assured,
        "recommendations": [
            {
                "review": m.review.reference,
                "number": m.recommendation.number,
                "year": m.year,
                "title": m.recommendation.title,
                "outcome": m.outcome.text,
                "implementation": m.outcome.implementation.label,
            }
            for m in cluster.members
        ],
    }
