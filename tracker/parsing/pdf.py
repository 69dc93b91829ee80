"""PDFs as blocks: printed lines with their page, place, size and weight, and ruled tables.

Text, lines and tables come from pdfium (pypdfium2, on which pdfplumber itself depends), which reads a 100-page
report in a fraction of a second; pdfplumber parses every character in Python, a second or more for every ten
pages. Running headers and footers (the same line at the top or bottom of most pages), page numbers, footnotes
and footnote marks are dropped, so they never join a recommendation's text.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

from tracker.parsing.blocks import Block, Line, Table, drop_contents, is_bullet_line, lines_to_paragraphs
from tracker.parsing.hyphens import Vocabulary, ends_broken, glued, join
from tracker.parsing.numbering import read_number
from tracker.parsing.pdftables import Box, View, ruled_tables
from tracker.parsing.text import clean

MAX_PAGES = 400
_EDGE = 0.09  # the top and bottom 9% of a page is where running headers and footers sit
_FOOT = 0.55  # footnotes sit below this share of the page's height
_DIGITS = re.compile(r"\d+")
# Bullets set in a symbol font (Word's default bullet) come out as a private-use character.
_SYMBOL_BULLET = re.compile(r"^\s*[\uf000-\uf0ff]\s*")
_BOLD = re.compile(r"bold|black|heavy|semibold", re.I)
# A footnote mark: a number set small straight after a word or its punctuation ("the guidance.3").
_MARK = re.compile(r"(?<=[A-Za-z.,;:)’'\"”])\d{1,3}(?=[\s.,;:)]|$)")
_FOOTNOTE = re.compile(r"^\s*(?:\d{1,3}|[*†‡§¹²³⁴⁵⁶⁷⁸⁹])(?:\s|[.)]\s)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_JOINED = re.compile("[\ufffe\x02]")  # where pdfium joined a word that was broken at the end of a line
_ENDS_SENTENCE = (".", "!", "?", ":", ".”", ".'", '."')


@dataclass
class _Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    lead: str = ""


class _Page:
    """One page's text as pdfium lays it out; only a few characters of each line are asked their size and font."""

    def __init__(self, page: Any, raw: Any) -> None:
        self.raw, self.page = raw, page
        self.height = float(page.get_height())
        self.view = View(int(page.get_rotation() or 0), float(page.get_width()), self.height)
        self.textpage = page.get_textpage()
        self.handle = self.textpage.raw
        self._font = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()

    def size(self, index: int) -> float:
        return float(self.raw.FPDFText_GetFontSize(self.handle, index))

    def bold(self, index: int) -> bool:
        if self.raw.FPDFText_GetFontWeight(self.handle, index) >= 600:
            return True
        self.raw.FPDFText_GetFontInfo(self.handle, index, self._font, 128, ctypes.byref(self._flags))
        return bool(_BOLD.search(self._font.value.decode("latin-1")))

    def lines(self) -> list[_Line]:
        count = self.textpage.count_chars()
        text = self.textpage.get_text_range()
        if len(text) != count:  # characters outside the basic plane: ask one at a time so indexes match
            text = "".join(chr(self.raw.FPDFText_GetUnicode(self.handle, i) or 32) for i in range(count))
        out: list[_Line] = []
        start = 0
        for m in [*_LINE_BREAK.finditer(text), None]:
            end = m.start() if m else len(text)
            pieces = _JOINED.split(text[start:end])
            offset = start
            for n, piece in enumerate(pieces):
                if (line := self._line(piece, offset, broken=n + 1 < len(pieces))) is not None:
                    out.append(line)
                offset += len(piece) + 1
            start = m.end() if m else len(text)
        return out

    def _line(self, piece: str, offset: int, *, broken: bool) -> _Line | None:
        if not piece.strip():
            return None
        first = offset + len(piece) - len(piece.lstrip())
        last = offset + len(piece.rstrip()) - 1
        sample = [i for i in dict.fromkeys((first, (first + last) // 2, last)) if piece[i - offset].strip()]
        size = max(self.size(i) for i in sample)
        letters = [i for i in sample if piece[i - offset].isalpha()]
        bold = bool(letters) and all(self.bold(i) for i in letters)
        lead = "" if bold or not letters or not self.bold(letters[0]) else piece[: self._bold_end(first, last) - offset]
        for m in reversed(list(_MARK.finditer(piece))):
            if self._raised(offset + m.start(), size):
                piece = piece[: m.start()] + piece[m.end() :]
        first_box = self.view.box(*self.textpage.get_charbox(first, loose=True))
        last_box = self.view.box(*self.textpage.get_charbox(last, loose=True))
        x0, x1 = min(first_box[0], last_box[0]), max(first_box[2], last_box[2])
        top, bottom = min(first_box[1], last_box[1]), max(first_box[3], last_box[3])
        # pdfium joins a word broken at a line end; the hyphen goes back so the lines read as printed.
        text = piece.strip() + ("-" if broken else "")
        return _Line(text, float(x0), top, float(x1), bottom, size, bold, lead.strip())

    def _bold_end(self, first: int, last: int) -> int:
        """Where a bold run that starts a line ends (a lead sentence set in bold, then plain text)."""
        low, high = first, last  # the character at `low` is bold and the one at `high` is not
        while high - low > 1:
            middle = (low + high) // 2
            if self.bold(middle):
                low = middle
            else:
                high = middle
        return high

    def _raised(self, index: int, size: float) -> bool:
        """A footnote mark: set smaller than the line and above the baseline of the character before it."""
        if self.size(index) >= size * 0.92:
            return False
        here = self.view.box(*self.textpage.get_charbox(index, loose=True))
        before = self.view.box(*self.textpage.get_charbox(index - 1, loose=True))
        return here[3] < before[3] - 1

    def tables(self) -> list[tuple[Box, list[list[str]]]]:
        return ruled_tables(self.raw, self.page.raw, self.textpage, self.view)

    def close(self) -> None:
        self.textpage.close()
        self.page.close()


def _merge(lines: list[_Line]) -> list[_Line]:
    """Pieces printed on one line (a number and its text, cells of a row) as one line, left to right."""
    merged: list[list[_Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if merged and abs(line.top - merged[-1][0].top) <= 3:
            merged[-1].append(line)
        else:
            merged.append([line])
    out = []
    for group in merged:
        group.sort(key=lambda ln: ln.x0)
        out.append(_Line(" ".join(ln.text for ln in group), group[0].x0, min(ln.top for ln in group),
                         max(ln.x1 for ln in group), max(ln.bottom for ln in group), max(ln.size for ln in group),
                         all(ln.bold for ln in group), group[0].lead))  # fmt: skip
    return out


def _inside(line: _Line, boxes: list[Box]) -> bool:
    mid_x, mid_y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(x0 - 1 <= mid_x <= x1 + 1 and top - 1 <= mid_y <= bottom + 1 for x0, top, x1, bottom in boxes)


def _edge(line: _Line, height: float) -> bool:
    return line.top < height * _EDGE or line.bottom > height * (1 - _EDGE)


def _furniture(pages: list[list[_Line]], heights: list[float], body: float) -> set[str]:
    """Lines (digits ignored) that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    small: set[str] = set()
    for lines, height in zip(pages, heights, strict=True):
        edge = {
            (key, ln.size < body * 0.95)
            for ln in lines
            if _edge(ln, height) and (key := _DIGITS.sub("#", clean(ln.text)))
        }
        seen.update(key for key, _ in edge)
        small.update(key for key, smaller in edge if smaller)
    most = max(2, (len(pages) + 1) // 2)
    # A long report's running header may name the chapter it is in: set smaller than the text, three pages will do.
    return {text for text, n in seen.items() if n >= most or (len(pages) >= 12 and n >= 3 and text in small)}


def _footnotes(lines: list[_Line], height: float, body: float, skip: set[int]) -> set[int]:
    """The footnotes at the foot of a page: small lines below the text, the first starting with its number."""
    zone: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if i in skip:
            continue
        if lines[i].top < height * _FOOT or lines[i].size >= body * 0.88:
            break
        zone.append(i)
    return set(zone) if zone and _FOOTNOTE.match(lines[zone[-1]].text) else set()


def pdf_blocks(path: Path) -> list[Block]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    raw_pages: list[list[_Line]] = []
    heights: list[float] = []
    tables_by_page: list[list[tuple[Box, list[list[str]]]]] = []
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(document), MAX_PAGES)):
            page = _Page(document[index], raw)
            found = page.tables()
            boxes = [box for box, _ in found]
            raw_pages.append([ln for ln in _merge(page.lines()) if not _inside(ln, boxes)])
            tables_by_page.append(found)
            heights.append(page.height)
            page.close()
    finally:
        document.close()
    return lines_to_paragraphs(drop_contents(_items(raw_pages, heights, tables_by_page)), markdown=False)


def _items(raw_pages: list[list[_Line]], heights: list[float],
           tables_by_page: list[list[tuple[Box, list[list[str]]]]]) -> list[Line | Table]:  # fmt: skip
    sizes = [ln.size for lines in raw_pages for ln in lines]
    body = median(sizes) if sizes else 0.0
    furniture = _furniture(raw_pages, heights, body)
    # Where the running header and footer are printed: a small line in that place is one too, whatever it says
    # (a header that names the chapter changes with it).
    slots = {
        (round(ln.top), ln.size)
        for lines, height in zip(raw_pages, heights, strict=True)
        for ln in lines
        if _edge(ln, height) and ln.size < body * 0.95 and _DIGITS.sub("#", clean(ln.text)) in furniture
    }
    cells = (c for found in tables_by_page for _, rows in found for row in rows for c in row)
    vocabulary = Vocabulary((ln.text for lines in raw_pages for ln in lines), cells)
    items: list[Line | Table] = []
    table_count = 0
    rights = sorted(ln.x1 for lines in raw_pages for ln in lines)
    right = rights[int(len(rights) * 0.9)] if rights else 0.0
    last: _Line | None = None
    for p, (lines, height) in enumerate(zip(raw_pages, heights, strict=True), start=1):
        pending = sorted(tables_by_page[p - 1], key=lambda t: t[0][1])
        skip = {i for i, ln in enumerate(lines) if _edge(ln, height) and (
            _DIGITS.sub("#", clean(ln.text)) in furniture or (round(ln.top), ln.size) in slots)}  # fmt: skip
        skip |= _footnotes(lines, height, body, skip)
        previous_bottom: float | None = None
        line_height = 0.0
        for n, ln in enumerate(lines, start=1):
            while pending and pending[0][0][1] < ln.top:
                table_count += 1
                box, rows = pending.pop(0)
                _add_table(items, _table(rows, f"page {p}, table {table_count}", p, vocabulary), box)
                previous_bottom = box[3]
            if n - 1 in skip:
                continue
            text = _SYMBOL_BULLET.sub("• ", ln.text)
            height_here = ln.bottom - ln.top
            if previous_bottom is None:
                # The first line of a page carries on the paragraph from the page before, unless that one ended
                # with a sentence on a short line.
                gap = last is not None and last.text.endswith(_ENDS_SENTENCE) and last.x1 < right - 60
            else:
                gap = ln.top - previous_bottom > max(line_height, height_here) * 0.6
            level = None
            if body and ln.size >= body * 1.45:
                level = 1
            elif body and ln.size >= body * 1.15:
                level = 2
            items.append(Line(text, f"page {p}, line {n}", page=p, gap=gap, bold=ln.bold, level=level, lead=ln.lead,
                              full=ln.x1 >= right - 40))  # fmt: skip
            previous_bottom, line_height, last = ln.bottom, height_here, ln
        for box, rows in pending:
            table_count += 1
            _add_table(items, _table(rows, f"page {p}, table {table_count}", p, vocabulary), box)
    return items


def _add_table(items: list[Line | Table], table: Table, box: Box) -> None:
    """A table, or the rest of the table above it when it carries on at the top of the next page."""
    previous = items[-1] if items else None
    if (
        isinstance(previous, Table)
        and previous.box is not None
        and previous.last_page == (table.page or 0) - 1
        and len(previous.rows[0]) == len(table.rows[0])
        and abs(previous.box[0] - box[0]) < 6
        and abs(previous.box[2] - box[2]) < 6
        and (table.rows[0] == previous.rows[0] or _starts_plainly(table.rows[0]))
    ):
        if not previous.row_where:
            previous.row_where = [previous.where_of(i) for i in range(len(previous.rows))]
        start = 1 if table.rows[0] == previous.rows[0] else 0  # the header row, printed again on the new page
        previous.rows.extend(table.rows[start:])
        previous.row_where.extend(table.where_of(i) for i in range(start, len(table.rows)))
        previous.box, previous.last_page = box, table.page
        return
    table.box, table.last_page = box, table.page
    items.append(table)


def _starts_plainly(row: list[str]) -> bool:
    """A first row that is not a header of its own: the table above carries on."""
    from tracker.parsing.columns import map_columns, score

    return score(map_columns(list(row), 0)) == 0


def _table(rows: list[list[str]], where: str, page: int, vocabulary: Vocabulary) -> Table:
    return Table([[_cell(c, vocabulary) for c in row] for row in rows], where, page=page)


def _cell(text: str, vocabulary: Vocabulary) -> str:
    # Text wrapped inside a cell comes out one printed line per line: join them unless a line starts an item.
    joined: list[str] = []
    for raw in text.splitlines():
        line = clean(raw)
        if not line:
            continue
        if joined and ends_broken(joined[-1]):
            joined[-1] = join(joined[-1], line, vocabulary)
        elif joined and (whole := glued(joined[-1], line, vocabulary)) is not None:
            joined[-1] = whole
        elif joined and not (read_number(line) or is_bullet_line(raw)):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)
