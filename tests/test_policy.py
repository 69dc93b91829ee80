"""Object-level answers of the policy: an agency lead's rights depend on whose action it is."""

from __future__ import annotations

from typing import Any

from tests.factories import ActionFactory, EvidenceFactory, RecommendationFactory, ReviewFactory
from tracker.access import policy
from tracker.access.policy import Permission
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus


def test_a_lead_updates_only_open_actions_of_their_own_agency(users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    own = ActionFactory(lead_agency=lead.agency)
    other = ActionFactory(lead_agency=users["other_lead"].agency)
    closed = ActionFactory(lead_agency=lead.agency, status=ActionStatus.ASSURED)
    assert policy.can(lead, Permission.UPDATE_ACTION, own)
    assert policy.can(lead, Permission.VIEW_PLANS, own)
    assert not policy.can(lead, Permission.UPDATE_ACTION, other)
    assert not policy.can(lead, Permission.VIEW_PLANS, other)
    assert not policy.can(lead, Permission.UPDATE_ACTION, closed)
    assert policy.can(lead, Permission.VIEW_PLANS, closed)
    assert not policy.can(lead, Permission.VIEW_PLANS, EvidenceFactory(action=other))


def test_a_lead_sees_only_reviews_where_the_agency_holds_actions(users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    held = ReviewFactory()
    ActionFactory(recommendation=RecommendationFactory(review=held), lead_agency=lead.agency)
    elsewhere = ReviewFactory()
    ActionFactory(recommendation=RecommendationFactory(review=elsewhere), lead_agency=users["other_lead"].agency)
    assert policy.can(lead, Permission.VIEW_PLANS, held)
    assert not policy.can(lead, Permission.VIEW_PLANS, elsewhere)
    assert policy.can(users["board"], Permission.VIEW_PLANS, elsewhere)


def test_board_members_change_nothing(users: dict[str, User]) -> None:
    board = users["board"]
    action = ActionFactory()
    for permission in set(Permission) - policy.READ_ONLY:
        assert not policy.can(board, permission, action)


def test_deactivated_users_may_do_nothing(users: dict[str, User], database: Any) -> None:
    admin = users["admin"]
    admin.active = False
    assert not policy.can(admin, Permission.SIGNED_IN)


def test_signed_out_visitors_may_only_see_public_pages() -> None:
    assert policy.allows(None, Permission.PUBLIC)
    assert not policy.allows(None, Permission.SIGNED_IN)


def test_who_sees_withdrawn_records_and_other_agencies(users: dict[str, User]) -> None:
    assert {role for role, user in users.items() if policy.sees_withdrawn(user)} == {"admin", "subgroup"}
    assert {role for role, user in users.items() if policy.limited_to_own_agency(user)} == {"agency_lead", "other_lead"}


def test_a_members_partnerships_are_read_as_ids_and_follow_a_change(users: dict[str, User], database: Any) -> None:
    from tests.factories import PartnershipFactory

    north, south = PartnershipFactory(name="North"), PartnershipFactory(name="South")
    member = users["subgroup"]
    member.partnerships = [north]
    database.commit()
    database.expire_all()
    assert policy.partnership_ids(member) == {north.id}
    # Read without loading the partnerships themselves.
    assert "partnerships" not in member.__dict__
    member.partnerships = [north, south]
    assert policy.partnership_ids(member) == {north.id, south.id}
    database.commit()
    database.expire_all()
    assert policy.partnership_ids(member) == {north.id, south.id}
    assert policy.partnership_ids(users["admin"]) is None


def test_partnerships_narrow_a_member_only_where_they_leave_some_out(users: dict[str, User], database: Any) -> None:
    from tests.factories import PartnershipFactory
    from tracker.db import db
    from tracker.models import Partnership

    PartnershipFactory(name="North")
    member = users["board"]
    member.partnerships = list(db.session.query(Partnership))
    database.commit()
    assert policy.narrowing_partnership_ids(member) is None, "a member of every partnership"
    member.partnerships = member.partnerships[:1]
    database.commit()
    database.expire_all()
    assert policy.narrowing_partnership_ids(member) == {member.partnerships[0].id}
    member.partnerships = []
    database.commit()
    assert policy.narrowing_partnership_ids(member) == frozenset()
    assert policy.narrowing_partnership_ids(users["admin"]) is None


def test_a_members_partnerships_and_whether_they_are_every_one_are_read_at_once(
    users: dict[str, User], database: Any, count_queries: Any
) -> None:
    from tests.factories import PartnershipFactory
    from tracker.db import db
    from tracker.models import Partnership

    PartnershipFactory(name="North")
    member = users["board"]
    for every in (True, False):
        member.partnerships = list(db.session.query(Partnership))[: None if every else 1]
        database.commit()
        assert member.role and member.id  # the member themselves, read before counting
        with count_queries() as counted:
            narrowing = policy.narrowing_partnership_ids(member)
            assert policy.sees_every_review(member) is every
        assert (narrowing is None) is every
        assert counted.count == 1
