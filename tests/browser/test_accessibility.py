"""Every page of the route list, for every role, in Chromium: WCAG 2.2 AA by axe-core, the page
shell, no CSP violation; and every form submitted empty, to check its error state too."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from tests.browser.conftest import LiveServer
from tests.security.checks import MissingSample, Route, fill, routes
from tracker import clock
from tracker.access import policy
from tracker.models import (
    Action,
    Agency,
    AssuranceDecision,
    Evidence,
    GeneratedReport,
    ImportRun,
    Job,
    JobState,
    Meeting,
    ProgressUpdate,
    TargetDateChange,
    Theme,
    User,
)
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Role

pytestmark = pytest.mark.browser
ROLES = ["admin", "subgroup", "agency_lead", "board"]

# Empties every field a person fills in, then presses the form's first button.
_SUBMIT_EMPTY = """(index) => {
  const form = [...document.querySelectorAll("#main-content form")].filter((f) => f.method === "post")[index];
  for (const el of form.querySelectorAll("input, textarea, select")) {
    const type = (el.type || "").toLowerCase();
    if (["hidden", "submit", "button", "image", "reset"].includes(type)) continue;
    if (type === "radio" || type === "checkbox") el.checked = false;
    else if (el.tagName === "SELECT") el.selectedIndex = [...el.options].findIndex((o) => !o.value) ;
    else el.value = "";
  }
  // A chooser's Find shows the form again unsaved (its own formaction): the form is sent by its own button.
  const buttons = [...form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]")];
  const button = buttons.find((b) => !b.hasAttribute("formaction")) || buttons[0];
  if (button) button.click(); else form.requestSubmit();
}"""

_FILLABLE_FORMS = """() => [...document.querySelectorAll("#main-content form")].filter((f) => f.method === "post")
  .map((f) => [...f.querySelectorAll("input, textarea, select")].some((el) =>
     !["hidden", "submit", "button", "image", "reset"].includes((el.type || "").toLowerCase())))"""


@pytest.fixture(scope="module")
def scan_server(serve: Any) -> LiveServer:
    return serve()


@pytest.fixture(scope="module")
def demo_samples(scan_server: LiveServer) -> dict[str, int]:
    """URL arguments from the demo data, held by the Northbridge police lead's agency."""
    with scan_server.session() as session:
        lead = session.scalar(select(User).where(User.role == Role.AGENCY_LEAD, User.email.like("police%")))
        assert lead is not None
        own = Action.lead_agency_id == lead.agency_id
        action = session.scalar(
            select(Action).where(own, Action.status == ActionStatus.IN_PROGRESS).order_by(Action.id)
        )
        assert action is not None
        found = {
            "action_id": action.id,
            "recommendation_id": action.recommendation_id,
            "review_id": action.recommendation.review_id,
            "partnership_id": action.recommendation.review.partnership_id,
            "agency_id": lead.agency_id,
            "user_id": session.scalar(select(User.id).where(User.role == Role.BOARD)),
            "theme_id": session.scalar(select(Theme.id).order_by(Theme.id)),
            "evidence_id": session.scalar(
                select(Evidence.id).join(Action).where(own, Evidence.stored_name.is_not(None)).order_by(Evidence.id)
            ),
            "update_id": session.scalar(select(ProgressUpdate.id).join(Action).where(own).order_by(ProgressUpdate.id)),
            "decision_id": session.scalar(select(AssuranceDecision.id).join(Action).where(own)),
            "change_id": session.scalar(select(TargetDateChange.id).order_by(TargetDateChange.id)),
            "report_id": session.scalar(select(GeneratedReport.id).order_by(GeneratedReport.id)),
            "import_id": session.scalar(select(ImportRun.id).order_by(ImportRun.id)),
            "meeting_id": session.scalar(
                select(Meeting.id).where(Meeting.partnership_id == action.recommendation.review.partnership_id)
            ),
            "other_agency_id": session.scalar(select(Agency.id).where(Agency.id != lead.agency_id)),
            "job_id": _report_job_under_way(session),
        }
    from tests.security.conftest import with_aliases

    return with_aliases({name: value for name, value in found.items() if value is not None})


def _report_job_under_way(session: Any) -> int | None:
    """The demo asks for no job: an administrator's report half-way through, for its page to be scanned."""
    admin = session.scalar(select(User.id).where(User.role == Role.ADMIN).order_by(User.id))
    if admin is None:
        return None
    now = clock.now()
    job = Job(
        kind="report",
        requested_by_id=admin,
        state=JobState.RUNNING,
        params={"standard": True},
        progress_done=5,
        progress_total=14,
        progress_text="Writing the Trend",
        created_at=now,
        started_at=now,
        heartbeat_at=now,
    )
    session.add(job)
    session.commit()
    return job.id


def pages_for(app: Flask, role: str, samples: dict[str, int]) -> tuple[list[tuple[Route, str]], list[str]]:
    """The GET routes the role may open, with their URLs; and those no demo object can fill."""
    pages, skipped = [], []
    for route in routes(app):
        permission = policy.declared_permission(route.view)
        if "GET" not in route.methods or permission is None or route.endpoint == "auth.sign_in":
            continue
        if Role(role) not in policy.roles_for(permission):
            continue
        try:
            pages.append((route, fill(route.rule, samples)))
        except MissingSample as missing:
            skipped.append(f"{route.rule} ({route.endpoint}): no demo object for <{missing}>")
    return pages, skipped


def open_page(visitor: Any, url: str) -> str:
    """'page' for an HTML page, 'download' for a file (checked for its headers instead)."""
    try:
        response = visitor.goto(url)
    except Exception as error:  # Chromium refuses to navigate to a download
        if "Download is starting" not in str(error):
            raise
        answer = visitor.page.request.get(visitor.server.url + url)
        assert answer.headers.get("content-disposition", "").startswith("attachment"), url
        assert answer.headers.get("x-content-type-options") == "nosniff", url
        return "download"
    assert response is not None
    assert response.status < 500, f"{url} answered {response.status}:\n{visitor.server.log()}"
    return "page"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_for_every_role(
    app: Flask, scan_server: LiveServer, demo_samples: dict[str, int], visit: Any, role: str
) -> None:
    visitor = visit(scan_server, f"scan-{role}", screenshots=False)
    visitor.sign_in(role)
    pages, skipped = pages_for(app, role, demo_samples)
    if skipped:
        warnings.warn(UserWarning(f"not scanned as {role}: " + "; ".join(skipped)), stacklevel=1)
        print("\n".join(["Not scanned:", *skipped]))
    problems = []
    for route, url in pages:
        if open_page(visitor, url) == "download":
            continue
        try:
            visitor.check(f"{route.endpoint}")
        except AssertionError as failure:
            problems.append(str(failure))
        visitor.problems.clear()
    assert problems == [], "\n".join(problems)


def test_every_form_submitted_empty(
    app: Flask, scan_server: LiveServer, demo_samples: dict[str, int], visit: Any
) -> None:
    """Each form's error state, once per form, as the first role that may use it."""
    done: set[str] = set()
    problems = []
    for role in ("admin", "agency_lead"):
        visitor = visit(scan_server, f"empty-forms-{role}", screenshots=False)
        visitor.sign_in(role)
        for route, url in pages_for(app, role, demo_samples)[0]:
            if open_page(visitor, url) == "download":
                continue
            fillable = visitor.page.evaluate(_FILLABLE_FORMS)
            for index, has_fields in enumerate(fillable):
                key = f"{route.endpoint}#{index}"
                if not has_fields or key in done:
                    continue
                done.add(key)
                visitor.goto(url)
                with visitor.page.expect_navigation():
                    visitor.page.evaluate(_SUBMIT_EMPTY, index)
                has_errors = visitor.page.locator(".govuk-error-summary").count() > 0
                try:
                    visitor.check(f"{route.endpoint}-{index}-empty", errors=has_errors)
                except AssertionError as failure:
                    problems.append(f"{url}, form {index + 1} submitted empty: {failure}")
                visitor.problems.clear()
    assert done, "no form was found to submit"
    assert problems == [], "\n".join(problems)


def test_sign_in_signed_out(scan_server: LiveServer, visit: Any) -> None:
    visitor = visit(scan_server, "signed-out")
    visitor.goto("/sign-in")
    visitor.check("sign-in", signed_in=False)
    visitor.page.get_by_role("button", name="Sign in").click()
    visitor.page.wait_for_load_state()
    visitor.check("sign-in-empty", signed_in=False, errors=True)
    visitor.goto("/no-such-page")
    visitor.check("not-found", signed_in=False)
