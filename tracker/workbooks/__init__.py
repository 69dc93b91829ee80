"""Assurance reports as Excel workbooks (docs/domain.md, "Assurance reports"): plain modules, no Flask.

`build_assurance_workbook` writes the board's workbook for a set of `ReportFilters`;
`build_action_plan_workbook` writes one review's plan in the Home Office template.
"""

from tracker.workbooks.filters import ReportFilters
from tracker.workbooks.workbook import (
    DEFAULT_MARKING,
    REVIEW_SHEET_LIMIT,
    BuiltReport,
    Printed,
    Progress,
    build_action_plan_workbook,
    build_assurance_workbook,
)

__all__ = [
    "DEFAULT_MARKING",
    "REVIEW_SHEET_LIMIT",
    "BuiltReport",
    "Printed",
    "Progress",
    "ReportFilters",
    "build_action_plan_workbook",
    "build_assurance_workbook",
]
