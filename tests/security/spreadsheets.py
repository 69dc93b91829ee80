"""What the suite asks of every spreadsheet the tracker hands out."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Flask
from openpyxl import load_workbook

from tests.security.checks import fill, routes
from tests.security.forms import post_forms, submit

SPREADSHEET_TYPES = ("spreadsheetml", "ms-excel", "text/csv")


def is_spreadsheet(response: Any) -> bool:
    return response.status_code == 200 and any(t in response.content_type for t in SPREADSHEET_TYPES)


def cells(content: bytes) -> Iterator[tuple[str, Any]]:
    """(sheet!coordinate, cell) for every cell of an .xlsx workbook."""
    book = load_workbook(io.BytesIO(content), data_only=False)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield f"{sheet.title}!{cell.coordinate}", cell


def formula_problems(content: bytes, user_texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """Formulas built from user text, and the text cells found, in an .xlsx workbook."""
    texts = list(user_texts)
    problems, strings = [], []
    for where, cell in cells(content):
        value = str(cell.value)
        if cell.data_type == "f" and any(text.lstrip("=+-@") in value for text in texts if text.strip("=+-@ ")):
            problems.append(f"{where} is a formula made of user text: {value!r}")
        elif cell.data_type == "s":
            strings.append(value)
    return problems, strings


def report_endpoints(app: Flask) -> list[str]:
    return sorted(e for e in app.view_functions if e.startswith("reports."))


def spreadsheets(app: Flask, client: Any, samples: dict[str, int]) -> Iterator[tuple[str, Any]]:
    """Every spreadsheet a user can get: each GET route that answers one, and each report form."""
    report_pages = []
    for route in routes(app):
        if "GET" not in route.methods or route.endpoint == "auth.sign_out":
            continue
        url = fill(route.rule, samples)
        response = client.get(url)
        if is_spreadsheet(response):
            yield f"GET {url}", response
        elif route.endpoint.startswith("reports.") and response.status_code == 200:
            report_pages.append((url, readable(response)))
    for serial, (url, html) in enumerate(report_pages):
        for form in post_forms(html, url):
            response, _ = submit(client, form, f"Report {serial}", serial=serial)
            while response.status_code in (302, 303):
                response = client.get(response.headers["Location"])
            if is_spreadsheet(response):
                yield f"POST {form.action} (from {url})", response
    # A report produced above is offered for download on the reports pages.
    seen = set()
    for route in routes(app):
        if "GET" in route.methods and route.endpoint.startswith("reports."):
            html = readable(client.get(fill(route.rule, samples)))
            for link in sorted(set(re.findall(r'href="(/[^"#]*)"', html)) - seen):
                seen.add(link)
                response = client.get(link)
                if is_spreadsheet(response):
                    yield f"GET {link}", response


def readable(response: Any) -> str:
    """What a person would read in the response: a page's text, or every cell of a workbook."""
    if response.content_type.startswith(("text/", "application/json")):
        return response.get_data(as_text=True)
    if "spreadsheetml" in response.content_type and response.status_code == 200:
        return "\n".join(str(cell.value) for _, cell in cells(response.data))
    return response.data.decode("latin-1")
