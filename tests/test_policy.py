"""Object-level answers of the policy: an agency lead's rights depend on whose action it is."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from tests.factories import ActionFactory, EvidenceFactory, RecommendationFactory, ReviewFactory
from tracker.access import policy
from tracker.access.policy import Permission
from tracker.models import Review, User
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


def test_the_shapes_of_what_users_see_find_the_policys_actions(users: dict[str, User], database: Any) -> None:
    """A statement built once for each kind of user (`shapes`) lists, with a user's values, the actions and the
    reviews that the policy's own clauses for that user list: for a lead, a member of some partnerships, of every
    one, of none."""
    from tests.factories import AgencyFactory, PartnershipFactory, UserFactory, home_partnership
    from tracker.access import shapes
    from tracker.db import db
    from tracker.models import Action
    from tracker.models.live import live_actions
    from tracker.rules.vocabulary import Role

    home, north, south = home_partnership(), PartnershipFactory(name="North"), PartnershipFactory(name="South")
    joint = ReviewFactory(partnership=south)
    joint.joint_partnerships = [north]
    police, health = users["agency_lead"].agency, users["other_lead"].agency
    for review in (ReviewFactory(partnership=home), ReviewFactory(partnership=north), joint):
        for agency in (police, health, AgencyFactory(name=f"Agency of {review.reference}")):
            ActionFactory(recommendation=RecommendationFactory(review=review), lead_agency=agency)
    everyone = {
        **users,
        "north_member": UserFactory(role=Role.SUBGROUP, partnerships=[north]),
        "south_member": UserFactory(role=Role.BOARD, partnerships=[south]),
        "member_of_none": UserFactory(role=Role.SUBGROUP, partnerships=[]),
        "member_of_all": UserFactory(role=Role.BOARD, partnerships=[home, north, south]),
    }
    database.commit()
    found = set()
    for name, user in everyone.items():
        shape, values = shapes.sees(user)
        ids = live_actions().with_only_columns(Action.id)
        by_policy = set(db.session.scalars(ids.where(policy.visible_actions(user))))
        by_shape = db.session.scalars(ids.where(shapes.visible_actions(shape)), values)
        assert set(by_shape) == by_policy, name
        reviews = select(Review.id)
        by_policy_reviews = set(db.session.scalars(reviews.where(policy.visible_reviews(user))))
        assert set(db.session.scalars(reviews.where(shapes.visible_reviews(shape)), values)) == by_policy_reviews, name
        found.add((shape, len(by_policy), len(by_policy_reviews)))
    assert {shape for shape, _, _ in found} == set(shapes.Sees) - {shapes.Sees.NOTHING}
    assert len({n for _, n, _ in found}) >= 4, "the users see different actions"
    assert len({n for _, _, n in found}) >= 3, "the users see different reviews"
    assert shapes.sees(User(role=Role.BOARD)) == (shapes.Sees.NOTHING, {})
