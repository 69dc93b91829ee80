"""An agency lead never reaches another agency's actions, evidence, recommendations or reviews."""

from __future__ import annotations

from typing import Any

from flask import Flask

from tests.security.checks import fill, routes
from tests.security.conftest import ALIASES, SECRET_DESCRIPTION, Held, with_aliases
from tests.security.spreadsheets import readable
from tracker.db import db
from tracker.models import Action, Evidence

# URL arguments that name something belonging to one agency's action plan.
HELD = {"action_id", "evidence_id", "recommendation_id", "review_id", "update_id", "decision_id", "change_id"}


def test_other_agencies_objects_answer_404_or_403(
    app: Flask, client_for: Any, samples: dict[str, int], others: Held
) -> None:
    lead = client_for("agency_lead")
    foreign = {**samples, **with_aliases(others.ids)}
    version, status = others.action.version, others.action.status
    evidence_count = len(others.action.evidence)
    leaks = []
    for route in routes(app):
        held = [name for name in route.arguments if _held(name)]
        if not held:
            continue
        # The held arguments name the other agency's objects; anything else is the lead's own.
        url = fill(route.rule, {**samples, **{name: foreign[name] for name in held}})
        for method in sorted(route.methods & {"GET", "POST"}):
            response = lead.get(url) if method == "GET" else lead.post_form(url, {})
            if response.status_code not in (403, 404):
                leaks.append(f"{method} {url} ({route.endpoint}) answered {response.status_code}")
            if SECRET_DESCRIPTION in readable(response):
                leaks.append(f"{method} {url} ({route.endpoint}) shows the other agency's action")
    assert leaks == []
    db.session.expire_all()
    action = db.session.get(Action, others.action.id)
    assert action is not None and (action.version, action.status) == (version, status)
    assert db.session.query(Evidence).filter_by(action_id=action.id).count() == evidence_count


def _held(name: str) -> bool:
    return name in HELD or any(name in aliases for key, aliases in ALIASES.items() if key in HELD)


def test_lists_and_dashboards_never_show_other_agencies_actions(
    app: Flask, client_for: Any, samples: dict[str, int], others: Held
) -> None:
    lead = client_for("agency_lead")
    shown = []
    for route in routes(app):
        if "GET" not in route.methods or route.endpoint == "auth.sign_out":
            continue
        response = lead.get(fill(route.rule, samples))
        if SECRET_DESCRIPTION in readable(response):
            shown.append(f"{route.rule} ({route.endpoint})")
    assert shown == []
