"""PDFs as blocks, read with pdfplumber: lines with their page, size and weight, and ruled tables.

Running headers and footers (the same line at the top or bottom of most pages) and page numbers are
dropped, so they never join a recommendation's text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from statistics import median
from typing import Any

from tracker.parsing.blocks import Block, Line, Table, drop_contents, lines_to_paragraphs
from tracker.parsing.text import clean

MAX_PAGES = 400
_EDGE = 0.09  # the top and bottom 9% of a page is where running headers and footers sit
_DIGITS = re.compile(r"\d+")
_CID_BULLET = re.compile(r"^\s*\(cid:\d+\)\s*")
_CID = re.compile(r"\(cid:\d+\)")


def _bold(chars: list[dict[str, Any]]) -> bool:
    letters = [c for c in chars if str(c.get("text", "")).strip()]
    return bool(letters) and all(re.search(r"bold|black|heavy|semibold", str(c.get("fontname", "")), re.I)
                                 for c in letters)  # fmt: skip


def _size(chars: list[dict[str, Any]]) -> float:
    sizes = [float(c.get("size", 0)) for c in chars if str(c.get("text", "")).strip()]
    return max(sizes) if sizes else 0.0


def _inside(line: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    mid_x, mid_y = (line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2
    return any(x0 - 1 <= mid_x <= x1 + 1 and top - 1 <= mid_y <= bottom + 1 for x0, top, x1, bottom in boxes)


def _furniture(pages: list[list[dict[str, Any]]], heights: list[float]) -> set[str]:
    """Lines (digits ignored) that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        edge = {_DIGITS.sub("#", clean(ln["text"])) for ln in lines
                if ln["top"] < height * _EDGE or ln["bottom"] > height * (1 - _EDGE)}  # fmt: skip
        seen.update(e for e in edge if e)
    return {text for text, n in seen.items() if n >= max(2, (len(pages) + 1) // 2)}


def pdf_blocks(path: Path) -> list[Block]:
    import pdfplumber

    raw_pages: list[list[dict[str, Any]]] = []
    heights: list[float] = []
    tables_by_page: list[list[tuple[tuple[float, float, float, float], list[list[str]]]]] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages[:MAX_PAGES]:
            found: list[tuple[tuple[float, float, float, float], list[list[str]]]] = []
            for table in page.find_tables():
                rows = [[_cell(c or "") for c in row] for row in table.extract()]
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    x0, top, x1, bottom = (float(v) for v in table.bbox)
                    found.append(((x0, top, x1, bottom), rows))
            tables_by_page.append(found)
            boxes = [box for box, _ in found]
            lines = [ln for ln in page.extract_text_lines(return_chars=True, strip=True) if not _inside(ln, boxes)]
            raw_pages.append(lines)
            heights.append(float(page.height))
    furniture = _furniture(raw_pages, heights)
    sizes = [_size(ln["chars"]) for lines in raw_pages for ln in lines]
    body = median(sizes) if sizes else 0.0
    items: list[Line | Table] = []
    table_count = 0
    for p, (lines, height) in enumerate(zip(raw_pages, heights, strict=True), start=1):
        pending = sorted(tables_by_page[p - 1], key=lambda t: t[0][1])
        previous_bottom: float | None = None
        line_height = 0.0
        for n, ln in enumerate(lines, start=1):
            while pending and pending[0][0][1] < ln["top"]:
                table_count += 1
                box, rows = pending.pop(0)
                items.append(Table(rows, f"page {p}, table {table_count}", page=p))
                previous_bottom = box[3]
            # Bullets in a font without a character map come out as "(cid:127)".
            text = _CID.sub("", _CID_BULLET.sub("• ", ln["text"]))
            if _DIGITS.sub("#", clean(text)) in furniture and (
                ln["top"] < height * _EDGE or ln["bottom"] > height * (1 - _EDGE)
            ):
                continue
            size = _size(ln["chars"])
            height_here = ln["bottom"] - ln["top"]
            # The first line of a page may carry on the paragraph from the page before.
            gap = previous_bottom is not None and ln["top"] - previous_bottom > max(line_height, height_here) * 0.6
            level = None
            if body and size >= body * 1.45:
                level = 1
            elif body and size >= body * 1.15:
                level = 2
            items.append(Line(text, f"page {p}, line {n}", page=p, gap=gap, bold=_bold(ln["chars"]), level=level))
            previous_bottom, line_height = ln["bottom"], height_here
        for _box, rows in pending:
            table_count += 1
            items.append(Table(rows, f"page {p}, table {table_count}", page=p))
    return lines_to_paragraphs(drop_contents(items), markdown=False)


def _cell(text: str) -> str:
    # Text wrapped inside a cell comes out one printed line per line: join them unless a line starts an item.
    from tracker.parsing.blocks import is_bullet_line
    from tracker.parsing.numbering import read_number

    joined: list[str] = []
    for raw in text.splitlines():
        line = clean(raw)
        if not line:
            continue
        if joined and not (read_number(line) or is_bullet_line(raw)):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)
