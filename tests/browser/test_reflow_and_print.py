"""The board on a phone and on paper, in Chromium.

Reflow (WCAG 2.2, 1.4.10): at 320 CSS pixels every page each role reaches reads without the
page scrolling sideways; a wide table may scroll inside its own region, never the page.
Print: the summary and an action list print to PDF with every column heading and no link
addresses appended. Charts: the summary's charts are SVG with a title.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber
import pytest
from flask import Flask

from tests.browser.conftest import LiveServer
from tests.browser.test_accessibility import ROLES, demo_samples, open_page, pages_for, scan_server  # noqa: F401

pytestmark = pytest.mark.browser
PHONE = {"width": 320, "height": 640}

# How far the page reaches sideways, and which elements reach past the viewport (for the message).
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !el.closest(".tracker-table-wrap")) {
      wide.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""} right=${Math.round(box.right)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


def reach(visitor: Any) -> dict[str, Any]:
    found: dict[str, Any] = visitor.page.evaluate(_OVERFLOW)
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_reflows_at_320_css_pixels(
    app: Flask,
    scan_server: LiveServer,  # noqa: F811
    demo_samples: dict[str, int],  # noqa: F811
    visit: Any,
    role: str,
) -> None:
    visitor = visit(scan_server, f"reflow-{role}", screenshots=False)
    visitor.sign_in(role)
    visitor.page.set_viewport_size(PHONE)
    pages, _ = pages_for(app, role, demo_samples)
    assert pages
    problems, measured = [], []
    for route, url in pages:
        if open_page(visitor, url) == "download":
            continue
        found = reach(visitor)
        measured.append(f"{route.endpoint}: {found['scroll']}")
        if found["scroll"] > found["width"]:
            problems.append(
                f"{url} ({route.endpoint}) is {found['scroll']}px wide at {found['width']}: {found['wide']}"
            )
    print(f"\nwidths at 320 px as {role}: " + ", ".join(measured))
    assert problems == [], "\n".join(problems)


def pdf_text(visitor: Any) -> str:
    pdf = visitor.page.pdf(format="A4", print_background=True)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def words(text: str) -> str:
    return " ".join(text.split())


def link_addresses(text: str) -> list[str]:
    """What GOV.UK's print styles append after links: a path or address in brackets."""
    return re.findall(r"\((?:/|https?://)[^)]*\)", words(text))


def test_the_summary_prints_whole_without_link_addresses(scan_server: LiveServer, visit: Any) -> None:  # noqa: F811
    visitor = visit(scan_server, "print-summary", screenshots=False)
    visitor.sign_in("board")
    visitor.goto("/summary")
    text = words(pdf_text(visitor))
    for heading in ("Red", "Amber", "Green", "Blue", "Assured", "Total", "% assured"):
        assert heading in text, f"the printed summary lacks the column {heading!r}"
    for heading in ("Actions by review", "Actions by lead agency", "Overdue actions"):
        assert heading in text
    assert link_addresses(text) == []
    # The page's navigation and the forms to choose what it shows are not part of the board paper.
    assert "Sign out" not in text and "Administration" not in text
    assert "Show figures" not in text and "Download the standard assurance report" not in text


def test_an_action_list_prints_without_its_filter_panel(scan_server: LiveServer, visit: Any) -> None:  # noqa: F811
    visitor = visit(scan_server, "print-actions", screenshots=False)
    visitor.sign_in("subgroup")
    visitor.goto("/actions?rag=red&rag=amber")
    text = words(pdf_text(visitor))
    for heading in ("RAG", "Action", "Review", "Lead agency", "Target date", "Last update"):
        assert heading in text, f"the printed list lacks the column {heading!r}"
    assert link_addresses(text) == []
    assert "Apply filters" not in text and "Clear filters" not in text and "Needs attention" not in text
    # The filters it was made with stay on the paper, in words.
    assert "RAG: Red" in text and "RAG: Amber" in text


def test_the_summary_charts_are_svg_with_a_title(scan_server: LiveServer, visit: Any) -> None:  # noqa: F811
    visitor = visit(scan_server, "charts", screenshots=False)
    visitor.sign_in("board")
    visitor.goto("/summary")
    charts = visitor.page.locator("main svg[role=img]")
    assert charts.count() >= 2
    for index in range(charts.count()):
        chart = charts.nth(index)
        title = chart.locator("title")
        assert title.count() == 1 and (title.text_content() or "").strip(), "a chart without a title"
        labelled = chart.get_attribute("aria-labelledby") or ""
        assert title.get_attribute("id") in labelled.split()
        # The figures behind it are one click away.
        figure = chart.locator("xpath=ancestor::figure[1]")
        link = figure.locator("a[href^='#']").first
        target = (link.get_attribute("href") or "#")[1:]
        assert visitor.page.locator(f"table#{target}, #{target} table").count() >= 1
