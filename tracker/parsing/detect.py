"""`parse_file`: identify an uploaded file by its content, check it is safe to open, and parse it.

It never raises for bad input: every problem comes back as an error in the ImportResult, in words
the person uploading can act on.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterable
from pathlib import Path

from tracker.parsing.people import known_names
from tracker.parsing.result import UNKNOWN_FORMAT, ImportResult

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An archive may expand to this many times its size, and never beyond the absolute cap. Real
# workbooks expand 5 to 30 times; a "zip bomb" expands thousands of times.
MAX_EXPANSION_RATIO = 100
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
_SMALL_ENOUGH = 10 * 1024 * 1024  # below this the ratio does not matter

# A report's longest paragraph is a few thousand characters; a line this long is not a report's text.
MAX_LINE = 50_000
UNREADABLE = (
    "This file is not a spreadsheet or document the tracker can read. Upload an Excel workbook (.xlsx), "
    "a CSV file, a Word document (.docx), a PDF, or a text file (.txt or .md)."
)


def _mb(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def parse_file(
    path: Path, *, max_bytes: int, name: str | None = None, agencies: Iterable[str] | None = None
) -> ImportResult:
    """Parse one uploaded file. `name` is the name the user gave it, when `path` is a temporary file.

    `agencies` are the names and aliases of the agencies the tracker knows: a lead cell naming one of
    them is an organisation for certain, whatever its words.
    """
    path = Path(path)
    name = name or path.name
    ext = Path(name).suffix.lower()
    result = ImportResult(file=name, format=UNKNOWN_FORMAT)
    try:
        size = path.stat().st_size
    except OSError:
        result.error("File", "The file could not be found or opened.")
        return result
    if size > max_bytes:
        result.error(
            "File",
            f"The file is {_mb(size)}, larger than the {_mb(max_bytes)} limit. "
            "Split it into smaller files or remove pictures, then upload it again.",
        )
        return result
    data = path.read_bytes()
    if not data.strip(b" \t\r\n\x00"):
        result.error("File", "The file is empty.")
        return result
    try:
        _dispatch(path, data, ext, result, known_names(agencies))
    except Exception as exc:
        result.recommendations.clear()
        what = {"xlsx": "Excel workbook", "docx": "Word document", "pdf": "PDF"}.get(result.format, "file")
        result.error(
            "File",
            f"The {what} could not be read; it may be damaged. Open it, save it again and "
            f"upload the new copy. ({type(exc).__name__})",
        )
    return result


def _dispatch(path: Path, data: bytes, ext: str, result: ImportResult, known: frozenset[str]) -> None:
    from tracker.parsing import documents, spreadsheet

    if data.startswith(OLE):
        result.error("File", _ole_message(data, ext))
        return
    if data.startswith(b"PK"):
        kind = _zip_kind(path, data, result)
        if kind == "xlsx":
            result.format = "xlsx"
            spreadsheet.parse_xlsx(path, result, known)
        elif kind == "docx":
            result.format = "docx"
            documents.parse_docx(path, result, known)
        return
    if data.startswith(b"%PDF"):
        result.format = "pdf"
        if not _pdf_readable(path, result):
            return
        documents.parse_pdf(path, result, known)
        return
    head = data[:2048].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        result.error(
            "File",
            "This is a Rich Text (.rtf) file. Open it in Word, save it as a Word Document (.docx) and upload it again.",
        )
        return
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        result.error(
            "File",
            "This file is a web page or XML saved under a spreadsheet name, as some systems export "
            "them. Open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again.",
        )
        return
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        result.error("File", UNREADABLE)
        return
    text = spreadsheet.decode_csv(data)
    if ext in {".csv", ".tsv"} or (ext not in {".txt", ".md", ".markdown", ".text"} and _looks_like_csv(text)):
        result.format = "csv"
        spreadsheet.parse_csv(data, result, known)
        return
    result.format = "text"
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > MAX_LINE:
        result.error(
            "File",
            f"This file has a line of {longest:,} characters, far longer than any paragraph of a report, so it was "
            "not read. If it is a report, save it from Word or as a PDF and upload that instead.",
        )
        return
    documents.parse_text(text, result, markdown=ext in {".md", ".markdown"}, known=known)


def _ole_message(data: bytes, ext: str) -> str:
    # Excel and Word save password-protected .xlsx/.docx files as an OLE container holding an
    # "EncryptedPackage" stream, so the name says .xlsx but the content is the old container format.
    if "EncryptedPackage".encode("utf-16-le") in data or ext in {".xlsx", ".xlsm", ".docx"}:
        return (
            "This file is password-protected. Remove the password (in Excel or Word: File > Info > "
            "Protect > Encrypt with Password, then clear it), save it and upload it again."
        )
    if ext == ".doc" or "WordDocument".encode("utf-16-le") in data:
        return "This is an old Word 97-2003 .doc file. Save it as .docx (Word Document) and upload it again."
    return "This is an old Excel 97-2003 .xls file. Save it as .xlsx (Excel Workbook) and upload it again."


def _zip_kind(path: Path, data: bytes, result: ImportResult) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError):
        result.error(
            "File",
            "The file is damaged: it should be a zip-packed Office file (.xlsx or .docx) but "
            "it could not be opened. Open it in Excel or Word, save it again and upload the new copy.",
        )
        return None
    expanded = sum(i.file_size for i in infos)
    limit = min(MAX_EXPANDED_BYTES, max(_SMALL_ENOUGH, MAX_EXPANSION_RATIO * len(data)))
    if len(infos) > MAX_ZIP_ENTRIES or expanded > limit:
        result.error(
            "File",
            f"The file would expand to {_mb(expanded)} when opened, far more than its size of "
            f"{_mb(len(data))}, so it was not opened. Save it again from Excel or Word and upload the new copy.",
        )
        return None
    if "[Content_Types].xml" not in names:
        result.error("File", "This is a zip archive, not an Excel workbook or Word document. " + UNREADABLE)
        return None
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names):
        return "docx"
    result.error(
        "File", "This Office file is neither an Excel workbook nor a Word document (perhaps PowerPoint). " + UNREADABLE
    )
    return None


def _pdf_readable(path: Path, result: ImportResult) -> bool:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        try:
            # Many PDFs are "encrypted" with an empty password only to stop editing; those still read.
            opened = bool(reader.decrypt(""))
        except Exception:  # unsupported encryption is the same as a password to the user
            opened = False
        if not opened:
            result.error("File", "This PDF is password-protected. Remove the password, save it and upload it again.")
            return False
    return True


def _looks_like_csv(text: str) -> bool:
    sample = "\n".join(text.splitlines()[:20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return False
    rows = [r for r in csv.reader(sample.splitlines(), dialect) if any(c.strip() for c in r)]
    return len(rows) >= 2 and sum(len(r) >= 3 for r in rows) >= len(rows) // 2
