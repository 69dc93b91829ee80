"""An owner's or agency lead's lists, read in one pass, hold what the rule in Python says, in its order."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from tests.actions.factories import TargetDateChangeFactory
from tests.factories import ActionFactory, AgencyFactory, RecommendationFactory, UserFactory
from tracker import clock
from tracker.db import db
from tracker.models import Action
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.reminders import ActionList, Windows, action_list
from tracker.rules.vocabulary import Role, TargetDateChangeState
from tracker.services.reminders.lists import action_digest

WINDOWS = Windows(due_within_days=10)
LIMIT = 3


def _expected(actions: list[Action], which: ActionList) -> list[Action]:
    today = clock.today()
    held = [
        a
        for a in actions
        if a.status in OPEN_STATUSES
        and action_list(
            status=a.status, target_date=a.target_date, last_update_on=a.last_update_on, today=today, windows=WINDOWS
        )
        == which
    ]
    by_target = which in (ActionList.OVERDUE, ActionList.DUE_SOON)
    return sorted(held, key=lambda a: (a.target_date if by_target else a.last_update_on, a.id))


def test_each_list_holds_its_actions_oldest_first_and_counts_them_all(database: object) -> None:
    today = clock.today()
    agency, other = AgencyFactory(), AgencyFactory()
    lead = UserFactory(role=Role.AGENCY_LEAD, agency=agency)
    recommendation = RecommendationFactory()
    targets = [
        None,
        today - timedelta(days=30),
        today - timedelta(days=1),
        today + timedelta(days=5),
        today + timedelta(days=60),
    ]
    updates = [today, today - timedelta(days=100), today - timedelta(days=300)]
    statuses = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.RETURNED, ActionStatus.SUBMITTED, ActionStatus.ASSURED]  # fmt: skip
    covered = []
    for status, target, updated in itertools.product(statuses, targets, updates):
        covered.append(
            ActionFactory(
                recommendation=recommendation,
                lead_agency=agency,
                status=status,
                target_date=target,
                last_update_on=updated,
            )
        )
    # Another agency's action the lead owns is theirs; another agency's they do not own is not.
    owned = ActionFactory(
        recommendation=recommendation, lead_agency=other, owner_user_id=lead.id, target_date=today - timedelta(days=90)
    )
    covered.append(owned)
    stranger = ActionFactory(recommendation=recommendation, lead_agency=other, target_date=today - timedelta(days=95))
    gone = ActionFactory(recommendation=recommendation, lead_agency=agency, target_date=today - timedelta(days=99))
    gone.withdrawn_at = datetime.now(UTC)
    # Actions that stand in plans that do not: a recommendation withdrawn, a review withdrawn.
    for plan in ("recommendation", "review"):
        dropped = RecommendationFactory()
        ActionFactory(recommendation=dropped, lead_agency=agency, target_date=today - timedelta(days=97))
        (dropped if plan == "recommendation" else dropped.review).withdraw("entered twice", noun=plan)
    answered = [
        TargetDateChangeFactory(
            action=covered[n],
            state=TargetDateChangeState.AGREED,
            proposed_date=today + timedelta(days=30),
            decided_at=clock.now() - timedelta(hours=n + 1),
        )
        for n in range(LIMIT + 2)
    ]
    TargetDateChangeFactory(
        action=stranger,
        state=TargetDateChangeState.AGREED,
        proposed_date=today + timedelta(days=30),
        decided_at=clock.now() - timedelta(hours=1),
    )
    db.session.flush()

    digest = action_digest(lead, today=today, windows=WINDOWS, since=clock.now() - timedelta(days=7), limit=LIMIT)

    for which, listed in zip(ActionList, digest.lists, strict=False):
        expected = _expected(covered, which)
        assert len(expected) > LIMIT, f"{which}: the test needs more than a page of them"
        assert listed.key == which.value
        assert listed.total == len(expected), which
        assert [a.id for a in listed.actions] == [a.id for a in expected[:LIMIT]], which
    listed_owned = [a for a in digest.lists[0].actions if a.id == owned.id]
    assert listed_owned, "the longest overdue, owned in another agency"
    assert listed_owned[0].owner_name == lead.name, "named as the user who owns it"
    decided = digest.lists[-1]
    assert decided.total == LIMIT + 2, "the stranger's answered request is not the lead's"
    assert [change.id for change in decided.changes] == [change.id for change in answered[:LIMIT]], "the latest first"


def test_nothing_to_say_is_counted_as_nothing(database: object) -> None:
    lead = UserFactory(role=Role.AGENCY_LEAD, agency=AgencyFactory())
    digest = action_digest(lead, today=clock.today(), windows=WINDOWS, since=clock.now(), limit=LIMIT)
    assert [(listed.total, listed.actions, listed.changes) for listed in digest.lists] == [(0, [], [])] * 5
