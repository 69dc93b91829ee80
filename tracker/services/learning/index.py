"""The matcher's index: what each live recommendation says, which earlier ones say the same, and the clusters.

`refresh_all` rebuilds it (the `learning refresh` command, after a large import, or to start); `refresh`
keeps it current when recommendations are added, changed, withdrawn or imported, asking `finding` about all
of them at once. `search` (in `finding`) finds the recommendations that say what a new text says without
reading them all: the text's rarest terms pick at most `CANDIDATES` recommendations from the term index, and
only those are scored in full.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable

from sqlalchemy import delete, func, insert, or_, select, update

from tracker.db import db
from tracker.models import LearningFingerprint, LearningLink, LearningTerm, Recommendation
from tracker.models.learning import LearningCluster
from tracker.models.live import live_recommendations
from tracker.rules.learning.matching import (
    Frequencies,
    Reading,
    recommendation_text,
    same_learning,
    similarity,
    vectors,
)
from tracker.services.learning.finding import MAX_TERM, picking, search_many

# A rebuild scores fewer for each text, since each pair is met from both ends; and each recommendation keeps
# links to the closest few that say the same (learning made in a hundred reviews is not a hundred links each).
REBUILD_CANDIDATES = 60
LINKS = 20


def reading_of(recommendation: Recommendation) -> Reading:
    return Reading.of(recommendation_text(recommendation.title, recommendation.text, recommendation.learning))


def _forget(ids: Collection[int]) -> set[int]:
    """Drop these recommendations from the index; answer the neighbours they had."""
    if not ids:
        return set()
    neighbours = set(db.session.scalars(select(LearningLink.other_id).where(LearningLink.recommendation_id.in_(ids))))
    db.session.execute(delete(LearningTerm).where(LearningTerm.recommendation_id.in_(ids)))
    db.session.execute(
        delete(LearningLink).where(or_(LearningLink.recommendation_id.in_(ids), LearningLink.other_id.in_(ids)))
    )
    db.session.execute(delete(LearningFingerprint).where(LearningFingerprint.recommendation_id.in_(ids)))
    return neighbours - set(ids)


def _store(rows: Iterable[tuple[int, Reading]]) -> None:
    fingerprints: list[dict[str, object]] = []
    terms: list[dict[str, object]] = []
    for ident, reading in rows:
        fingerprints.append({"recommendation_id": ident, "terms": reading.joined})
        terms.extend({"recommendation_id": ident, "term": t} for t in reading.vocabulary if len(t) <= MAX_TERM)
    if fingerprints:
        db.session.execute(insert(LearningFingerprint), fingerprints)
    if terms:
        db.session.execute(insert(LearningTerm), terms)


def _link(pairs: dict[tuple[int, int], float]) -> None:
    rows = []
    for (a, b), score in pairs.items():
        rows.append({"recommendation_id": a, "other_id": b, "score": round(score, 4)})
        rows.append({"recommendation_id": b, "other_id": a, "score": round(score, 4)})
    if rows:
        db.session.execute(insert(LearningLink), rows)


def refresh(recommendation_ids: Iterable[int]) -> None:
    """Re-read these recommendations (added, changed or withdrawn) and mend the clusters they touch."""
    ids = set(recommendation_ids)
    if not ids:
        return
    db.session.flush()
    touched = _forget(ids) | ids
    live = list(
        db.session.scalars(live_recommendations().where(Recommendation.id.in_(ids)).order_by(Recommendation.id))
    )
    readings = [(r.id, reading_of(r)) for r in live]
    _store(readings)
    pairs: dict[tuple[int, int], float] = {}
    answers = search_many([(reading, {ident}) for ident, reading in readings], limit=LINKS)
    for (ident, _), found_here in zip(readings, answers, strict=True):
        for found in found_here:
            pairs[(min(ident, found.recommendation_id), max(ident, found.recommendation_id))] = found.score
    _link(pairs)
    touched |= {i for pair in pairs for i in pair}
    _recluster(touched)


def set_aside(recommendation_ids: Iterable[int]) -> None:
    """Take these recommendations out of the index until `catch_up` reads them: what an import too large to
    read in its own transaction does, so that the plan lands first and the matcher reads it straight after."""
    ids = set(recommendation_ids)
    if ids:
        db.session.flush()
        _recluster(_forget(ids))


def catch_up(batch: int = 500, progress: Callable[[int, int], None] | None = None) -> int:
    """Read into the index every live recommendation it does not hold yet; answer how many were read."""
    indexed = select(LearningFingerprint.recommendation_id).where(
        LearningFingerprint.recommendation_id == Recommendation.id
    )
    missing = list(
        db.session.scalars(live_recommendations().with_only_columns(Recommendation.id).where(~indexed.exists()))
    )
    for start in range(0, len(missing), batch):
        if progress:
            progress(start, len(missing))
        refresh(missing[start : start + batch])
    return len(missing)


def _recluster(touched: set[int]) -> None:
    """Lay out again the clusters the touched recommendations were in, as `stars` would, keeping the rest."""
    if not touched:
        return
    old = set(
        db.session.scalars(
            select(LearningFingerprint.cluster_id).where(
                LearningFingerprint.recommendation_id.in_(touched), LearningFingerprint.cluster_id.is_not(None)
            )
        )
    )
    affected = set(touched)
    if old:
        affected |= set(
            db.session.scalars(
                select(LearningFingerprint.recommendation_id).where(LearningFingerprint.cluster_id.in_(old))
            )
        )
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in db.session.execute(
        select(LearningLink.recommendation_id, LearningLink.other_id).where(
            LearningLink.recommendation_id.in_(affected)
        )
    ):
        neighbours[a].add(b)
    outside = {n for found in neighbours.values() for n in found} - affected
    # Outside the affected clusters, a recommendation heads its cluster, or is alone (None), or is a member.
    standing = dict(
        db.session.execute(
            select(LearningFingerprint.recommendation_id, LearningFingerprint.cluster_id).where(
                LearningFingerprint.recommendation_id.in_(outside)
            )
        ).all()
    )
    heads = {n for n, c in standing.items() if c == n}
    alone = {n for n, c in standing.items() if c is None}
    placed: dict[int, int] = {}
    for node in sorted(affected):
        if node in placed:
            continue
        earlier = sorted(n for n in neighbours[node] if n < node and (n in heads or n in alone))
        if earlier:
            placed[node] = placed[earlier[0]] = earlier[0]
            alone.discard(earlier[0])
            heads.add(earlier[0])
            continue
        taken = [n for n in neighbours[node] if n > node and n not in placed and (n in affected or n in alone)]
        if taken:
            placed[node] = node
            for n in taken:
                placed[n] = node
                alone.discard(n)
    db.session.execute(
        update(LearningFingerprint).where(LearningFingerprint.recommendation_id.in_(affected)).values(cluster_id=None)
    )
    _write_clusters(placed)
    _count({c for c in old if c is not None} | set(placed.values()))


def _count(cluster_ids: Collection[int] | None) -> None:
    """Count these clusters again (every cluster when None): the reviews and recommendations each spans."""
    if cluster_ids is not None and not cluster_ids:
        return
    gone = delete(LearningCluster)
    counted = (
        select(
            LearningFingerprint.cluster_id,
            func.count(func.distinct(Recommendation.review_id)),
            func.count(LearningFingerprint.recommendation_id),
        )
        .join(Recommendation, Recommendation.id == LearningFingerprint.recommendation_id)
        .where(LearningFingerprint.cluster_id.is_not(None))
        .group_by(LearningFingerprint.cluster_id)
    )
    if cluster_ids is not None:
        gone = gone.where(LearningCluster.cluster_id.in_(cluster_ids))
        counted = counted.where(LearningFingerprint.cluster_id.in_(cluster_ids))
    db.session.execute(gone)
    db.session.execute(
        insert(LearningCluster).from_select(
            [LearningCluster.cluster_id, LearningCluster.reviews, LearningCluster.members], counted
        )
    )


def _write_clusters(placed: dict[int, int]) -> None:
    by_cluster: dict[int, list[int]] = defaultdict(list)
    for ident, cluster in placed.items():
        by_cluster[cluster].append(ident)
    for cluster, members in by_cluster.items():
        db.session.execute(
            update(LearningFingerprint)
            .where(LearningFingerprint.recommendation_id.in_(members))
            .values(cluster_id=cluster)
        )


def refresh_all() -> int:
    """Rebuild the whole index from the live recommendations; answer how many were read."""
    db.session.flush()
    db.session.execute(delete(LearningLink))
    db.session.execute(delete(LearningTerm))
    db.session.execute(delete(LearningCluster))
    db.session.execute(delete(LearningFingerprint))
    rows = db.session.execute(
        live_recommendations().with_only_columns(
            Recommendation.id, Recommendation.title, Recommendation.text, Recommendation.learning
        )
    ).all()
    readings = {ident: Reading.of(recommendation_text(title, text, learning)) for ident, title, text, learning in rows}
    _store(readings.items())
    pairs = match_all(readings)
    _link(pairs)
    _write_clusters(stars(pairs))
    _count(None)
    return len(readings)


def match_all(readings: dict[int, Reading]) -> dict[tuple[int, int], float]:
    """Every pair that says the same thing, in memory: each text's rarest terms pick its candidates."""
    frequencies = Frequencies.of(readings.values())
    postings: dict[str, list[int]] = defaultdict(list)
    for ident, reading in readings.items():
        for term in reading.vocabulary:
            postings[term].append(ident)
    made = {ident: vectors(r, frequencies) for ident, r in readings.items()}
    found: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for ident, reading in readings.items():
        rarest = sorted(reading.vocabulary, key=lambda t: frequencies.counts[t])
        votes: dict[int, float] = defaultdict(float)
        for term in picking(rarest, frequencies.counts):
            weight = frequencies.weight(term)
            for other in postings[term]:
                if other > ident:
                    votes[other] += weight
        for other in heapq.nlargest(REBUILD_CANDIDATES, votes, key=votes.__getitem__):
            score = similarity(made[ident], made[other])
            if same_learning(score):
                found[ident].append((score, other))
                found[other].append((score, ident))
    # A pair is kept when it is among the closest `LINKS` of either of its recommendations.
    pairs: dict[tuple[int, int], float] = {}
    for ident, scored in found.items():
        for score, other in heapq.nlargest(LINKS, scored):
            pairs[(min(ident, other), max(ident, other))] = score
    return pairs


def stars(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Clusters as stars, so that learning is never chained to unrelated learning through a third recommendation.

    In the order recommendations were added, each one not yet placed that says the same as others not yet
    placed heads a cluster and takes them in: every member says the same as its cluster's first
    recommendation. Answers each clustered recommendation's cluster (the id of its first).
    """
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    placed: dict[int, int] = {}
    for node in sorted(neighbours):
        if node in placed:
            continue
        taken = [n for n in neighbours[node] if n not in placed]
        if taken:
            placed[node] = node
            for n in taken:
                placed[n] = node
    return placed
