"""Assurance reports as Excel workbooks (docs/domain.md, "Assurance reports"): plain modules, no Flask.

`build_assurance_workbook` writes the board's workbook for a set of `ReportFilters`;
`build_action_plan_workbook` writes one review's plan in the Home Office template.
"""

from tracker.workbooks.filters import ReportFilters
from tracker.workbooks.workbook import (
    REVIEW_SHEET_LIMIT,
    BuiltReport,
    build_action_plan_workbook,
    build_assurance_workbook,
    default_since,
)

__all__ = [
    "REVIEW_SHEET_LIMIT",
    "BuiltReport",
    "ReportFilters",
    "build_action_plan_workbook",
    "build_assurance_workbook",
    "default_since",
]
