"""One partnership at a time on the figures: the summary, the overview and the lists narrow to one."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import ActionFactory, PartnershipFactory, RecommendationFactory, ReviewFactory, join
from tracker.db import db
from tracker.models import Partnership, User
from tracker.rules.vocabulary import PartnershipKind, ReviewType
from tracker.web.charts import rag_bars


@pytest.fixture
def two(users: dict[str, User]) -> dict[str, Any]:
    csp = PartnershipFactory(name="Safer Testshire", kind=PartnershipKind.CSP)
    sab = PartnershipFactory(name="Testshire Adults Board", kind=PartnershipKind.SAB)
    join(csp, users["subgroup"], users["board"])
    join(sab, users["subgroup"], users["board"])
    dhr = ReviewFactory(reference="DHR-2030-01", partnership=csp)
    sar = ReviewFactory(reference="SAR-2030-02", type=ReviewType.SAR, partnership=sab)
    joint = ReviewFactory(reference="THEM-2030-03", type=ReviewType.THEMATIC, partnership=sab)
    joint.joint_partnerships = [csp]
    for review, count in ((dhr, 2), (sar, 3), (joint, 1)):
        recommendation = RecommendationFactory(review=review)
        for _ in range(count):
            ActionFactory(recommendation=recommendation)
    db.session.flush()
    return {"csp": csp, "sab": sab}


def figure(html: str, label: str) -> str:
    import lxml.html

    doc = lxml.html.fromstring(html)
    item = doc.xpath(f"//dl[contains(@class,'tracker-headline')]/div[normalize-space(dt)='{label}']")[0]
    return item.xpath("string(dd/span[@class='tracker-figure'])").split()[0]


def test_the_summary_narrows_to_one_partnership_and_its_links_keep_it(client_for: Any, two: dict[str, Any]) -> None:
    board = client_for("board")
    every = board.get("/summary").get_data(as_text=True)
    assert figure(every, "Actions") == "6"
    csp: Partnership = two["csp"]
    narrowed = board.get(f"/summary?partnership={csp.id}").get_data(as_text=True)
    # The CSP's own review and the joint one it shares with the Adults Board.
    assert figure(narrowed, "Actions") == "3" and figure(narrowed, "Recommendations") == "2"
    assert "SAR-2030-02" not in narrowed and "DHR-2030-01" in narrowed and "THEM-2030-03" in narrowed
    assert f"/actions?partnership={csp.id}&amp;overdue=1" in narrowed
    assert f"/recommendations?partnership={csp.id}" in narrowed


def test_the_overview_and_the_lists_narrow_the_same_way(client_for: Any, two: dict[str, Any]) -> None:
    subgroup = client_for("subgroup")
    sab = two["sab"]
    overview = subgroup.get(f"/overview?partnership={sab.id}").get_data(as_text=True)
    assert "DHR-2030-01" not in overview and "SAR-2030-02" in overview and "THEM-2030-03" in overview
    actions = subgroup.get(f"/actions?partnership={sab.id}").get_data(as_text=True)
    assert "Showing 1 to 4 of 4 actions" in " ".join(actions.split())
    assert "Partnership: Testshire Adults Board" in actions
    reviews = subgroup.get(f"/reviews?partnership={sab.id}").get_data(as_text=True)
    assert "SAR-2030-02" in reviews and "THEM-2030-03" in reviews and "DHR-2030-01" not in reviews


def test_a_partnership_that_is_not_yours_narrows_nothing_and_says_so(
    client_for: Any, users: dict[str, User], two: dict[str, Any]
) -> None:
    stranger = PartnershipFactory(name="Elsewhere Partnership")
    html = client_for("board").get(f"/summary?partnership={stranger.id}").get_data(as_text=True)
    assert "names none of yours" in html
    assert figure(html, "Actions") == "6"


def test_charts_are_svg_with_a_title_a_text_alternative_and_patterns(client_for: Any, two: dict[str, Any]) -> None:
    html = client_for("board").get("/summary").get_data(as_text=True)
    # RAG by review, by agency, and at each quarter end (recomputed from the history) with now.
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 3
    assert 'href="#trend"' in html and 'id="trend"' in html
    assert '<title id="chart-by-review-title">Actions by review, by RAG</title>' in html
    assert 'href="#by-review"' in html and 'id="by-review"' in html
    assert "style=" not in html.split('<svg xmlns="http://www.w3.org/2000/svg"', 1)[1].split("</svg>", 1)[0]


def test_a_chart_escapes_its_labels_and_says_every_figure_in_words() -> None:
    from tracker.models.tallies import RagCounts
    from tracker.rules.rag import Rag

    row = RagCounts(1, '<script>alert("x")</script> & co')
    row.counts[Rag.RED], row.counts[Rag.BLUE] = 2, 3
    chart = rag_bars([row], chart_id="c", title="Actions <by> review")
    assert "<script>" not in chart.svg and "&lt;script&gt;" in chart.svg
    assert '<title id="c-title">Actions &lt;by&gt; review</title>' in chart.svg
    assert "2 red (overdue), 3 blue (assured or closed); 5 actions in all" in chart.summary
    for pattern in ("c-red", "c-amber", "c-green", "c-blue"):
        assert f'<pattern id="{pattern}"' in chart.svg
    assert "url(#c-red)" in chart.svg and "url(#c-blue)" in chart.svg
