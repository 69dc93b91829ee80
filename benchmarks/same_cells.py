"""The floor for the report benchmark: openpyxl's write-only mode writing the cells of a workbook the tracker wrote.

`extract` reads a workbook (outside any timing) into a stream of its sheets and rows: every cell's
value, type and style, every hyperlink, every row height, merged ranges and column widths.
`write` then writes those same cells with openpyxl's public API, the quickest way it offers: a
WriteOnlyCell for each value, each of the tracker's styles (font, fill, border, alignment and
number format) made once as a named style and given to its cells by name (quicker than setting
each attribute on each cell, about half the time; each cell then also names its style), hyperlinks
set on their cells, each row's height set just before the row is written (and dropped after, so
memory stays flat).
`plain=True` writes the same values with nothing else: what the values alone cost.

The stream is read back row by row while the floor writes; the time reading it takes is measured
in a pass of its own beforehand and left out of the floor's time.
"""

from __future__ import annotations

import pickle
import posixpath
import resource
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import NamedStyle
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.styles.stylesheet import Stylesheet
from openpyxl.utils.cell import coordinate_from_string, get_column_letter
from openpyxl.utils.datetime import from_excel

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
COLUMN = {get_column_letter(i): i for i in range(1, 201)}


def _styles(archive: zipfile.ZipFile) -> tuple[list[list[tuple[str, Any]]], list[bool]]:
    """For each cell style of the workbook: the attributes a cell is given (name, object), and whether it is a date."""
    sheet = Stylesheet.from_tree(etree.fromstring(archive.read("xl/styles.xml")))
    formats = {f.numFmtId: f.formatCode for f in sheet.numFmts.numFmt}
    specs, dates = [], []
    for xf in sheet.cellXfs.xf:
        # The tracker's default font (Arial) is not openpyxl's: a styled cell is given its font whatever it is.
        attributes: list[tuple[str, Any]] = [("font", sheet.fonts[xf.fontId])]
        if xf.fillId:
            attributes.append(("fill", sheet.fills[xf.fillId]))
        if xf.borderId:
            attributes.append(("border", sheet.borders[xf.borderId]))
        if xf.alignment is not None:
            attributes.append(("alignment", xf.alignment))
        code = formats.get(xf.numFmtId) or (BUILTIN_FORMATS.get(xf.numFmtId) if xf.numFmtId else None)
        if code:
            attributes.append(("number_format", code))
        specs.append(attributes if len(attributes) > 1 or xf.fontId else [])
        dates.append(bool(code) and is_date_format(code))
    return specs, dates


def _sheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(title, path of its part) for every sheet, in order."""
    book = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PACKAGE_REL}Relationship")}
    out = []
    for sheet in book.iter(f"{MAIN}sheet"):
        target = targets[sheet.get(f"{REL}id")]
        out.append((sheet.get("name"), target.lstrip("/") if target.startswith("/") else f"xl/{target}"))
    return out


def _links(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Each hyperlinked cell's reference and where it leads (the links follow the rows, so a first pass finds them)."""
    rels_path = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels_path not in archive.namelist():
        return {}
    rels = etree.fromstring(archive.read(rels_path))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PACKAGE_REL}Relationship")}
    found = {}
    for _, element in etree.iterparse(archive.open(part), tag=(f"{MAIN}row", f"{MAIN}hyperlink")):
        if element.tag == f"{MAIN}hyperlink":
            found[element.get("ref")] = targets[element.get(f"{REL}id")]
        _forget(element)
    return found


def _forget(element: Any) -> None:
    """Drop an element read, and those before it, so that a sheet is never held whole."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def _value(cell: Any, is_date: bool) -> Any:
    kind = cell.get("t")
    if kind == "inlineStr":
        text = cell.find(f"{MAIN}is/{MAIN}t")
        return "" if text is None else (text.text or "")
    found = cell.find(f"{MAIN}v")
    if found is None or not found.text:
        return None
    if is_date:
        return from_excel(float(found.text))
    number = float(found.text)
    return int(number) if number.is_integer() and "." not in found.text and "e" not in found.text else number


def extract(xlsx: Path, out: Path) -> dict[str, int]:
    """Write the stream `write` reads; returns how many rows, cells, styled cells and links it holds."""
    counts = {"rows": 0, "cells": 0, "styled": 0, "links": 0}
    with zipfile.ZipFile(xlsx) as archive, out.open("wb") as handle:
        specs, dates = _styles(archive)
        pickle.dump(("styles", specs), handle)
        for title, part in _sheets(archive):
            links = _links(archive, part)
            widths: dict[str, float] = {}
            merged: list[str] = []
            started = False
            tags = (f"{MAIN}col", f"{MAIN}row", f"{MAIN}mergeCell")
            for _, element in etree.iterparse(archive.open(part), tag=tags):
                if element.tag == f"{MAIN}col":
                    for index in range(int(element.get("min")), int(element.get("max")) + 1):
                        widths[get_column_letter(index)] = float(element.get("width"))
                elif element.tag == f"{MAIN}mergeCell":
                    merged.append(element.get("ref"))
                else:
                    if not started:
                        pickle.dump(("sheet", title, widths), handle)
                        started = True
                    cells = []
                    for c in element:
                        ref = c.get("r")
                        style = int(c.get("s", 0))
                        link = links.get(ref)
                        cells.append((COLUMN[coordinate_from_string(ref)[0]], _value(c, dates[style]), style, link))
                        counts["styled"] += bool(style)
                        counts["links"] += link is not None
                    height = element.get("ht")
                    pickle.dump(("row", float(height) if height else None, cells), handle)
                    counts["rows"] += 1
                    counts["cells"] += len(cells)
                _forget(element)
            if not started:
                pickle.dump(("sheet", title, widths), handle)
            pickle.dump(("merged", merged), handle)
    return counts


def _named(workbook: Workbook, index: int, attributes: list[tuple[str, Any]]) -> str | None:
    """One of the tracker's cell styles as a named style: openpyxl's quickest public way to style many cells."""
    if not attributes:
        return None
    style = NamedStyle(name=f"Tracker {index}")
    for name, value in attributes:
        setattr(style, name, value)
    workbook.add_named_style(style)
    return style.name


def _records(path: Path) -> Iterator[tuple[Any, ...]]:
    with path.open("rb") as handle:
        while True:
            try:
                yield pickle.load(handle)  # noqa: S301  (the stream this module wrote a moment before)
            except EOFError:
                return


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def write(cells: Path, out: Path, *, plain: bool = False) -> dict[str, float]:
    """openpyxl alone writes the cells; returns its time (reading the stream left out) and memory."""
    started = time.perf_counter()
    for _ in _records(cells):
        pass
    reading = time.perf_counter() - started
    before = _rss_kb()
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    styles: list[str | None] = []
    ws: Any = None
    number = 0
    for record in _records(cells):
        kind = record[0]
        if kind == "row":
            _, height, values = record
            row: list[Any] = []
            for column, value, style, link in values:
                while len(row) < column - 1:
                    row.append(None)
                if plain:
                    row.append(value)
                    continue
                c = WriteOnlyCell(ws, value)
                if isinstance(value, str) and value.startswith("="):
                    c.data_type = "s"  # the tracker's text is never a formula
                if styles[style] is not None:
                    c.style = styles[style]
                if link is not None:
                    c.hyperlink = link
                row.append(c)
            number += 1
            if height is not None and not plain:
                ws.row_dimensions[number].height = height
            ws.append(row)
            if height is not None and not plain:
                del ws.row_dimensions[number]
        elif kind == "sheet":
            _, title, widths = record
            ws = workbook.create_sheet(title)
            number = 0
            if not plain:
                for letter, width in widths.items():
                    ws.column_dimensions[letter].width = width
        elif kind == "merged" and not plain:
            for ref in record[1]:
                ws.merged_cells.add(ref)
        elif kind == "styles" and not plain:
            styles = [_named(workbook, index, attributes) for index, attributes in enumerate(record[1])]
    workbook.save(out)
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": total - reading,
        "reading_seconds": reading,
        "peak_kb": peak,
        "growth_kb": peak - before,
        "bytes": out.stat().st_size,
    }
