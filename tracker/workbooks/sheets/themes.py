"""Themes: for each theme, the reviews and recommendations it appears in, and their actions by RAG.

The themes that recur across most reviews come first: learning found again is the board's concern.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.rules.rag import Rag
from tracker.workbooks import figures
from tracker.workbooks.cells import Column
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Themes"
COLUMNS = [
    Column("Theme", 24, "wrap"),
    Column("Reviews", 9, "number"),
    Column("Recommendations", 18, "number"),
    Column("Where it appears (review: recommendations)", 36, "wrap"),
    Column("Red", 7, "number"),
    Column("Amber", 8, "number"),
    Column("Green", 8, "number"),
    Column("Assured", 9, "number"),
    Column("Closed, not achieved", 10, "number"),
    Column("Actions", 9, "number"),
]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    for theme in figures.themes(context.session, context.scope):
        counts = theme.rag
        rag = [0, 0, 0, 0, 0, 0]
        if counts is not None:
            rag = [
                counts.counts[Rag.RED],
                counts.counts[Rag.AMBER],
                counts.counts[Rag.GREEN],
                counts.assured,
                figures.not_achieved(counts),
                counts.total,
            ]
        yield [theme.name, theme.review_count, theme.recommendations, theme.where, *rag]


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    return write_list(
        context,
        ws,
        title="Themes: the learning that recurs",
        note="Each theme recorded against the report's recommendations, the themes found in most reviews first, "
        "with their actions by colour. A recommendation with several themes counts under each.",
        columns=COLUMNS,
        rows=_rows(context),
        empty="No themes are recorded against these recommendations.",
    )
