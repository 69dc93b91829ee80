"""Spreadsheets written as a stream: a list of any length leaves in small pieces, never whole in memory.

`xlsx_chunks` writes a minimal Office Open XML workbook (one sheet, inline strings) into a zip
archive that is handed out piece by piece as rows arrive; `csv_chunks` does the same for CSV.
Neither ever writes what a user typed as a formula: in the workbook every text is an inline
string, which Excel never evaluates, and in CSV a cell that begins with = + - @ (or a tab or a
carriage return, which Excel also reads as the start of a formula) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

MAX_CELL_TEXT = 32_767  # Excel's limit; longer text would make the file unreadable
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry at all, which would make the workbook unreadable.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = date(1899, 12, 30)
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Column:
    heading: str
    width: int = 18  # in characters, for the workbook


# The workbook's fixed parts: content types, relationships, one sheet and three cell styles
# (0 plain, 1 bold heading, 2 a UK date, 3 wrapped text).
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Arial"/></font>'
    '<font><b/><sz val="11"/><name val="Arial"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
PLAIN, BOLD, DATE, WRAPPED = 0, 1, 2, 3


class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream that keeps only what has not been handed out yet."""

    def __init__(self) -> None:
        super().__init__()
        self.pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.pending += data
        return len(data)

    def take(self) -> bytes:
        out = bytes(self.pending)
        self.pending.clear()
        return out


def column_letter(index: int) -> str:
    """0 is A, 25 is Z, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    return escape(_ILLEGAL.sub("", value)[:MAX_CELL_TEXT])


def _cell(ref: str, value: Any, style: int) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        value = "Yes" if value else "No"
    if isinstance(value, datetime):
        value = value.date()
    styled = f' s="{style}"' if style else ""
    if isinstance(value, date):
        return f'<c r="{ref}" s="{DATE}"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{styled}><v>{value}</v></c>'
    # Every text is an inline string: Excel shows it as written and never runs it as a formula.
    return f'<c r="{ref}" t="inlineStr"{styled}><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


def _row(number: int, values: Sequence[Any], style: int = PLAIN, wrap: frozenset[int] = frozenset()) -> str:
    cells = "".join(
        _cell(f"{column_letter(i)}{number}", v, WRAPPED if i in wrap and style == PLAIN else style)
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def xlsx_chunks(
    *,
    sheet: str,
    preamble: Sequence[Sequence[Any]],
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    title: str,
    wrap: Sequence[int] = (),
) -> Iterator[bytes]:
    """The workbook, in pieces of about CHUNK bytes: the preamble rows (what the list is and how it was
    filtered), a blank row, the column headings (bold, frozen, with a filter) and then every row."""
    pipe = _Pipe()
    archive = zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED)
    for name, content in (
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/styles.xml", _STYLES),
        ("docProps/core.xml", _core(title)),
        ("xl/workbook.xml", _workbook(sheet, header_row=len(preamble) + 2, width=len(columns))),
    ):
        archive.writestr(name, content)
    yield pipe.take()
    header = len(preamble) + 2
    last = column_letter(max(len(columns) - 1, 0))
    wrapped = frozenset(wrap)
    with archive.open("xl/worksheets/sheet1.xml", "w") as part:
        part.write(
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{header}" topLeftCell="A{header + 1}" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                "<cols>"
                + "".join(
                    f'<col min="{i + 1}" max="{i + 1}" width="{c.width}" customWidth="1"/>'
                    for i, c in enumerate(columns)
                )
                + "</cols><sheetData>"
            ).encode()
        )
        number = 0
        for number, values in enumerate(preamble, start=1):
            part.write(_row(number, values, BOLD if number == 1 else PLAIN).encode())
        part.write(_row(header, [c.heading for c in columns], BOLD).encode())
        number = header
        for number, values in enumerate(rows, start=header + 1):
            part.write(_row(number, values, wrap=wrapped).encode())
            if len(pipe.pending) >= CHUNK:
                yield pipe.take()
        part.write(
            (
                f'</sheetData><autoFilter ref="A{header}:{last}{max(number, header)}"/>'
                '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                '<pageSetup orientation="landscape" paperSize="9" fitToWidth="1" fitToHeight="0"/>'
                "</worksheet>"
            ).encode()
        )
    archive.close()
    yield pipe.take()


def _workbook(sheet: str, *, header_row: int, width: int) -> str:
    name = _text(sheet[:31])
    last = column_letter(max(width - 1, 0))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
        "<definedNames>"
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">\'{name}\'!${header_row}:${header_row}'
        "</definedName>"
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'{name}\'!$A${header_row}:${last}$'
        f"{header_row}</definedName>"
        "</definedNames></workbook>"
    )


def _core(title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{_text(title)}</dc:title><dc:creator>Review learning tracker</dc:creator>"
        "</cp:coreProperties>"
    )


def csv_safe(value: Any) -> str:
    """A cell as CSV text; text Excel would read as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_chunks(
    *, preamble: Sequence[Sequence[Any]], columns: Sequence[Column], rows: Iterable[Sequence[Any]]
) -> Iterator[bytes]:
    """UTF-8 CSV with a byte order mark (so that Excel reads it as UTF-8), in pieces of about CHUNK bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for values in preamble:
        writer.writerow([csv_safe(v) for v in values])
    writer.writerow([])
    writer.writerow([c.heading for c in columns])
    for values in rows:
        writer.writerow([csv_safe(v) for v in values])
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
