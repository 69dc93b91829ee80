"""Meetings for the tests: a subgroup meeting of a partnership on a day."""

from __future__ import annotations

from typing import Any

import factory

from tests.factories import Base, PartnershipFactory
from tracker import clock
from tracker.db import db
from tracker.models import Meeting


class MeetingFactory(Base):
    class Meta:
        model = Meeting

    partnership = factory.SubFactory(PartnershipFactory)
    held_on = factory.LazyFunction(clock.today)
    title = "Subgroup meeting"
    other_attendees = ""


def member_of(user: Any, *partnerships: Any) -> None:
    """Make a subgroup or board member belong to these partnerships, where users belong to partnerships."""
    held = getattr(user, "partnerships", None)
    if held is not None:
        held.extend(p for p in partnerships if p not in held)
        db.session.flush()
