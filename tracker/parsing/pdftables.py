"""Ruled tables on a PDF page, found from the lines drawn on it, the way pdfplumber's "lines" strategy finds them.

pdfplumber parses a page's every character in Python (half a second for a page of table); pdfium hands over
the drawn lines and the text inside a box directly. The method is pdfplumber's: snap and join the horizontal and
vertical rules, find where they cross, take each smallest ruled rectangle as a cell, and group cells that share
a corner into a table whose rows and columns follow the cells' edges.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

TOLERANCE = 3.0
_LINETO, _MOVETO = 0, 2  # pdfium's path segment types (1 is a curve, which rules no table)
_PATH, _FORM = 2, 5
Box = tuple[float, float, float, float]  # x0, top, x1, bottom, measured from the top of the page
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class View:
    """The page as it is shown. A landscape page may be stored upright and turned with /Rotate; pdfium gives
    positions as stored, so they are turned the same way before anything is measured from the top."""

    def __init__(self, rotation: int, width: float, height: float) -> None:
        self.rotation = rotation % 360 if rotation % 90 == 0 else 0
        self.height = height  # as shown
        self.w0, self.h0 = (height, width) if self.rotation in {90, 270} else (width, height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, distance from the top) as shown, for a point as stored."""
        r, w0, h0 = self.rotation, self.w0, self.h0
        shown = {0: (x, y), 90: (y, w0 - x), 180: (w0 - x, h0 - y), 270: (h0 - y, x)}[r]
        return shown[0], self.height - shown[1]

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        (x0, t0), (x1, t1) = self.point(left, bottom), self.point(right, top)
        return min(x0, x1), min(t0, t1), max(x0, x1), max(t0, t1)

    def stored(self, box: Box) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) as stored, for a box as shown."""
        r, w0, h0 = self.rotation, self.w0, self.h0
        corners = []
        for x, top in ((box[0], box[1]), (box[2], box[3])):
            y = self.height - top
            corners.append({0: (x, y), 90: (w0 - y, x), 180: (w0 - x, h0 - y), 270: (y, h0 - x)}[r])
        (xa, ya), (xb, yb) = corners
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)  # fmt: skip


def _matrix(raw: Any, obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _segments(raw: Any, holder: Any, count: Any, get: Any, outer: Matrix, depth: int) -> Iterator[Box]:
    """Every straight stretch of every drawn path (rectangles give their four sides), in page space."""
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(count(holder)):
        obj = get(holder, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _FORM and depth < 3:
            yield from _segments(raw, obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject,
                                 _compose(_matrix(raw, obj), outer), depth + 1)  # fmt: skip
            continue
        if kind != _PATH:
            continue
        a, b, c, d, e, f = _compose(_matrix(raw, obj), outer)
        current = start = (0.0, 0.0)
        for k in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, k)
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == _MOVETO:
                current = start = point
                continue
            if kind == _LINETO:
                yield (current[0], current[1], point[0], point[1])
            current = point
            if raw.FPDFPathSegment_GetClose(segment):
                yield (current[0], current[1], start[0], start[1])
                current = start


def _snap(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Edges (position, start, end) at nearly one position moved to one, and pieces that touch joined."""
    edges.sort()
    snapped: list[tuple[float, float, float]] = []
    group: list[tuple[float, float, float]] = []
    for edge in [*edges, None]:
        if edge is not None and (not group or edge[0] - group[-1][0] <= TOLERANCE):
            group.append(edge)
            continue
        if group:
            at = sum(g[0] for g in group) / len(group)
            for _, s, t in sorted((g for g in group), key=lambda g: g[1]):
                if snapped and snapped[-1][0] == at and s <= snapped[-1][2] + TOLERANCE:
                    snapped[-1] = (at, snapped[-1][1], max(snapped[-1][2], t))
                else:
                    snapped.append((at, s, t))
        group = [edge] if edge is not None else []
    return [e for e in snapped if e[2] - e[1] >= TOLERANCE]


def _covers(edges: list[tuple[float, float, float]], at: float, a: float, b: float) -> bool:
    return any(e[0] == at and e[1] - 1 <= min(a, b) and max(a, b) <= e[2] + 1 for e in edges)


def _cells(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]) -> list[Box]:
    points = sorted({(v[0], h[0]) for v in vertical for h in horizontal
                     if h[1] - TOLERANCE <= v[0] <= h[2] + TOLERANCE
                     and v[1] - TOLERANCE <= h[0] <= v[2] + TOLERANCE})  # fmt: skip
    present = set(points)
    cells: list[Box] = []
    for i, (x, y) in enumerate(points):
        below = [p for p in points[i + 1 :] if p[0] == x and _covers(vertical, x, y, p[1])]
        right = [p for p in points[i + 1 :] if p[1] == y and _covers(horizontal, y, x, p[0])]
        found = next(((x, y, r[0], b[1]) for b in below for r in right
                      if (r[0], b[1]) in present and _covers(horizontal, b[1], x, r[0])
                      and _covers(vertical, r[0], y, b[1])), None)  # fmt: skip
        if found is not None:
            cells.append(found)
    return cells


def _group(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner, as tables."""
    corner_of: dict[tuple[float, float], int] = {}
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            if corner in corner_of:
                parent[root(i)] = root(corner_of[corner])
            else:
                corner_of[corner] = i
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: min((c[1], c[0]) for c in g))


def ruled_tables(raw: Any, page: Any, textpage: Any, view: View) -> list[tuple[Box, list[list[str]]]]:
    """Each ruled table on the page: its box and its rows, each cell's text with its printed lines."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    for a, b, c, d in _segments(raw, page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, _IDENTITY, 0):
        (x0, top0), (x1, top1) = view.point(a, b), view.point(c, d)
        if abs(top0 - top1) <= 1 and abs(x1 - x0) > 1:
            horizontal.append(((top0 + top1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= 1 and abs(top1 - top0) > 1:
            vertical.append(((x0 + x1) / 2, min(top0, top1), max(top0, top1)))
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    tables = []
    chars = _chars(textpage, view) if view.rotation else None
    for cells in _group(_cells(_snap(horizontal), _snap(vertical))):
        columns = sorted({c[0] for c in cells})
        rows: list[list[str]] = []
        for top in sorted({c[1] for c in cells}):
            in_row = {c[0]: c for c in cells if c[1] == top}
            rows.append([_text(textpage, in_row[x], view, chars) if x in in_row else "" for x in columns])
        box = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
        if len(rows) >= 2 and len(columns) >= 2:
            tables.append((box, rows))
    return tables


def _chars(textpage: Any, view: View) -> list[tuple[str, Box]]:
    text = textpage.get_text_range()
    return [(ch, view.box(*textpage.get_charbox(i, loose=True))) for i, ch in enumerate(text[: textpage.count_chars()])]


def _turned_text(chars: list[tuple[str, Box]], cell: Box) -> str:
    """A cell's text on a turned page, line by line: pdfium's own text for a box runs its lines together there."""
    out: list[str] = []
    line_top: float | None = None
    for ch, (x0, top, x1, bottom) in chars:
        if ch in "\r\n" or not (cell[0] <= (x0 + x1) / 2 <= cell[2] and cell[1] <= (top + bottom) / 2 <= cell[3]):
            continue
        if line_top is not None and abs(top - line_top) > (bottom - top) / 2 and ch.strip():
            out.append("\n")
        if ch.strip():
            line_top = top
        out.append(ch)
    return "".join(out)


def _text(textpage: Any, cell: Box, view: View, chars: list[tuple[str, Box]] | None) -> str:
    if chars is not None:
        text = _turned_text(chars, cell)
    else:
        left, bottom, right, top = view.stored((cell[0] + 1, cell[1] + 1, cell[2] - 1, cell[3] - 1))
        text = str(textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top))
    # pdfium joins a word broken at the end of a line; put the break back so the cell reads line by line.
    text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
    return "\n".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
