"""The page header, drawn once for each role and page of the navigation: each person still sees their own role's
navigation with the page they are on marked, and a sign-out form that carries their own session's token."""

from __future__ import annotations

import re
from typing import Any

from itsdangerous import URLSafeTimedSerializer

from tracker.models import User

_ENTRY = re.compile(r'<li class="govuk-service-navigation__item( govuk-service-navigation__item--active)?">\s*<a[^>]*>')
_TOKEN = re.compile(r'action="/sign-out">\s*<input type="hidden" name="csrf_token" value="([^"]+)">')


def navigation(html: str) -> list[tuple[str, bool]]:
    """Each entry of the navigation: its address, and whether it is marked as the page."""
    entries = []
    for match in _ENTRY.finditer(html):
        href = re.search(r'href="([^"]+)"', match.group(0))
        assert href is not None
        entries.append((href.group(1), match.group(1) is not None))
    return entries


def test_each_role_sees_its_own_navigation_with_its_page_marked(client_for: Any, users: dict[str, User]) -> None:
    pages = {role: client_for(role) for role in ("admin", "agency_lead", "board", "subgroup")}
    seen: dict[str, list[tuple[str, bool]]] = {}
    # By turns, so that each role's header is drawn after another's has been kept.
    for path in ("/", "/reviews", "/reminders"):
        for role, client in pages.items():
            page = client.get(path).get_data(as_text=True)
            entries = navigation(page)
            assert [href for href, marked in entries if marked] == ([path] if path != "/reminders" else []), role
            seen.setdefault(role, [href for href, _ in entries])
            assert [href for href, _ in entries] == seen[role], (role, path)
    assert "/admin" in seen["admin"] and "/admin" not in seen["subgroup"]
    assert "/agency-actions" in seen["agency_lead"] and "/overview" not in seen["agency_lead"]
    assert "/summary" in seen["board"] and "/meetings" not in seen["board"]
    assert "/meetings" in seen["subgroup"] and "/my-actions" not in seen["subgroup"]


def test_the_sign_out_form_carries_each_session_s_own_token(app: Any, client_for: Any) -> None:
    first, second = client_for("board"), client_for("subgroup")
    signer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token")
    tokens = []
    for client in (first, second):
        token = _TOKEN.search(client.get("/").get_data(as_text=True))
        assert token is not None
        with client.session_transaction() as session:
            assert signer.loads(token.group(1)) == session["csrf_token"]
        tokens.append(token.group(1))
    assert signer.loads(tokens[0]) != signer.loads(tokens[1])
    # The token the page gave is the one that signs the person out.
    assert first.post("/sign-out", data={"csrf_token": tokens[0]}).status_code == 302
    assert first.get("/").status_code == 302
    assert second.get("/").status_code == 200


def test_a_visitor_signed_out_gets_no_navigation_and_no_form(client: Any) -> None:
    page = client.get("/sign-in").get_data(as_text=True)
    assert navigation(page) == [] and 'action="/sign-out"' not in page
    assert "govuk-service-navigation__service-name" in page
