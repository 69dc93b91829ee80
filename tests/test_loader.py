"""Loading one record by its id for a page: the record asked for, with the options asked for, by a statement built
once for each kind and set of options; a record the person may not see, or that is not there, is not found."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from tests.factories import ActionFactory
from tracker.access import loader
from tracker.access.loader import NotFound
from tracker.db import db
from tracker.models import Action, User
from tracker.services.actions import history


def test_each_record_by_its_id_with_its_options_by_one_statement(users: dict[str, User]) -> None:
    first, second = ActionFactory(), ActionFactory()
    db.session.flush()
    db.session.expunge_all()
    admin = db.session.get(User, users["admin"].id)
    loader._by_id.cache_clear()
    found = [loader.load(admin, Action, action.id, options=history.WITH_OWNERS) for action in (first, second)]
    assert [action.id for action in found] == [first.id, second.id]
    # The options asked for are loaded with the record.
    assert all(not {"lead_agency", "owner_user"} & inspect(action).unloaded for action in found)
    assert loader._by_id.cache_info().hits == 1 and loader._by_id.cache_info().misses == 1
    with pytest.raises(NotFound):
        loader.load(admin, Action, 10**9)


def test_a_record_the_person_may_not_see_is_not_found(users: dict[str, User]) -> None:
    elsewhere = ActionFactory()
    db.session.flush()
    other_lead = users["other_lead"]
    with pytest.raises(NotFound):
        loader.load(other_lead, Action, elsewhere.id, options=history.WITH_OWNERS)
