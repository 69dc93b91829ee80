"""The SQL an action search's filters (`search.filters`) select.

Any page or report that needs "the actions behind a figure" builds the same statement, sorted by
`tracker.services.search.sorting`:

    filters = ActionFilters.parse(request.args)
    statement = actions_statement(filters, user)
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, false, func, or_, select

from tracker import clock
from tracker.access import policy
from tracker.db import dialect
from tracker.models import Action, Agency, AssuranceDecision, Recommendation, Review, recommendation_themes
from tracker.models.clauses import reads
from tracker.models.figures import OPEN_ACTION
from tracker.models.live import live_actions, live_actions_tested_in_turn, live_actions_where
from tracker.models.types import among_found, met_by_most
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import drifting_sql, overdue_from_red_day_sql, overdue_sql, rag_among_sql
from tracker.rules.sql import one_of, written_in
from tracker.rules.vocabulary import DecisionOutcome
from tracker.services import memberships
from tracker.services.search.filters import ActionFilters
from tracker.services.search.text import held_by_row, held_in_row, words_match


def conditions(filters: ActionFilters, user: Any, today: date, tested: bool = False, in_row: bool = False) -> list[Any]:
    """The WHERE clauses of the search, over actions joined to their recommendation and review; `tested`:
    each action read is tested for the words in its own text and among the few recommendations that hold them
    (`text.held_by_row`), never looked up from every action that holds them; `in_row`: each action
    read is tested for the words in its own text, its recommendation's and its review's, and no match is found
    beforehand (where the words are common, a walk in the page's order meets a page's worth soon)."""
    where: list[Any] = [
        policy.visible_actions(user),
        *memberships.reviews_among(reviews=filters.reviews, types=filters.types, partnerships=filters.partnerships),
    ]
    if filters.owner_user_id is not None:
        where.append(Action.owner_user_id == filters.owner_user_id)
    if filters.agencies or filters.no_agency:
        where.append(
            or_(
                Action.lead_agency_id.in_(filters.agencies) if filters.agencies else false(),
                Action.lead_agency_id.is_(None) if filters.no_agency else false(),
            )
        )
    if filters.statuses:
        where.append(one_of(Action.status, filters.statuses))
    if filters.rags:
        where.append(rag_among_sql(filters.rags, amber_from=Action.amber_from, red_from=Action.red_from, today=today))
    if filters.themes:
        # Asked of the action's own recommendation id, so that a search read from the actions table alone
        # (`unjoined_statement`) keeps the theme as the joined one does: tied to the recommendations table, the
        # test found every action wherever that table was not joined.
        themed = select(recommendation_themes.c.recommendation_id).where(
            recommendation_themes.c.theme_id.in_(filters.themes)
        )
        where.append(Action.recommendation_id.in_(themed))
    if filters.due_before:
        where.append(Action.target_date <= filters.due_before)
    if filters.assured_since:
        since = datetime.combine(filters.assured_since, datetime.min.time(), tzinfo=UTC)
        where.append(Action.status == ActionStatus.ASSURED.value)
        # The actions the decisions since then assured, found first from the index of such decisions by date and each
        # looked up: asked of each action in turn (EXISTS), SQLite read every closed action to find a fortnight's few
        # hundred, 240 ms a page and 100 ms its count at national scale (0.25 and 0.18 ms so). The outcome and the
        # day are written in (few days are asked for: the summary links its own): bound, PostgreSQL's plan for any
        # values could not use that index, which holds decisions to assure only (200 ms a page).
        assured = select(AssuranceDecision.action_id).where(
            AssuranceDecision.outcome == written_in(DecisionOutcome.ASSURED.value),
            AssuranceDecision.decided_at >= written_in(since, AssuranceDecision.decided_at.type),
        )
        where.append(among_found(Action.id, assured.scalar_subquery()))
    if filters.drifting:
        where.append(drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=today))
    if filters.overdue:
        # Sorted by review or lead agency, every overdue action is read and sorted: from the index of the days each
        # turned red, where by their status and target date SQLite read every action due before today (136 to 24 ms).
        red = overdue_from_red_day_sql(red_from=Action.red_from, today=today, due_before=filters.due_before)
        by_day = filters.sort_key in ("review", "agency")
        where.append(red if by_day else overdue_sql(status=Action.status, target_date=Action.target_date, today=today))
    if in_row:
        where.extend(held_in_row(word, Action.__table__) for word in filters.q.split())
    else:
        where.extend(held_by_row(word) if tested else words_match(word) for word in filters.q.split())
    if filters.open_only:
        # Said as the indexes of open actions say it (a closed action keeps no day it turns amber), so that a
        # page sorted by date or last update reads one of them and stops, and drifting or overdue actions, open
        # by definition, are read from them too, whatever the day or agency the statement's plan was made for.
        where.append(OPEN_ACTION)
    return where


def _base(filters: ActionFilters, user: Any, today: date, tested: bool, in_row: bool, often: bool) -> Select[Any]:
    where = conditions(filters, user, today, tested, in_row)
    if often:
        where = [met_by_most(clause) for clause in where]
    # Tested in turn as an index is walked, each row's review is read for its words: on SQLite outer-joined, so that
    # no Bloom filter of every review is made first (`live_actions_tested_in_turn`).
    in_turn = in_row and dialect() == "sqlite"
    joined = live_actions_tested_in_turn() if in_turn else live_actions()
    return joined.outerjoin(Agency, Action.lead_agency_id == Agency.id).where(*where)


def unjoined_statement(
    filters: ActionFilters, user: Any, *, today: date | None = None, tested: bool = False
) -> Select[Any] | None:
    """Every action that matches, read from the actions table alone where no filter (nor what the user may see)
    reads the recommendation, review or lead agency: whether those stand is asked of the few withdrawn ones
    instead. Joined, PostgreSQL's planner often reads every recommendation to find an agency's few hundred
    actions. None where a filter needs the join. `tested`: as `conditions`."""
    where = conditions(filters, user, today or clock.today(), tested)
    if any(reads(clause, Recommendation, Review, Agency) for clause in where):
        return None
    return live_actions_where(*where)


def matching_statement(
    filters: ActionFilters,
    user: Any,
    *,
    today: date | None = None,
    tested: bool = False,
    in_row: bool = False,
    often: bool = False,
) -> Select[Any]:
    """Every action that matches, joined to its recommendation, review and lead agency; no order, no page.
    `tested` where the actions are read in an index's order, each tested against the words' matches (found
    once, as a set), rather than looked up from them. `often`: the filters are known to find many, and are no way in
    for SQLite's planner (`models.types.met_by_most`), so that it walks the reviews in their order rather than
    read every action a filter's index finds and sort them (assured actions by review at national scale: 74 ms,
    and 0.3 so)."""
    return _base(filters, user, today or clock.today(), tested, in_row, often)


def counted_statement(
    filters: ActionFilters, user: Any, *, today: date | None = None, tested: bool = False
) -> Select[Any]:
    """Every action that matches, to be counted: from the actions table alone where it can be. `tested`: as
    `conditions`."""
    unjoined = unjoined_statement(filters, user, today=today, tested=tested)
    return matching_statement(filters, user, today=today, tested=tested) if unjoined is None else unjoined


def count_statement(filters: ActionFilters, user: Any, *, today: date | None = None) -> Select[Any]:
    return counted_statement(filters, user, today=today).with_only_columns(func.count(Action.id))
