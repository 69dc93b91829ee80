"""Bad uploads come back as a result with a clear error, never an exception."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.parsing.detect import parse_file
from tracker.parsing.xlsx import MAX_COLUMNS, MAX_ROWS

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


# ----- files too large or too strange to be a plan: refused whole, quickly, in plain words ---------


def _plan_rows(count: int) -> list[list[object]]:
    return [["Ref", "Recommendation", "Action", "Lead agency", "Target date"]] + [
        [n, f"Agencies should share information ({n}).", f"Action {n}", "Police", "31/03/2026"] for n in range(count)
    ]


def test_a_csv_plan_longer_than_the_limit_is_refused_not_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("\n".join(",".join(str(c) for c in row) for row in _plan_rows(MAX_ROWS + 5)), encoding="utf-8")
    result = parse_file(path, max_bytes=MAX)
    assert result.recommendations == []
    assert [e.message[:35] for e in result.errors] == [f"This has more than {MAX_ROWS:,} rows: the"]


def test_a_workbook_sheet_longer_than_the_limit_is_refused_not_cut_short(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    for row in _plan_rows(MAX_ROWS + 5):
        sheet.append(row)
    path = tmp_path / "long.xlsx"
    workbook.save(path)
    result = parse_file(path, max_bytes=MAX)
    assert result.recommendations == []
    assert result.errors[0].where == "Sheet 'Plan'" and "nothing was imported" in result.errors[0].message


def test_a_plan_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "full.csv"
    path.write_text("\n".join(",".join(str(c) for c in row) for row in _plan_rows(MAX_ROWS - 1)), encoding="utf-8")
    result = parse_file(path, max_bytes=MAX)
    assert result.ok and result.action_count == MAX_ROWS - 1


def test_a_csv_cell_longer_than_any_plan_holds_says_so(tmp_path: Path) -> None:
    path = tmp_path / "one-cell.csv"
    path.write_text("Recommendation,Action\n" + '"' + "x" * 200_000 + '",y\n', encoding="utf-8")
    result = parse_file(path, max_bytes=MAX)
    assert [e.message[:45] for e in result.errors] == ["A cell in this CSV file is far longer than an"]


def test_a_text_file_of_one_enormous_line_is_not_read_as_a_report(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text(" ".join(f"word{n}" for n in range(20_000)), encoding="utf-8")
    result = parse_file(path, max_bytes=MAX)
    assert result.errors[0].message.startswith("This file has a line of 188,889 characters")


def test_a_far_off_cell_in_a_sheet_is_not_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in _plan_rows(3):
        sheet.append(row)
    sheet.cell(row=2, column=MAX_COLUMNS + 50, value="stray")
    path = tmp_path / "wide.xlsx"
    workbook.save(path)
    result = parse_file(path, max_bytes=MAX)
    assert result.ok and result.action_count == 3
