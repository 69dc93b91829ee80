"""Components written out for speed give the very markup of the GOV.UK macros they stand in for."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from flask import Flask, flash, render_template_string
from flask_login import login_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import StringField
from wtforms.validators import DataRequired

from tracker import clock
from tracker.rules.lifecycle import ActionStatus
from tracker.services.search.listed import ListedAction, ListedRecommendation, Named, ReviewReference
from tracker.web.search.rows import action_rows


class _Tokens(HTMLParser):
    """Markup as a list of tags (attributes in any order) and words, whatever the whitespace between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("<", tag, sorted((name, " ".join((value or "").split())) for name, value in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("</", tag))

    def handle_data(self, data: str) -> None:
        self.tokens.extend(data.split())


def tokens(html: str) -> list[Any]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def render(app: Flask, source: str, **context: Any) -> str:
    with app.test_request_context("/"):
        return app.jinja_env.from_string(source).render(**context)


PAGES = [
    {
        "items": [{"number": 1, "href": "/a?page=1", "current": True}, {"number": 2, "href": "/a?page=2"}],
        "landmarkLabel": "Pages of results",
        "next": {"href": "/a?page=2"},
    },
    {
        "items": [
            {"number": 1, "href": "/a", "current": False},
            {"ellipsis": True},
            {"number": 7, "href": "/a?page=7", "current": True},
            {"number": 8, "href": "/a?page=8"},
            {"ellipsis": True},
            {"number": 40, "href": "/a?page=40&amp;q=x<y"},
        ],
        "landmarkLabel": "Pages of actions",
        "previous": {"href": "/a?page=6"},
        "next": {"href": "/a?page=8"},
    },
    {
        "items": [{"number": 1, "href": "/a"}, {"number": 2, "href": "/a?page=2", "current": True}],
        "previous": {"href": "/a"},
    },
]


END = Markup('<li class="govuk-service-navigation__item"><form method="post" action="/x"></form></li>')
NAVIGATIONS = [
    {
        "serviceName": "Tracker",
        "serviceUrl": "/",
        "navigationLabel": "Main",
        "slots": {"navigationEnd": END},
        "navigation": [{"text": "Home", "href": "/", "active": True}, {"text": "Actions & more", "href": "/actions"}],
    },
    {
        "serviceName": "Tracker",
        "serviceUrl": "/",
        "navigationLabel": "Main",
        "slots": {"navigationEnd": END},
        "navigation": [{"text": "Home", "href": "/", "active": False}],
    },
    {
        "serviceName": "Tracker",
        "serviceUrl": "/",
        "navigationLabel": "Main",
        "slots": {"navigationEnd": ""},
        "navigation": [],
    },
]


CHECKBOXES = [
    {
        "idPrefix": "filter-review",
        "name": "review",
        "classes": "govuk-checkboxes--small",
        "fieldset": {"legend": {"text": "Review", "classes": "govuk-fieldset__legend--s govuk-visually-hidden"}},
        "hint": {"text": "Those chosen <first> & ten more"},
        "items": [
            {"value": "12", "text": "DARDR 03/24 & <SAR>", "checked": True},
            {"value": "7", "text": Markup("LLR <em>2025</em>"), "checked": False},
            {"value": 'x"y', "text": "Quoted"},
        ],
    },
    {
        "idPrefix": "filter-rag",
        "name": "rag",
        "fieldset": {"legend": {"text": "RAG"}},
        "items": [{"value": "red", "text": "Red"}],
    },
    {
        "idPrefix": "filter-theme",
        "name": "theme",
        "fieldset": {"legend": {"text": "Theme", "classes": ""}},
        "items": [],
    },
]


def called(template: str, macro: str) -> str:
    return f'{{% from "{template}" import {macro} %}}{{{{ {macro}(p) }}}}'


@pytest.mark.parametrize(
    ("ours", "theirs", "params"),
    [
        *[
            (
                called("components/pagination.html", "page_links"),
                called("govuk_frontend_jinja/components/pagination/macro.html", "govukPagination"),
                params,
            )
            for params in PAGES
        ],
        *[
            (
                called("components/service_navigation.html", "service_navigation"),
                called("govuk_frontend_jinja/components/service-navigation/macro.html", "govukServiceNavigation"),
                params,
            )
            for params in NAVIGATIONS
        ],
    ],
)
def test_written_out_is_govuk_markup(app: Flask, ours: str, theirs: str, params: dict[str, Any]) -> None:
    assert tokens(render(app, ours, p=params)) == tokens(render(app, theirs, p=params))


@pytest.mark.parametrize("params", CHECKBOXES)
def test_checkboxes_are_govuk_checkboxes(app: Flask, params: dict[str, Any]) -> None:
    theirs = called("govuk_frontend_jinja/components/checkboxes/macro.html", "govukCheckboxes")
    assert tokens(render(app, "{{ checkboxes(p) }}", p=params)) == tokens(render(app, theirs, p=params))


def test_skip_link_is_govuk_skip_link(app: Flask, client: Any) -> None:
    theirs = render(
        app,
        '{% from "govuk_frontend_jinja/components/skip-link/macro.html" import govukSkipLink %}'
        "{{ govukSkipLink({'href': '#main-content', 'text': 'Skip to main content'}) }}",
    )
    page = client.get("/sign-in").get_data(as_text=True)
    start = page.index('<a href="#main-content"')
    assert tokens(page[start : page.index("</a>", start) + 4]) == tokens(theirs)


# The page shell as GOV.UK Frontend's page template draws it, with the service's parts in its blocks: what the
# written-out shell (`base.html`) stands in for. The skip link is the template's own (`govukSkipLink`).
GOVUK_SHELL = """{% extends "govuk_frontend_jinja/template.html" %}
{% from "components/shell.html" import page_header, signed_in, notices, page_footer %}
{% set assetPath = url_for('static', filename='govuk/assets') %}
{% set cspNonce = csp_nonce() %}
{% set has_errors = form is defined and form and form.errors %}
{% block pageTitle %}{% if has_errors %}Error: {% endif %}{% block title %}{% endblock %} – {{ config.SERVICE_NAME }}{% endblock %}
{% block head %}<link rel="stylesheet" href="{{ url_for('static', filename='css/tracker.css') }}">{% endblock %}
{% block headIcons %}<link rel="icon" sizes="any" href="{{ url_for('static', filename='govuk/assets/images/favicon.svg') }}" type="image/svg+xml">{% endblock %}
{% block header %}{{ page_header(current_user) }}{% endblock %}
{% block beforeContent %}{{ signed_in(current_user) }}{% block breadcrumbs %}{% endblock %}{% endblock %}
{% block content %}{{ notices(form if has_errors else none) }}{% block main_content %}{% endblock %}{% endblock %}
{% block footer %}{{ page_footer() }}{% endblock %}
{% block bodyEnd %}<script type="module" src="{{ url_for('static', filename='js/app.mjs') }}"></script>{% endblock %}
"""

PAGE = (
    "{% block title %}Actions{% endblock %}{% block breadcrumbs %}<p>Back</p>{% endblock %}"
    '{% block main_content %}<h1 class="govuk-heading-l">Actions</h1>{% endblock %}'
)


class _Named(FlaskForm):
    name = StringField("Name", validators=[DataRequired(message="Enter a name")])


@pytest.mark.parametrize("signed_in", ["agency_lead", "board", None])
@pytest.mark.parametrize("problems", [False, True])
def test_page_shell_is_govuk_template(app: Flask, users: dict[str, Any], signed_in: str | None, problems: bool) -> None:
    with app.test_request_context("/", method="POST", data={}):
        if signed_in:
            login_user(users[signed_in])
        flash("Saved", "success")
        flash("Something to know")
        form = _Named(meta={"csrf": False})
        if problems:
            form.validate()
        theirs = app.jinja_env.from_string(GOVUK_SHELL)
        context = {"form": form, "shell": theirs}
        ours = render_template_string('{% extends "base.html" %}' + PAGE, **context)
        extended = render_template_string("{% extends shell %}" + PAGE, **context)
    assert ("Enter a name" in ours) is problems
    assert "Saved" in ours and "Something to know" in ours
    assert tokens(ours) == tokens(extended)


def test_template_globals_name_their_own_and_the_environments(app: Flask) -> None:
    template = app.jinja_env.from_string("{{ own }} {{ later }}", globals={"own": "mine"})
    app.jinja_env.globals["later"] = "added"
    try:
        assert {"own", "later", "url_for"} <= set(template.globals.keys())
        assert template.render() == "mine added"
        page = app.jinja_env.from_string('{% from "components/rag.html" import rag_tag %}{{ later }}')
        assert page.render() == "added"
    finally:
        del app.jinja_env.globals["later"]
    assert "later" not in set(template.globals.keys())


# A RAG tag as the template drew it, before it was a global written in Python.
OLD_TAG = """
{% set tag_classes = {"red": "govuk-tag--red", "amber": "govuk-tag--orange", "green": "govuk-tag--green", "blue": "govuk-tag--blue"} %}
{% macro old_tag(rag, reason=None) -%}
  <strong class="govuk-tag {{ tag_classes[rag.value] }}">{{ rag.label }}</strong>
  {%- if reason %} <span class="govuk-body-s">{{ reason }}</span>{% endif %}
{%- endmacro %}
"""

# The action list's rows as the template drew them, before they were written in Python.
TEMPLATE_ROWS = (
    OLD_TAG
    + """
{% for action in actions %}
  {% set result = action.rag_result %}
  {% set recommendation = action.recommendation %}
  <tr class="govuk-table__row">
    <td class="govuk-table__cell">{{ old_tag(result.rag, result.reason) }}</td>
    <td class="govuk-table__cell"><a class="govuk-link" href="{{ url_for('actions.show', action_id=action.id) }}">{{ action.description | truncate(160) }}</a><br><span class="govuk-body-s">{{ action.status.label }}{% if action.owner %}; {{ action.owner }}{% endif %}</span></td>
    <td class="govuk-table__cell"><a class="govuk-link" href="{{ url_for('reviews.show', review_id=recommendation.review.id) }}">{{ recommendation.review.reference }}</a><br><span class="govuk-body-s"><a class="govuk-link" href="{{ url_for('reviews.recommendation', recommendation_id=recommendation.id) }}">Recommendation {{ recommendation.number }}</a></span></td>
    <td class="govuk-table__cell">{{ action.lead_agency.name if action.lead_agency else "No lead agency" }}</td>
    <td class="govuk-table__cell">{{ action.target_date | uk_date or action.target_text or "None" }}</td>
    <td class="govuk-table__cell">{{ action.last_update_on | uk_date }}</td>
  </tr>
{% endfor %}
"""
)


def _listed(number: int, **given: Any) -> ListedAction:
    today = clock.today()
    values: dict[str, Any] = {
        "id": number,
        "description": f"Train every <duty> & intake worker in routine enquiry, round {number}",
        "status": ActionStatus.IN_PROGRESS,
        "owner": "Head of Safeguarding",
        "target_date": today + timedelta(days=40),
        "target_text": None,
        "last_update_on": today - timedelta(days=3),
        "submitted_at": None,
        "recommendation": ListedRecommendation(70 + number, f"{number}.2", ReviewReference(9, "DARDR 03/24 & SAR")),
        "lead_agency": Named(4, "Northshire Police"),
        "owner_user_name": None,
    }
    return ListedAction(**{**values, **given})


def every_kind() -> list[ListedAction]:
    """Actions of every colour, without an owner, agency or date, with a long wording that holds markup."""
    today = clock.today()
    return [
        _listed(1),
        _listed(2, target_date=today - timedelta(days=30), owner="", lead_agency=None),
        _listed(3, target_date=None, target_text="By the end of the financial year", description="x <y> " * 60),
        _listed(4, target_date=None, status=ActionStatus.ASSURED, last_update_on=today - timedelta(days=400)),
        _listed(5, last_update_on=today - timedelta(days=120), status=ActionStatus.NOT_STARTED),
    ]


def test_the_action_lists_rows_are_the_templates(app: Flask) -> None:
    actions = every_kind()
    with app.test_request_context("/actions"):
        ours = str(action_rows(actions))
        theirs = render_template_string(TEMPLATE_ROWS, actions=actions)
    assert {"Red", "Green", "Blue", "Amber"} <= {token for token in tokens(theirs) if isinstance(token, str)}
    assert tokens(ours) == tokens(theirs)
    # Parsed, "&" and "&amp;" are the same text: that the reference is escaped is asked of the markup itself.
    assert ">DARDR 03/24 &amp; SAR</a>" in ours
