"""Two transactions that write the kept figures at once, on PostgreSQL's row locks: a writer counting a review
again while a page keeps another review's trend points. Each holds the figures before touching a total, so
neither can hold one quarter's total while waiting for another's (which PostgreSQL ends as a deadlock, and
the writer's user as a server error)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, func, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from tests.databases import fresh_database
from tracker import clock
from tracker.models import Partnership, Review
from tracker.models.base import Base
from tracker.models.figures import count_again, recount_if_behind
from tracker.models.figures_day import FiguresDay, hold_figures
from tracker.models.trend_points import ReviewTrendPoint, TrendTotal, keep_points
from tracker.rules.vocabulary import PartnershipKind, ReviewType

EARLIER, LATER = date(2026, 6, 30), date(2026, 9, 30)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("row locks are PostgreSQL's; SQLite lets one writer in at a time")
    for url in fresh_database(tmp_path, "held"):
        made = create_engine(url)
        Base.metadata.create_all(made)
        yield made
        made.dispose()


def reviews(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        partnership = Partnership(name="Safer Heldshire Partnership", kind=PartnershipKind.CSP)
        first, second = (
            Review(reference=f"DHR-2026-0{n}", type=ReviewType.DHR, title=f"Review {n}", partnership=partnership)
            for n in (1, 2)
        )
        session.add_all([first, second])
        session.commit()
        return first.id, second.id


def point(review_id: int, day: date, red: int) -> dict[str, object]:
    return {"review_id": review_id, "day": day, "red": red, "amber": 0, "green": 1, "blue": 0}


def waiting_for_a_lock(engine: Engine, connection: Connection) -> bool:
    pid = connection.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
    with engine.connect() as watcher:
        found = watcher.scalar(text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid})
    return bool(found == "Lock")


def totals_add_up(engine: Engine) -> None:
    with engine.connect() as connection:
        totals = {
            day: (red, n)
            for day, red, n in connection.execute(select(TrendTotal.day, TrendTotal.red, TrendTotal.reviews))
        }
        summed = connection.execute(
            select(ReviewTrendPoint.day, func.sum(ReviewTrendPoint.red), func.count()).group_by(ReviewTrendPoint.day)
        )
        assert totals == {day: (int(red), int(n)) for day, red, n in summed}


def test_a_writer_and_a_page_keeping_points_never_deadlock(engine: Engine) -> None:
    first, second = reviews(engine)
    with engine.begin() as connection:
        keep_points(connection, [point(first, EARLIER, 2), point(second, LATER, 3)])

    failures: list[BaseException] = []
    with engine.connect() as writer, engine.connect() as page:
        writer.begin()
        # The first review is written to: its earlier quarter's total is taken.
        count_again(writer, [first])

        def keep_second() -> None:
            # The page keeps the second review's points at both quarters: it would take the later total
            # (its old point's) and then wait for the earlier one.
            try:
                with page.begin():
                    keep_points(page, [point(second, EARLIER, 4), point(second, LATER, 5)])
            except OperationalError as failed:
                failures.append(failed)

        keeping = threading.Thread(target=keep_second)
        keeping.start()
        for _ in range(300):
            if waiting_for_a_lock(engine, page) or not keeping.is_alive():
                break
            time.sleep(0.1)
        # The writer, in the same transaction, keeps the first review's later point: the total the page
        # would hold.
        keep_points(writer, [point(first, LATER, 1)])
        writer.commit()
        keeping.join(timeout=60)

    assert not keeping.is_alive()
    assert failures == []
    totals_add_up(engine)


def test_a_page_does_not_wait_for_a_writer_to_keep_points(engine: Engine) -> None:
    first, second = reviews(engine)
    with engine.begin() as connection:
        keep_points(connection, [point(second, EARLIER, 2)])
    with engine.connect() as writer, engine.connect() as page:
        writer.begin()
        count_again(writer, [first])
        page.begin()
        with pytest.raises(OperationalError, match="lock"):
            keep_points(page, [point(second, EARLIER, 7)], wait=False)
        page.rollback()
        writer.commit()
        with page.begin():
            assert hold_figures(page, wait=False) is not None
    totals_add_up(engine)


def test_counting_afresh_leaves_the_figures_to_a_writer_holding_them_and_does_not_wait(engine: Engine) -> None:
    first, _second = reviews(engine)
    with engine.begin() as connection:
        count_again(connection, [first])  # the first count of all
        connection.execute(update(FiguresDay).values(as_of=clock.today() - timedelta(days=1)))
    with engine.connect() as writer, engine.connect() as upkeep:
        writer.begin()
        assert count_again(writer, [first]) is True  # counted on the kept day, the rest left behind
        upkeep.begin()
        # Waiting for the writer here would never end: it commits only after this returns.
        assert recount_if_behind(upkeep) is False
        # And the transaction it was asked in goes on, to commit what else it holds.
        assert upkeep.scalar(select(FiguresDay.as_of)) == clock.today() - timedelta(days=1)
        upkeep.rollback()
        writer.commit()
        with upkeep.begin():
            assert recount_if_behind(upkeep) is True
        with upkeep.begin():
            assert upkeep.scalar(select(FiguresDay.as_of)) == clock.today()
            assert recount_if_behind(upkeep) is False
