"""A list's filter panel, read in one statement where nothing is chosen or typed and the person may choose among
everything: it offers what its four statements offer, each list in its own order, and every theme."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import AgencyFactory, PartnershipFactory, ReviewFactory
from tracker import clock
from tracker.db import db
from tracker.models import Partnership, Theme, User
from tracker.services.search.choosing import Choices, NamedChoice, Offer, Panel, every_theme


def offered(offer: Offer[Any]) -> tuple[list[tuple[Any, ...]], bool, str]:
    return [tuple(choice) for choice in offer.items], offer.more, offer.text


def shown(panel: Panel) -> list[Any]:
    return [
        offered(panel.reviews),
        offered(panel.agencies),
        [tuple(theme) for theme in panel.themes],
        offered(panel.partnerships),
    ]


def separately(user: User) -> list[Any]:
    """The panel as each chooser reads its own list."""
    chosen = Choices()
    themes = [NamedChoice(*row) for row in db.session.execute(every_theme())]
    return shown(Panel(chosen.reviews([], user), chosen.agencies([]), themes, chosen.partnerships([], user)))


@pytest.fixture
def many(users: dict[str, User]) -> None:
    """More of each than a chooser offers at once, named so that upper and lower case interleave."""
    for n, name in enumerate(["zebra", "Aardvark", "mole", "Badger", "otter", "Crane", "ibis", "Dunlin"] * 2):
        ReviewFactory(reference=f"{name}-{n:02d}", title=f"A review of {name}s")
        AgencyFactory(name=f"{name} services {n}")
        PartnershipFactory(name=f"{name} partnership {n}")
        db.session.add(Theme(name=f"{name} theme {n}"))
    ReviewFactory(reference="aaa-withdrawn", withdrawn_at=clock.now())
    db.session.flush()


@pytest.mark.parametrize("who", ["admin", "member of every partnership", "member of one", "agency_lead"])
def test_the_panel_offers_what_each_chooser_offers(
    who: str, users: dict[str, User], many: None, count_queries: Any
) -> None:
    user = users["subgroup"] if who.startswith("member") else users[who]
    if who == "member of every partnership":
        user.partnerships = list(db.session.query(Partnership))
        db.session.flush()
    with count_queries() as counted:
        panel = Choices().panel([], [], [], user)
    expected = separately(user)
    assert shown(panel) == expected
    assert len(expected[2]) == 16
    every = who in ("admin", "member of every partnership")
    assert not every or (len(expected[0][0]) == 10 and expected[0][1])
    # The lists' statements are those that order what they read.
    assert sum("ORDER BY" in statement for statement in counted.statements) == (1 if every else 4)


def test_a_chosen_or_typed_chooser_reads_each_list_on_its_own(users: dict[str, User], many: None) -> None:
    admin = users["admin"]
    first = Choices().panel([], [], [], admin)
    review_id = first.reviews.offered[3][0]
    chosen = Choices().panel([review_id], [], [], admin)
    assert [choice[0] for choice in chosen.reviews.chosen] == [review_id]
    typed = Choices(agency_text="badger").panel([], [], [], admin)
    assert [choice[1] for choice in typed.agencies.offered] == ["Badger services 11", "Badger services 3"]
    assert shown(typed)[2] == shown(first)[2]
