"""The upload checks on their own: a file is what its name says, or it is refused in plain words."""

from __future__ import annotations

import pytest

from tests.actions.conftest import CONTENT_TYPES, SAMPLES, _zip
from tracker.services.actions.evidence_files import EvidenceRefused, check_file, human_size

LIMIT = 20 * 1024 * 1024


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_accepted_kind_passes(name: str) -> None:
    checked = check_file(name, SAMPLES[name], max_bytes=LIMIT)
    assert checked.filename == name
    assert checked.content_type


def test_content_types_are_the_detected_ones() -> None:
    assert check_file("report.pdf", SAMPLES["report.pdf"], max_bytes=LIMIT).content_type == "application/pdf"
    assert check_file("register.csv", SAMPLES["register.csv"], max_bytes=LIMIT).content_type == "text/csv"
    assert check_file("REPORT.PDF", SAMPLES["report.pdf"], max_bytes=LIMIT).filename == "REPORT.PDF"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", SAMPLES["poster.png"], "The selected file is a PNG image, but its name ends in .pdf"),
        ("notes.txt", SAMPLES["report.pdf"], "The selected file is a PDF, but its name ends in .txt"),
        (
            "briefing.docx",
            SAMPLES["audit.xlsx"],
            "The selected file is an Excel spreadsheet, but its name ends in .docx",
        ),
        (
            "minutes.doc",
            SAMPLES["figures.xls"],
            "The selected file is an Excel 97-2003 spreadsheet, but its name ends in .doc",
        ),
        ("report.pdf", b"just some text pretending", "The selected file is not a PDF"),
        ("briefing.docx", b"PK\x03\x04 not really a zip", "The selected file is not a Word document"),
        ("briefing.docx", _zip({"word/document.xml": b"<w:document/>"}), "The selected file is not a Word document"),
        (
            "briefing.docx",
            _zip({"[Content_Types].xml": CONTENT_TYPES, "other/x.xml": b""}),
            "The selected file is not a Word",
        ),
        ("notes.txt", b"text\x00with a NUL", "The selected file is not a text file"),
        ("notes.txt", b"\x81\x8d\x8f\x90\x9d", "The selected file is not a text file"),
        ("email.eml", b"Dear all,\nthe audit is attached.\n", "The selected file is not an email"),
        ("minutes.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "The selected file is not a Word 97-2003"),
        ("program.exe", b"MZ\x90\x00", "The selected file must be a PDF, Word, Excel, PowerPoint"),
        ("no-extension", b"hello", "The selected file must be a PDF, Word, Excel, PowerPoint"),
        ("page.html", b"<html></html>", "The selected file must be a PDF, Word, Excel, PowerPoint"),
    ],
)
def test_content_must_match_the_name(name: str, content: bytes, message: str) -> None:
    with pytest.raises(EvidenceRefused) as refused:
        check_file(name, content, max_bytes=LIMIT)
    assert refused.value.message.startswith(message)
    assert refused.value.field == "file"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../etc/passwd.txt", "must not contain slashes, backslashes or two dots"),
        ("..\\secret.txt", "must not contain slashes, backslashes or two dots"),
        ("folder/notes.txt", "must not contain slashes, backslashes or two dots"),
        ("notes..txt", "must not contain slashes, backslashes or two dots"),
        ("notes\x00.txt", "must not contain control characters"),
        ("notes\x1b[31m.txt", "must not contain control characters"),
        ("evil\u202etxt.exe", "must not contain control characters"),
        (".htaccess.txt", "must not start with a dot"),
        ("a" * 197 + ".txt", "must be 200 characters or fewer"),
    ],
)
def test_path_tricks_in_names_are_refused(name: str, message: str) -> None:
    with pytest.raises(EvidenceRefused) as refused:
        check_file(name, SAMPLES["notes.txt"], max_bytes=LIMIT)
    assert message in refused.value.message
    assert "Rename the file" in refused.value.message


def test_empty_and_oversized_files() -> None:
    with pytest.raises(EvidenceRefused, match="The selected file is empty"):
        check_file("notes.txt", b"", max_bytes=LIMIT)
    with pytest.raises(EvidenceRefused, match="The selected file must be smaller than 20 MB"):
        check_file("notes.txt", b"x" * (LIMIT + 1), max_bytes=LIMIT)
    assert check_file("notes.txt", b"x" * LIMIT, max_bytes=LIMIT)


def test_sizes_read_as_people_say_them() -> None:
    assert human_size(20 * 1024 * 1024) == "20 MB"
    assert human_size(1536) == "1.5 KB"
    assert human_size(900) == "900 bytes"


def test_a_name_of_exactly_200_characters_is_accepted() -> None:
    name = "a" * 196 + ".txt"
    assert check_file(name, SAMPLES["notes.txt"], max_bytes=LIMIT).filename == name
