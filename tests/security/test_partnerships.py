"""One partnership at a time: subgroup and board members reach their own partnerships' reviews only.

A review belongs to the partnership that commissioned it and to any it was commissioned jointly
with. Every route that names a record, every list, figure and download is probed as a member of
another partnership: the record does not exist for them (404), and nothing of it shows anywhere.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.factories import (
    ActionFactory,
    PartnershipFactory,
    RecommendationFactory,
    ReviewFactory,
    UserFactory,
    home_partnership,
)
from tests.security.checks import fill, routes
from tests.security.conftest import ALIASES, SECRET_DESCRIPTION, Held, _held_by, with_aliases
from tests.security.spreadsheets import readable
from tracker.access import policy
from tracker.access.policy import Permission
from tracker.db import db
from tracker.models import Action, Partnership, User
from tracker.rules.vocabulary import PartnershipKind, Role

HELD = {"action_id", "evidence_id", "recommendation_id", "review_id", "update_id", "decision_id", "change_id"}
OTHER_REFERENCE = "SAR-2031-77"
JOINT_REFERENCE = "THEM-2031-05"


@pytest.fixture
def board_of_adults(database: Any) -> Partnership:
    return PartnershipFactory(name="Testshire Safeguarding Adults Board", kind=PartnershipKind.SAB)


@pytest.fixture
def elsewhere(app: Flask, users: dict[str, User], board_of_adults: Partnership) -> Held:
    """A whole plan, evidence and decisions included, in a partnership the test's members do not belong to."""
    held = _held_by(app, users["agency_lead"].agency, users["agency_lead"], SECRET_DESCRIPTION)
    review = held.action.recommendation.review
    review.partnership = board_of_adults
    review.reference = OTHER_REFERENCE
    db.session.flush()
    return held


@pytest.fixture
def joint(users: dict[str, User], board_of_adults: Partnership) -> Action:
    review = ReviewFactory(reference=JOINT_REFERENCE, partnership=board_of_adults)
    review.joint_partnerships = [home_partnership()]
    return ActionFactory(
        recommendation=RecommendationFactory(review=review), description="Joint thematic action seen by both"
    )


def _held(name: str) -> bool:
    return name in HELD or any(name in aliases for key, aliases in ALIASES.items() if key in HELD)


@pytest.mark.parametrize("role", ["subgroup", "board"])
def test_another_partnerships_records_do_not_exist(
    app: Flask, client_for: Any, samples: dict[str, int], elsewhere: Held, role: str
) -> None:
    member = client_for(role)
    foreign = {**samples, **with_aliases(elsewhere.ids)}
    version, status = elsewhere.action.version, elsewhere.action.status
    leaks, probed = [], 0
    for route in routes(app):
        held = [name for name in route.arguments if _held(name)]
        if not held:
            continue
        url = fill(route.rule, {**samples, **{name: foreign[name] for name in held}})
        for method in sorted(route.methods & {"GET", "POST"}):
            response = member.get(url) if method == "GET" else member.post_form(url, {})
            probed += 1
            # A role may lack the route altogether (403); otherwise the record is simply not there.
            if response.status_code not in (403, 404):
                leaks.append(f"{method} {url} ({route.endpoint}) answered {response.status_code}")
            if SECRET_DESCRIPTION in readable(response) or OTHER_REFERENCE in readable(response):
                leaks.append(f"{method} {url} ({route.endpoint}) shows the other partnership's plan")
    assert probed > 20
    assert leaks == []
    db.session.expire_all()
    action = db.session.get(Action, elsewhere.action.id)
    assert action is not None and (action.version, action.status) == (version, status)


@pytest.mark.parametrize("role", ["subgroup", "board"])
def test_no_list_figure_or_download_shows_another_partnership(
    app: Flask, client_for: Any, samples: dict[str, int], elsewhere: Held, role: str
) -> None:
    member = client_for(role)
    shown = []
    for route in routes(app):
        if "GET" not in route.methods or route.endpoint == "auth.sign_out":
            continue
        url = fill(route.rule, samples)
        for query in ("", "?partnership=" + str(elsewhere.action.recommendation.review.partnership_id)):
            response = member.get(url + query)
            text = readable(response)
            if SECRET_DESCRIPTION in text or OTHER_REFERENCE in text:
                shown.append(f"{url}{query} ({route.endpoint})")
    assert shown == []


def test_a_joint_review_is_seen_by_both_partnerships(
    client_for: Any, users: dict[str, User], joint: Action, board_of_adults: Partnership
) -> None:
    review_id = joint.recommendation.review_id
    adults_member = UserFactory(role=Role.SUBGROUP, partnerships=[board_of_adults])
    for person in (users["subgroup"], users["board"], adults_member, users["admin"]):
        assert policy.may_see(person, joint.recommendation.review), person
        assert policy.can(person, Permission.VIEW_PLANS, joint)
    browser = client_for("subgroup")
    assert browser.get(f"/reviews/{review_id}").status_code == 200
    assert JOINT_REFERENCE in browser.get("/reviews").get_data(as_text=True)
    assert "Joint thematic action seen by both" in browser.get("/actions").get_data(as_text=True)


def test_administrators_manage_every_partnership(client_for: Any, elsewhere: Held) -> None:
    admin = client_for("admin")
    review_id = elsewhere.action.recommendation.review_id
    assert admin.get(f"/reviews/{review_id}").status_code == 200
    assert OTHER_REFERENCE in admin.get("/reviews").get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.SUBGROUP, Role.BOARD])
def test_a_member_of_no_partnership_sees_nothing_and_is_told_why(
    app: Flask, client: Any, elsewhere: Held, joint: Action, role: Role
) -> None:
    nobody = UserFactory(role=role, partnerships=[])
    browser = client.sign_in_as(nobody)
    home = browser.get("/").get_data(as_text=True)
    assert "You do not belong to any partnership yet" in home
    for path in ("/reviews", "/actions", "/summary", "/overview", "/recommendations"):
        text = readable(browser.get(path))
        assert JOINT_REFERENCE not in text and OTHER_REFERENCE not in text, path
    assert browser.get(f"/reviews/{joint.recommendation.review_id}").status_code == 404
    assert browser.get(f"/actions/{joint.id}").status_code == 404


@pytest.mark.parametrize("role", [Role.SUBGROUP, Role.BOARD])
def test_a_member_is_told_whose_reviews_they_see_in_as_many_statements_however_many_partnerships(
    client: Any, count_queries: Any, role: Role
) -> None:
    names = [f"Testshire Partnership {letter}" for letter in "GFEDCBA"]
    partnerships = [PartnershipFactory(name=name) for name in names]
    few = client.sign_in_as(UserFactory(role=role, partnerships=partnerships[:2]))
    with count_queries() as counted:
        home = readable(few.get("/"))
    assert "You see the reviews of Testshire Partnership F, Testshire Partnership G." in home
    many = client.sign_in_as(UserFactory(role=role, partnerships=partnerships))
    with count_queries() as counted_many:
        home = readable(many.get("/"))
    assert (
        "You see the reviews of your 7 partnerships, Testshire Partnership A, Testshire Partnership B, "
        "Testshire Partnership C and 4 more." in home
    )
    assert counted_many.count == counted.count


@pytest.mark.parametrize(
    ("role", "home", "other", "joint_seen"),
    [
        # role, sees its home partnership's review, the other partnership's, the joint one
        ("admin", True, True, True),
        ("subgroup", True, False, True),
        ("board", True, False, True),
    ],
)
def test_the_policy_as_a_matrix_of_roles_and_partnerships(
    users: dict[str, User], elsewhere: Held, joint: Action, role: str, home: bool, other: bool, joint_seen: bool
) -> None:
    person = users[role]
    own_review = ReviewFactory()
    own_action = ActionFactory(recommendation=RecommendationFactory(review=own_review))
    foreign_review = elsewhere.action.recommendation.review
    cases = [
        (own_review, home),
        (own_action, home),
        (foreign_review, other),
        (elsewhere.action, other),
        (elsewhere.evidence, other),
        (joint.recommendation.review, joint_seen),
        (joint, joint_seen),
    ]
    for record, expected in cases:
        assert policy.may_see(person, record) is expected, (role, record)
    for permission in (Permission.MANAGE_PLANS, Permission.DECIDE):
        if policy.allows(person, permission):
            assert policy.can(person, permission, foreign_review) is other
            assert policy.can(person, permission, joint) is joint_seen
