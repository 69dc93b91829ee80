"""RAG figures kept per review and lead agency say what counting every action says: on the day they were
counted, on later and earlier days with nothing written, after a withdrawal, and for every kind of user."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, text

from tests.factories import ActionFactory, PartnershipFactory, place
from tests.jobs.conftest import JobQueue, jobs_on
from tests.plans.conftest import Plans
from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Agency, Review, User
from tracker.models.figures import BEHIND, ReviewFigures
from tracker.models.figures_day import FiguresDay, forget_kept_day, kept_day
from tracker.models.live import live_actions
from tracker.models.tallies import RagCounts, tally
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, drifting_sql
from tracker.services import admin_figures, figures, rollups

S = ActionStatus
__all__ = ["jobs_on"]  # the fixture, run in the process and on Redis


def counted_by_hand(user: User, by: str) -> list[tuple[Any, str, dict[Any, int], int]]:
    visible = live_actions().where(policy.visible_actions(user))
    key, label = (Review.id, Review.reference) if by == "review" else (Agency.id, Agency.name)
    rows = tally(visible, key=key, label=label, rag=Action.rag, session=db.session(), outer_agency=by == "agency")
    return [(r.key, r.label, r.counts, r.assured) for r in rows]


def kept(rows: list[RagCounts]) -> list[tuple[Any, str, dict[Any, int], int]]:
    return [(r.key, r.label, r.counts, r.assured) for r in rows]


def drifting_by_hand(user: User) -> int:
    query = (
        live_actions()
        .with_only_columns(func.count(Action.id))
        .where(
            policy.visible_actions(user),
            drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=clock.today()),
        )
    )
    return db.session.scalar(query) or 0


@pytest.fixture
def spread(plans: Plans) -> Plans:
    """Actions either side of every boundary, in both reviews and for both agencies."""
    today = clock.today()
    for n, (status, target, silent) in enumerate(
        [
            (S.IN_PROGRESS, -1, 0),
            (S.IN_PROGRESS, 1, 80),
            (S.NOT_STARTED, 29, 5),
            (S.RETURNED, 60, 0),
            (S.SUBMITTED, -5, 85),
            (S.IN_PROGRESS, 35, 88),
            (S.IN_PROGRESS, None, 60),
            (S.ASSURED, -100, 300),
            (S.CLOSED_NOT_ACHIEVED, 10, 0),
            (S.IN_PROGRESS, 95, 30),
        ]
    ):
        ActionFactory(
            recommendation=plans.rec1 if n % 2 else plans.other_rec,
            lead_agency=plans.police if n % 3 else plans.health,
            status=status,
            target_date=None if target is None else today + timedelta(days=target),
            last_update_on=today - timedelta(days=silent),
        )
    return plans


def agree(users: dict[str, User]) -> None:
    for role, user in users.items():
        assert kept(rollups.rag_by_review(user)) == counted_by_hand(user, "review"), role
        # One review picked, as a page of the list of reviews picks its fifty.
        first = counted_by_hand(user, "review")[:1]
        picked = [Review.id.in_([row[0] for row in first])]
        assert kept(rollups.rag_by_review(user, where=picked)) == first, role
        # Each review on its own, as its page reads it.
        for row in counted_by_hand(user, "review"):
            one = rollups.rag_of_review(user, row[0])
            assert one is not None and kept([one]) == [row], role
        assert kept(rollups.rag_by_agency(user)) == counted_by_hand(user, "agency"), role
        # The busiest first and a page by name, each with how many rows there are in all.
        for by, every in (("review", rollups.rag_by_review(user)), ("agency", rollups.rag_by_agency(user))):
            busiest = sorted(every, key=lambda r: (r.counts[Rag.BLUE] - r.total, r.label.lower()))
            assert [(kept(rows), total) for rows, total in [rollups.busiest(user, by=by, limit=2)]] == [
                (kept(busiest[:2]), len(every))
            ], (role, by)
        every_agency = figures.some_rows(user, by="agency")  # None where the figures were never counted
        assert every_agency is None or (kept(every_agency[0]), every_agency[1]) == (
            counted_by_hand(user, "agency"),
            len(counted_by_hand(user, "agency")),
        ), role
        rows, total = rollups.agencies_page(user, offset=0, limit=1)
        assert (kept(rows), total) == (counted_by_hand(user, "agency")[:1], len(counted_by_hand(user, "agency")))
        # Past the end, a page holds no agency but still says how many there are, so that the last is shown.
        assert rollups.agencies_page(user, offset=1000, limit=1) == ([], len(counted_by_hand(user, "agency"))), role
        overall = rollups.rag_overall(user)
        assert overall.counts == {
            rag: sum(row[2][rag] for row in counted_by_hand(user, "review")) for rag in overall.counts
        }, role
        assert overall.drifting == drifting_by_hand(user), role


@pytest.mark.parametrize("days_later", [0, 1, 6, 29, 31, 45, 61, 96, 400, -3, -40])
def test_kept_figures_agree_on_any_day(
    spread: Plans, users: dict[str, User], monkeypatch: pytest.MonkeyPatch, days_later: int
) -> None:
    assert kept_day(db.session()) == clock.today()
    day = clock.today() + timedelta(days=days_later)
    monkeypatch.setattr(clock, "today", lambda: day)
    agree(users)
    # Members of some partnerships only, rather than all of them: their reviews' rows, not the totals.
    PartnershipFactory(name="A partnership nobody here belongs to")
    db.session.flush()
    agree(users)


def test_a_write_on_a_later_day_counts_what_it_wrote_on_the_kept_day_and_leaves_the_rest_for_later(
    spread: Plans, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = clock.today()
    day = kept + timedelta(days=50)
    monkeypatch.setattr(clock, "today", lambda: day)
    spread.police_green.last_update_on = day
    place(spread.police_red, S.SUBMITTED)
    db.session.flush()
    assert kept_day(db.session()) == kept
    assert db.session.info.get(BEHIND) is True
    agree(users)
    # Off the request, every row is counted afresh today; then there is nothing left to do.
    assert figures.bring_to_today() is True
    assert kept_day(db.session()) == day
    agree(users)
    assert figures.bring_to_today() is False


def test_the_first_save_of_a_day_is_followed_by_counting_every_row_afresh(
    client_for: Any, spread: Plans, users: dict[str, User], monkeypatch: pytest.MonkeyPatch, jobs_on: JobQueue
) -> None:
    kept = clock.today()
    day = kept + timedelta(days=3)
    monkeypatch.setattr(clock, "today", lambda: day)
    action = spread.police_green
    written = {"written_on": [str(day.day), str(day.month), str(day.year)], "narrative": "Audit under way."}
    saved = client_for("agency_lead").post_form(f"/actions/{action.id}/updates/new", written)
    assert saved.status_code == 302, saved.get_data(as_text=True)
    # The save counted its own review on the kept day, and handed the rest over once it committed: on Redis
    # it waits for a worker, and the pages are right meanwhile.
    if jobs_on.on_redis:
        assert kept_day(db.session()) == kept
        assert jobs_on.waiting() == 1
        agree(users)
        jobs_on.drain()
    forget_kept_day(db.session())
    assert kept_day(db.session()) == day
    agree(users)


def test_withdrawals_and_moves_leave_the_figures(spread: Plans, users: dict[str, User]) -> None:
    spread.rec2.withdrawn_at = clock.now()
    spread.police_red.lead_agency = spread.health
    db.session.flush()
    agree(users)
    spread.health_only.withdrawn_at = clock.now()
    db.session.flush()
    agree(users)


def test_a_database_never_counted_is_counted_by_hand(spread: Plans, users: dict[str, User]) -> None:
    db.session.execute(FiguresDay.__table__.delete())
    db.session.expire_all()
    db.session.info.clear()
    assert kept_day(db.session()) is None
    assert figures.rag_rows(users["admin"], by="review") is None
    agree(users)


def test_the_figures_command_counts_afresh_and_works_out_each_reviews_quarters(
    app: Any, spread: Plans, users: dict[str, User]
) -> None:
    from tracker.models.trend_points import ReviewTrendPoint

    db.session.execute(FiguresDay.__table__.delete())
    db.session.execute(ReviewTrendPoint.__table__.delete())
    # As after a bulk load: no figures kept yet.
    db.session.execute(ReviewFigures.__table__.delete())
    db.session.flush()
    db.session.info.clear()
    result = app.test_cli_runner().invoke(args=["figures"])
    assert result.exit_code == 0, result.output
    assert "RAG at each quarter end worked out for 2 reviews" in result.output
    assert kept_day(db.session()) == clock.today()
    agree(users)
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite's planner has statistics only when asked to gather them.
        gathered = db.session.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'actions'")).scalar()
        assert gathered
        # Of the figures as counted, not as they were before: the busiest reviews are read from their index.
        figured = db.session.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'review_figures'")).scalar()
        assert figured


@pytest.mark.parametrize("days_later", [0, 45, 400])
def test_the_agency_list_counts_every_and_every_open_action_from_the_kept_figures(
    spread: Plans, monkeypatch: pytest.MonkeyPatch, count_queries: Any, days_later: int
) -> None:
    """A national body's administrator lists agencies with their open and total actions from a row an agency, and
    the counts are those of the actions themselves on any day, withdrawals and closures included."""
    spread.rec2.withdrawn_at = clock.now()
    db.session.flush()
    day = clock.today() + timedelta(days=days_later)
    monkeypatch.setattr(clock, "today", lambda: day)
    with count_queries() as counted:
        listed = admin_figures.agency_list()
    assert not any("FROM actions" in statement for statement in counted.statements), "read from the kept figures"
    assert listed["actions"] == admin_figures.count_by_agency(open_only=False)
    assert listed["open_actions"] == admin_figures.count_by_agency(open_only=True)
    assert listed["actions"] and listed["open_actions"] != listed["actions"], "closed actions make a difference"
