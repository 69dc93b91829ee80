"""Checks on an uploaded evidence file: its name, its size and, above all, its content.

A file is accepted only when its bytes are what its name says: a PDF must start as a
PDF, a .docx must be a zip holding a Word document, a .txt must be text. The name is
kept as data only; nothing here touches the file system.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from tracker.rules import DomainError

MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class FileType:
    label: str  # as the user would say it: "a Word document"
    extensions: tuple[str, ...]
    content_type: str


PDF = FileType("a PDF", ("pdf",), "application/pdf")
DOCX = FileType("a Word document", ("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileType("an Excel spreadsheet", ("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PPTX = FileType(
    "a PowerPoint presentation", ("pptx",), "application/vnd.openxmlformats-officedocument.presentationml.presentation"
)
DOC = FileType("a Word 97-2003 document", ("doc",), "application/msword")
XLS = FileType("an Excel 97-2003 spreadsheet", ("xls",), "application/vnd.ms-excel")
PPT = FileType("a PowerPoint 97-2003 presentation", ("ppt",), "application/vnd.ms-powerpoint")
MSG = FileType("an Outlook email", ("msg",), "application/vnd.ms-outlook")
PNG = FileType("a PNG image", ("png",), "image/png")
JPEG = FileType("a JPEG image", ("jpg", "jpeg"), "image/jpeg")
GIF = FileType("a GIF image", ("gif",), "image/gif")
TEXT = FileType("a text file", ("txt",), "text/plain")
CSV = FileType("a CSV file", ("csv",), "text/csv")
EML = FileType("an email", ("eml",), "message/rfc822")

ACCEPTED = (PDF, DOCX, XLSX, PPTX, DOC, XLS, PPT, MSG, PNG, JPEG, GIF, TEXT, CSV, EML)
BY_EXTENSION = {ext: kind for kind in ACCEPTED for ext in kind.extensions}
ACCEPT_ATTRIBUTE = ",".join(f".{ext}" for ext in BY_EXTENSION)
WHAT_WE_TAKE = "a PDF, Word, Excel, PowerPoint, image (PNG, JPEG or GIF), text, CSV or email (.eml or .msg) file"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream each Office 97-2003 format keeps in its directory, stored as UTF-16 names.
_OLE_STREAMS = (
    (DOC, ("WordDocument",)),
    (XLS, ("Workbook", "Book")),
    (PPT, ("PowerPoint Document",)),
    (MSG, ("__substg1.0_", "__properties_version1.0")),
)
_OOXML_PARTS = ((DOCX, "word/"), (XLSX, "xl/"), (PPTX, "ppt/"))
_HEADER_LINE = re.compile(r"^[A-Za-z0-9-]+:[ \t]?\S?")
_EMAIL_HEADERS = ("from", "to", "subject", "date", "received", "message-id", "mime-version")


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    content_type: str
    kind: FileType


class EvidenceRefused(DomainError):
    def __init__(self, message: str) -> None:
        super().__init__(message, field="file")


def human_size(size: int) -> str:
    """20971520 -> "20 MB": how the limit is said to the user."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def check_name(filename: str) -> tuple[str, str]:
    """The name as the user gave it, and its lower-case extension; path tricks are refused."""
    name = filename.strip()
    if not name:
        raise EvidenceRefused("Select a file")
    if "/" in name or "\\" in name or ".." in name:
        raise EvidenceRefused(
            "The file name must not contain slashes, backslashes or two dots in a row. Rename the file and try again"
        )
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name):
        raise EvidenceRefused("The file name must not contain control characters. Rename the file and try again")
    if name.startswith("."):
        raise EvidenceRefused("The file name must not start with a dot. Rename the file and try again")
    if len(name) > MAX_NAME_LENGTH:
        raise EvidenceRefused(
            f"The file name must be {MAX_NAME_LENGTH} characters or fewer. Rename the file and try again"
        )
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    if extension not in BY_EXTENSION:
        raise EvidenceRefused(f"The selected file must be {WHAT_WE_TAKE}")
    return name, extension


def check_file(filename: str, content: bytes, *, max_bytes: int) -> CheckedFile:
    """Refuse, in the user's words, any file that is empty, too large, misnamed or not what it claims."""
    name, extension = check_name(filename)
    if not content:
        raise EvidenceRefused("The selected file is empty")
    if len(content) > max_bytes:
        raise EvidenceRefused(f"The selected file must be smaller than {human_size(max_bytes)}")
    claimed = BY_EXTENSION[extension]
    found = detect(content, claimed)
    if found is None:
        raise EvidenceRefused(
            f"The selected file is not {claimed.label}: its content does not match its name. Choose {WHAT_WE_TAKE}"
        )
    if found != claimed:
        raise EvidenceRefused(
            f"The selected file is {found.label}, but its name ends in .{extension}. "
            f"Rename it to end in .{found.extensions[0]}, or choose another file"
        )
    return CheckedFile(filename=name, content_type=found.content_type, kind=found)


def detect(content: bytes, claimed: FileType) -> FileType | None:
    """What the bytes are, whatever the name says; `claimed` only settles text versus CSV versus email."""
    if content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if content.startswith(b"PK\x03\x04"):
        return _office_open_xml(content)
    if content.startswith(_OLE):
        return _office_97(content, claimed)
    return _text(content, claimed)


def _office_open_xml(content: bytes) -> FileType | None:
    # Only the zip's directory is read: nothing is decompressed, so a zip bomb costs nothing here.
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for kind, prefix in _OOXML_PARTS:
        if any(n.startswith(prefix) for n in names):
            return kind
    return None


def _office_97(content: bytes, claimed: FileType) -> FileType | None:
    present = [kind for kind, streams in _OLE_STREAMS if any(s.encode("utf-16-le") in content for s in streams)]
    if claimed in present:
        return claimed
    return present[0] if present else None


def _text(content: bytes, claimed: FileType) -> FileType | None:
    if b"\x00" in content:
        return None
    text = decode_text(content)
    if text is None:
        return None
    if claimed == EML:
        return EML if _looks_like_email(text) else None
    if claimed in (TEXT, CSV):
        return claimed
    return None


def decode_text(content: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _looks_like_email(text: str) -> bool:
    """An email starts with header lines ("From: ...") and names at least one of the usual headers."""
    lines = text.splitlines()
    if not lines or not _HEADER_LINE.match(lines[0]):
        return False
    names: set[str] = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (" ", "\t"):
            continue  # a folded header carries on the line above
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(":", 1)[0].lower())
    return any(h in names for h in _EMAIL_HEADERS)
