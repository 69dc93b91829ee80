"""Lists taken away, in Chromium: the download a person clicks opens in openpyxl and matches the list on screen."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(serve: Any) -> LiveServer:
    return serve()


def on_screen(visitor: Any) -> tuple[int, list[tuple[str, str]]]:
    """The total the page states, and (action, review) for each row of the results table, in order."""
    status = " ".join(visitor.page.locator("#results [role=status]").inner_text().split())
    found = re.search(r"of (\d+) actions|Showing (1) action", status)
    assert found, status
    total = int(found.group(1) or found.group(2))
    rows = visitor.page.locator("#results table tbody tr")
    listed = []
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td")
        action = cells.nth(1).locator("a").first.inner_text().strip()
        review = cells.nth(2).locator("a").first.inner_text().strip()
        listed.append((action, review))
    return total, listed


def download(visitor: Any, name: str, folder: Path) -> Path:
    with visitor.page.expect_download() as started:
        visitor.page.get_by_role("link", name=name).click()
    path = folder / started.value.suggested_filename
    started.value.save_as(path)
    return path


def data_rows(rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    heading = next(i for i, row in enumerate(rows) if row and row[0] == "RAG")
    return [str(v) for v in rows[heading] if v], rows[heading + 1 :]


def same(shown: str, exported: str) -> bool:
    """The page shortens long descriptions with an ellipsis; the file holds them whole."""
    shown = shown.rstrip(".… ")
    return exported == shown or exported.startswith(shown)


@pytest.mark.parametrize(
    ("role", "path"),
    [("subgroup", "/actions?rag=red&rag=amber&sort=target_date"), ("agency_lead", "/agency-actions?include_closed=0")],
)
def test_a_list_downloads_as_it_is_on_screen(
    server: LiveServer, visit: Any, tmp_path: Path, role: str, path: str
) -> None:
    visitor = visit(server, f"export-{role}", screenshots=False)
    visitor.sign_in(role)
    visitor.goto(path)
    total, listed = on_screen(visitor)
    assert listed, "the list is empty: the check would prove nothing"

    workbook = download(visitor, "Excel (.xlsx)", tmp_path)
    assert workbook.suffix == ".xlsx"
    sheet = load_workbook(workbook, read_only=True).active
    headings, rows = data_rows([list(r) for r in sheet.iter_rows(values_only=True)])
    assert headings[:5] == ["RAG", "Review", "Recommendation", "Action", "Lead agency"]
    assert len(rows) == total
    for (action, review), row in zip(listed, rows, strict=False):
        assert same(action, row[3]) and review == row[1], (action, review, row)

    text_file = download(visitor, "CSV", tmp_path)
    lines = list(csv.reader(io.StringIO(text_file.read_text(encoding="utf-8-sig"))))
    csv_headings, csv_rows = data_rows(lines)
    assert csv_headings == headings and len(csv_rows) == total
    assert [r[3] for r in csv_rows] == [r[3] for r in rows]
