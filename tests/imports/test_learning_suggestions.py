"""An import shows, for each recommendation, the themes suggested for it and the earlier recommendations that say
the same thing; suggested themes are saved only for the recommendations the person importing accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tests.imports.test_web import token_of, upload
from tracker.models import Recommendation, Review, Theme
from tracker.rules.lifecycle import ActionStatus
from tracker.services.learning import index

RISK = "Risk assessment and management (DASH, MARAC)"
REPORT = """DOMESTIC HOMICIDE REVIEW – 'ANN' (DHR-2024-77)
Safer Northbridge Partnership

RECOMMENDATIONS

1. Officers must refer every victim whose DASH risk assessment shows high risk to MARAC without delay.

2. The council should repaint the railings outside the town hall.
"""


@pytest.fixture
def report(tmp_path: Path, northbridge: Any, database: Any) -> Path:
    """A new review's report, and an earlier review that made its first recommendation and assured the action."""
    risk = Theme(name=RISK)
    database.add_all([risk, Theme(name="Training and awareness")])
    said = RecommendationFactory(
        review=ReviewFactory(reference="DHR-2019-02"),
        number="3",
        title="Agencies should refer all high-risk domestic abuse cases to MARAC.",
        text="",
    )
    said.themes = [risk]
    ActionFactory(recommendation=said, status=ActionStatus.ASSURED)
    database.flush()
    index.refresh_all()
    path = tmp_path / "dhr-2024-77.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _imported(database: Any, number: str) -> Recommendation:
    database.expire_all()
    review = database.scalar(select(Review).where(Review.reference == "DHR-2024-77"))
    return next(r for r in review.recommendations if r.number == number)


def test_the_preview_shows_suggested_themes_and_earlier_recommendations(client_for: Any, report: Path) -> None:
    browser = client_for("admin")
    html = browser.get(f"/imports/{token_of(upload(browser, report))}").get_data(as_text=True)
    section = html[html.index('id="recommendation-1"') : html.index('id="recommendation-2"')]
    assert f"Suggested themes (confirm at the bottom of the page): {RISK}" in section
    assert "DHR-2019-02 recommendation 3" in section and "the action was assured" in section
    assert "DHR-2019-02" not in html[html.index('id="recommendation-2"') :].split("Suggested themes</h2>")[0]
    assert "Add the suggested themes" in html
    assert f"Recommendation 1: {RISK}" in html


def test_confirming_with_the_box_ticked_saves_the_suggested_themes(
    client_for: Any, report: Path, database: Any
) -> None:
    browser = client_for("admin")
    token = token_of(upload(browser, report))
    html = browser.get(f"/imports/{token}").get_data(as_text=True)
    assert 'name="accept_themes" type="checkbox" value="0" checked' in html  # ticked to start with
    assert browser.post_form(f"/imports/{token}", {"accept_themes": "0"}).status_code == 302
    assert [t.name for t in _imported(database, "1").themes] == [RISK]


def test_confirming_with_the_box_unticked_saves_no_theme(client_for: Any, report: Path, database: Any) -> None:
    browser = client_for("admin")
    token = token_of(upload(browser, report))
    assert browser.post_form(f"/imports/{token}", {}).status_code == 302
    assert _imported(database, "1").themes == []


@pytest.mark.parametrize("accept", [True, False])
def test_the_command_line_adds_suggested_themes_when_asked(
    app: Flask, report: Path, database: Any, accept: bool
) -> None:
    args = ["import", str(report), "--json", *(["--accept-suggested-themes"] if accept else [])]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    themes = [t.name for t in _imported(database, "1").themes]
    if accept:
        assert themes == [RISK]
        assert data["learning"] == [
            {"number": "1", "themes_added": [RISK], "earlier": [{"review": "DHR-2019-02", "number": "3"}]}
        ]
    else:
        assert themes == [] and "learning" not in data


def test_a_very_long_file_gets_suggestions_for_its_first_recommendations_only(
    tmp_path: Path, report: Path, monkeypatch: pytest.MonkeyPatch, client_for: Any
) -> None:
    from tracker.services.imports import suggestions

    monkeypatch.setattr(suggestions, "AT_MOST", 1)
    browser = client_for("admin")
    html = browser.get(f"/imports/{token_of(upload(browser, report))}").get_data(as_text=True)
    assert "Earlier recommendations and themes are suggested for the first 1 recommendations only" in html
    assert html.count("Earlier recommendations that say the same thing:") == 1
