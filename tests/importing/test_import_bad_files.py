"""Bad uploads come back as a result with a clear error, never an exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.parsing.detect import parse_file

FILES = Path(__file__).resolve().parent / "files"
EXAMPLES = Path(__file__).resolve().parents[2] / "imports" / "examples"
MAX = 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("empty.xlsx", "File", "The file is empty."),
        (
            "old-format.xls",
            "File",
            "This is an old Excel 97-2003 .xls file. Save it as .xlsx (Excel Workbook) and upload it again.",
        ),
        (
            "password-protected.xlsx",
            "File",
            "This file is password-protected. Remove the password (in Excel or Word: File > Info > Protect > "
            "Encrypt with Password, then clear it), save it and upload it again.",
        ),
        (
            "corrupt.xlsx",
            "File",
            "The file is damaged: it should be a zip-packed Office file (.xlsx or .docx) but it could not be opened. "
            "Open it in Excel or Word, save it again and upload the new copy.",
        ),
        (
            "zip-bomb.xlsx",
            "File",
            "The file would expand to 8191.9 MB when opened, far more than its size of 1 KB, so it was not opened. "
            "Save it again from Excel or Word and upload the new copy.",
        ),
        (
            "not-a-document.xlsx",
            "File",
            "This file is not a spreadsheet or document the tracker can read. Upload an Excel workbook (.xlsx), "
            "a CSV file, a Word document (.docx), a PDF, or a text file (.txt or .md).",
        ),
        (
            "no-header.xlsx",
            "Sheet 'Contacts'",
            "No header row was found. The table needs a row of column headings such as Recommendation, Action, "
            "Lead agency and Target date.",
        ),
        (
            "no-recommendations.docx",
            "File",
            "No recommendations were found. The tracker looks for a 'Recommendations' heading followed by numbered "
            "paragraphs (1., 1), Recommendation 1:, R1 or Word's numbered lists), or for themes with 'Key learning' "
            "and 'Improving practice'.",
        ),
    ],
)
def test_bad_file_gives_one_clear_error(name: str, where: str, message: str) -> None:
    result = parse_file(FILES / name, max_bytes=MAX)
    assert not result.ok
    assert [(e.where, e.message) for e in result.errors] == [(where, message)]
    assert result.recommendations == []
    assert result.to_json_dict()["errors"] == [{"where": where, "message": message}]


def test_file_over_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "plan.csv"
    big.write_bytes(b"Recommendation,Action\n" + b"1. x,y\n" * 400_000)
    result = parse_file(big, max_bytes=1024 * 1024)
    assert [e.message for e in result.errors] == [
        "The file is 2.7 MB, larger than the 1.0 MB limit. Split it into smaller files or remove pictures, "
        "then upload it again."
    ]


def test_format_comes_from_content_not_name(tmp_path: Path) -> None:
    renamed = tmp_path / "briefing.xlsx"
    shutil.copy(EXAMPLES / "cspr-learning-briefing.docx", renamed)
    result = parse_file(renamed, max_bytes=MAX)
    assert result.format == "docx" and result.ok and len(result.recommendations) == 5


def test_upload_name_is_reported(tmp_path: Path) -> None:
    tmp = tmp_path / "upload-1234"
    shutil.copy(EXAMPLES / "sar-tracker.xlsx", tmp)
    result = parse_file(tmp, max_bytes=MAX, name="sar-tracker.xlsx")
    assert result.file == "sar-tracker.xlsx" and result.format == "xlsx" and result.review.type == "SAR"


def test_damaged_docx_inside_a_good_zip(tmp_path: Path) -> None:
    import zipfile

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "not xml")
    result = parse_file(broken, max_bytes=MAX)
    assert result.format == "docx"
    assert len(result.errors) == 1
    assert result.errors[0].message.startswith(
        "The Word document could not be read; it may be damaged. Open it, save it again and upload the new copy."
    )


def test_old_word_document(tmp_path: Path) -> None:
    doc = tmp_path / "report.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le"))
    result = parse_file(doc, max_bytes=MAX)
    assert [e.message for e in result.errors] == [
        "This is an old Word 97-2003 .doc file. Save it as .docx (Word Document) and upload it again."
    ]


def test_missing_file(tmp_path: Path) -> None:
    result = parse_file(tmp_path / "gone.xlsx", max_bytes=MAX)
    assert [e.message for e in result.errors] == ["The file could not be found or opened."]
