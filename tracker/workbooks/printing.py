"""A workbook that reads on paper: A4 page set-up, headers and footers, widths, and row heights that fit their text.

Excel and LibreOffice both size a column in units of the default font's digit width, and neither
sizes a row to wrapped text in merged cells, so every row gets an explicit height worked out here
from the length of its text and the width it wraps in. Reading sheets are fitted to the page's
width; their columns are chosen so that the fitting never shrinks 10 pt text below 9 pt.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Arial"
BODY_PT = 10.0
SMALLEST_PRINTED_PT = 9.0
# A4 in points, and the margins (inches) every sheet prints with.
A4_LONG, A4_SHORT = 841.89, 595.28
SIDE_MARGIN, TOP_MARGIN, HEADER_MARGIN = 0.3, 0.75, 0.3
# One unit of column width is one digit of the default font (Arial 10) and its padding: Excel draws
# it as 7 pixels and 5 of padding a column (5.25 pt + 3.75 pt), LibreOffice as 5.55 pt; the wider is taken.
UNIT_PT = 5.55
LINE_PT = 12.75  # a line of 10 pt text as Excel spaces it (LibreOffice: 11.2)
ROW_PADDING_PT = 3.0
MAX_ROW_PT = 409.0  # Excel's tallest row
DEFAULT_ROW_PT = 15.0
# Arial's widths in ems: lower-case letters and digits about 0.5, capitals 0.67, a space 0.28.
LETTER_EM, CAPITAL_EXTRA_EM, SPACE_EM, WIDEST_EM = 0.52, 0.17, 0.28, 0.85
BOLD_WIDER = 1.15  # bold Arial is this much wider than regular
CELL_PADDING_UNITS = 0.6


def page_body(*, landscape: bool) -> float:
    """The height a page has for rows, in points, between the margins that hold the header and footer."""
    return (A4_SHORT if landscape else A4_LONG) - 2 * TOP_MARGIN * 72


def column_points(width: float) -> float:
    return max(UNIT_PT * width, 5.25 * width + 3.75)


def printable_width(*, landscape: bool) -> float:
    return (A4_LONG if landscape else A4_SHORT) - 2 * SIDE_MARGIN * 72


def fitted_scale(widths: Iterable[float], *, landscape: bool) -> float:
    """How much fitting the columns to the page's width shrinks them (1.0: not at all)."""
    total = sum(column_points(w) for w in widths)
    return min(1.0, printable_width(landscape=landscape) / total) if total else 1.0


def smallest_printed(widths: Iterable[float], *, landscape: bool, font_pt: float = BODY_PT) -> float:
    return font_pt * fitted_scale(widths, landscape=landscape)


# ----- row heights ---------------------------------------------------------------------------


# Deleting the capitals from a text and comparing lengths counts them without a list of them.
_NO_CAPITALS = str.maketrans("", "", string.ascii_uppercase)


def _capitals(text: str) -> int:
    return len(text) - len(text.translate(_NO_CAPITALS))


def _em(text: str) -> float:
    """Roughly how wide `text` is in Arial, in ems: capitals are wider than lower case, spaces narrower."""
    return LETTER_EM * len(text) + CAPITAL_EXTRA_EM * _capitals(text) - (LETTER_EM - SPACE_EM) * text.count(" ")


def lines_needed(text: str, width: float, *, bold: bool = False, font_pt: float = BODY_PT) -> int:
    """How many lines `text` wraps to in a column (or merged columns) `width` units wide.

    Words wrap greedily, as Excel and LibreOffice wrap them, and a word longer than a line breaks.
    The estimate errs long: a row a line too tall wastes a little paper, one too short hides text.
    """
    return lines_in(text, width, bold, font_pt)


# A report repeats many texts (a review's title on each of its actions, the same agencies and reasons):
# each is measured once while it keeps recurring.
@lru_cache(maxsize=8192)
def lines_in(text: str, width: float, bold: bool = False, font_pt: float = BODY_PT) -> int:
    """`lines_needed`, for a long list's every row: arguments by position, and each recurring text measured once."""
    capacity = max(1.0, (width - CELL_PADDING_UNITS) * UNIT_PT / font_pt / (BOLD_WIDER if bold else 1.0))
    space, widest = SPACE_EM, WIDEST_EM
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        length = len(paragraph)
        if length * widest <= capacity:
            continue  # fits on one line however wide its letters
        spaces = paragraph.count(" ")
        letters = length - spaces
        per = LETTER_EM + CAPITAL_EXTRA_EM * _capitals(paragraph) / max(letters, 1)
        if letters * per + spaces * space <= capacity:
            continue
        used = 0.0
        for size in [len(word) * per for word in paragraph.split()]:
            if used and used + space + size <= capacity:
                used += space + size
                continue
            if used:
                lines += 1
            while size > capacity:  # a word longer than a line breaks across lines
                lines += 1
                size -= capacity
            used = size
    return lines or 1


def line_room(width: float, font_pt: float = BODY_PT) -> float:
    """How long a text may be, in characters of any width, and still take one line in `width` units."""
    return (width - CELL_PADDING_UNITS) * UNIT_PT / font_pt / WIDEST_EM


def height_for(lines: int, *, font_pt: float = BODY_PT) -> float:
    return min(MAX_ROW_PT, lines * LINE_PT * font_pt / BODY_PT + ROW_PADDING_PT)


@dataclass(frozen=True)
class Fit:
    """One cell's text and the width it wraps in (the sum of its columns when merged)."""

    text: str | None
    width: float
    bold: bool = False
    font_pt: float = BODY_PT


def row_height(fits: Iterable[Fit]) -> float:
    """The height of a row whose wrapping cells hold these texts: the tallest of them."""
    tallest = DEFAULT_ROW_PT
    for fit in fits:
        if fit.text:
            tallest = max(tallest, height_for(lines_needed(fit.text, fit.width, bold=fit.bold, font_pt=fit.font_pt)))
        else:
            tallest = max(tallest, height_for(1, font_pt=fit.font_pt))
    return tallest


def spread(total: float, rows: int, heights: Sequence[float]) -> list[float]:
    """Rows under a merged cell: their own heights, the last made taller until the merged text fits."""
    out = list(heights[:rows])
    short = total - sum(out)
    if short > 0 and out:
        out[-1] = min(MAX_ROW_PT, out[-1] + short)
    return out


# ----- page set-up ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """What every printed page says: the protective marking, the report's title and date."""

    marking: str
    title: str
    as_at: str


def _header_text(text: str, *, bold: bool = False, codes: bool = False) -> str:
    """A header or footer section: its font, 10 pt, then the text ("&" doubled unless it holds codes)."""
    font = f'&"{FONT},Bold"' if bold else f'&"{FONT},Regular"'
    return f"{font}&10{text if codes else text.replace('&', '&&')}"


def page_setup(
    ws: Any,
    page: Page,
    *,
    landscape: bool = True,
    fit_width: bool = True,
    title_rows: str | None = None,
) -> None:
    """A4, margins, repeated headings, and the marking, title, date, page number and sheet name on every page.

    A reading sheet fits the page's width and runs to as many pages as it needs; a data sheet
    (`fit_width=False`) prints at full size across as many pages as it takes.
    """
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = fit_width
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = False
    margins = ws.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top = margins.bottom = TOP_MARGIN
    margins.header = margins.footer = HEADER_MARGIN
    if title_rows:
        ws.print_title_rows = title_rows
    header, footer = ws.oddHeader, ws.oddFooter
    header.left.text = _header_text(page.marking, bold=True)
    header.center.text = _header_text(page.title)
    header.right.text = _header_text(f"As at {page.as_at}")
    footer.left.text = _header_text("&A", codes=True)  # the sheet's name
    footer.center.text = _header_text("Page &P of &N", codes=True)
    footer.right.text = _header_text(page.marking, bold=True)


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def heading_width(heading: str, *, minimum: float) -> float:
    """A column wide enough that no word of its bold heading is cut."""
    longest = max((_em(word) * BOLD_WIDER for word in heading.split()), default=0.0)
    return max(minimum, math.ceil(longest * BODY_PT / UNIT_PT + CELL_PADDING_UNITS))
