"""The statements that read the figures kept per review and lead agency (`tracker.models.figures`): which
rows a table of figures reads, in what order, and how many there are (`tracker.services.figures` reads them).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, Literal

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    Select,
    bindparam,
    func,
    literal_column,
    null,
    select,
    true,
)

from tracker.access import shapes
from tracker.access.shapes import Sees
from tracker.models import Agency, Recommendation, Review
from tracker.models.figures import ActionFigures, AgencyFigures, ReviewFigures, agency_key
from tracker.models.figures_day import day_counted
from tracker.models.live import live
from tracker.rules.sql import written_in

By = Literal["review", "agency"] | None


def _keyed(by: By) -> tuple[Any, Any]:
    """The row's key and label over the kept rows."""
    if by == "review":
        return ActionFigures.review_id, Review.reference
    if by == "agency":
        return ActionFigures.agency_key, Agency.name
    return literal_column("0"), literal_column("'All actions'")


def keyed_actions(by: By) -> tuple[Any, Any]:
    """The same key and label over actions."""
    if by == "review":
        return Recommendation.review_id, Review.reference
    if by == "agency":
        return agency_key(), Agency.name
    return literal_column("0"), literal_column("'All actions'")


_FIGURES = ("red", "amber", "green", "blue", "assured", "submitted", "drifting")


def _sums(table: Any) -> list[Any]:
    return [func.sum(getattr(table, name)) for name in _FIGURES]


def _by_agency(shape: Sees, by: By, where: Sequence[Any]) -> bool:
    """Whether a table's rows are read from each agency's own totals: nothing narrows them to some reviews, and
    the user sees every review, or one agency's actions (its lead)."""
    return not where and shape in (Sees.EVERYTHING, Sees.AGENCY) and by != "review"


# Lead agencies' keys as `statement` is given them: a list, or a parameter bound to one at each reading.
Agencies = Sequence[int] | BindParameter[Any] | None


def _kept(shape: Sees, by: By, where: Sequence[Any], agencies: Agencies) -> Select[Any]:
    """The kept rows behind a table of figures: the totals by agency or by review where the user sees every
    review (or one agency's, for its lead) and nothing narrows them, else the rows per review and agency."""
    sees_all = shape == Sees.EVERYTHING

    def visible(lead_agency: Any) -> ColumnElement[bool]:
        return true() if sees_all else shapes.visible_actions(shape, lead_agency)

    if _by_agency(shape, by, where):
        narrowed = [visible(AgencyFigures.agency_key)]
        if agencies is not None:
            narrowed.append(AgencyFigures.agency_key.in_(agencies))
        if by != "agency":
            return select(*_keyed(None), *_sums(AgencyFigures)).where(*narrowed)
        # Each agency's totals are one row, its key the table's own: read as they are, not summed by agency
        # (grouping a hundred rows sorted them first, half the statement's time).
        figures = [getattr(AgencyFigures, name) for name in _FIGURES]
        query = select(AgencyFigures.agency_key, Agency.name, *figures).where(*narrowed)
        return query.outerjoin(Agency, Agency.id == AgencyFigures.agency_key)
    if by == "review" and agencies is None and sees_all:
        # A review's own row holds every agency's actions in it: a reader who sees them all needs no other,
        # whichever reviews `where` picks (a page of the list of reviews reads fifty rows by their key).
        figures = [getattr(ReviewFigures, name) for name in _FIGURES]
        query = select(ReviewFigures.review_id, Review.reference, *figures).join(
            Review, Review.id == ReviewFigures.review_id
        )
        return query.where(*live(Review), *where) if where else query
    key, label = _keyed(by)
    query = (
        select(key, label, *_sums(ActionFigures))
        .select_from(ActionFigures)
        .join(Review, Review.id == ActionFigures.review_id)
        .where(*live(Review), visible(ActionFigures.agency_key), *where)
        .group_by(*([key, label] if by else []))
    )
    if agencies is not None:
        query = query.where(ActionFigures.agency_key.in_(agencies))
    if by == "agency":
        query = query.outerjoin(Agency, Agency.id == ActionFigures.agency_key)
    return query


@lru_cache(maxsize=32)
def whole(shape: Sees, by: By, busiest: int | None) -> Select[Any]:
    """The figures of every review a kind of user sees, unnarrowed, with the user's values bound: the same
    statement on most pages (the home pages' and the overview's tables, the action list's count), built once;
    built on each request, each cost 0.3 ms of Python before it was read."""
    return statement(shape, by, (), None, busiest=busiest, page=None)


@lru_cache(maxsize=32)
def of_review(shape: Sees, by: By) -> Select[Any]:
    """One review's figures, its id bound: a review's page asks them on each request (0.3 ms built each time).
    Asked as a list of one (`of_reviews`), the largest review's page took 0.14 to 0.17 ms more in process: a list
    parameter is written into the statement at each reading."""
    return statement(
        shape, by, (Review.id == bindparam("figures_review_id", type_=Integer),), None, busiest=None, page=None
    )


@lru_cache(maxsize=32)
def of_reviews(shape: Sees, by: By) -> Select[Any]:
    """Some reviews' figures, their ids bound as a list: a page of the list of reviews asks its fifty's."""
    ids: Any = bindparam("figures_review_ids", expanding=True)
    return statement(shape, by, (Review.id.in_(ids),), None, busiest=None, page=None)


@lru_cache(maxsize=32)
def of_agencies(shape: Sees, by: By) -> Select[Any]:
    """The figures of some lead agencies' actions (0 for none), their keys bound as a list: a search by agency."""
    return statement(shape, by, (), bindparam("figures_agency_keys", expanding=True), busiest=None, page=None)


def statement(
    shape: Sees,
    by: By,
    where: Sequence[Any],
    agencies: Agencies,
    *,
    busiest: int | None,
    page: tuple[int, int] | None,
) -> Select[Any]:
    # The day the rows were counted on comes with them.
    day = day_counted().scalar_subquery()
    kept = _kept(shape, by, where, agencies)
    # How many rows there are, where only some are read. The busiest of every review are read from their index,
    # and counted on their own; so are the agencies' own totals (a count over the rows as they are read made
    # SQLite keep every row aside first); any other list of rows is short enough to count as it is read.
    totals = busiest is not None and by == "review" and agencies is None and not where and shape == Sees.EVERYTHING
    if busiest is None and page is None:
        counted: Any = null()
    elif totals:
        counted = _reviews_with_actions()
    elif _by_agency(shape, by, where):
        counted = select(func.count()).select_from(kept.subquery()).scalar_subquery()
    else:
        counted = func.count().over()
    query = kept.add_columns(counted, day)
    columns = list(query.selected_columns)
    if busiest is not None:
        if totals:
            query = query.order_by(ReviewFigures.open_actions.desc(), ReviewFigures.review_id.desc())
        else:
            open_actions = columns[2] + columns[3] + columns[4]
            query = query.order_by(open_actions.desc(), func.lower(columns[1]), columns[0])
        query = query.limit(written_in(busiest))
    elif page is not None:
        query = query.order_by(func.lower(columns[1]), columns[0]).offset(page[0]).limit(page[1])
    return query


# Every review's totals are read from their own index (`ix_review_figures_totals`), each count a range of it: the
# reviews with actions are those with an open action and those with only blue ones (the counts are never negative).


@cache
def _reviews_with_actions() -> Any:
    with_open = select(func.count()).where(ReviewFigures.open_actions > 0).scalar_subquery()
    only_blue = select(func.count()).where(ReviewFigures.open_actions == 0, ReviewFigures.blue > 0).scalar_subquery()
    return with_open + only_blue
