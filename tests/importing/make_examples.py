"""Regenerate the fictional example files in imports/ and the bad files in tests/importing/files/.

Run from the repository root:  python tests/importing/make_examples.py
Every person, place and review here is invented.
"""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[2]
IMPORTS = ROOT / "imports"
EXAMPLES = IMPORTS / "examples"
BAD = Path(__file__).resolve().parent / "files"

DHR_COLUMNS = [
    "Recommendation",
    "Scope of recommendation",
    "Action to take",
    "Lead agency",
    "Key milestones achieved in enacting recommendation",
    "Target date",
    "Date of completion and outcome",
]
FIXED = datetime(2024, 1, 1)
HEADER_FILL = PatternFill("solid", fgColor="1D3557")
THIN = Side(style="thin", color="999999")


def _style_table(ws, header_row: int, widths: list[int]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + i)].width = width
    for cell in ws[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=header_row, max_row=ws.max_row, max_col=len(widths)):
        for cell in row:
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
            if cell.row > header_row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def _save(wb: Workbook, path: Path) -> None:
    wb.properties.creator = "Northbridge example generator"
    wb.properties.created = FIXED
    wb.save(path)


def template() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws["A1"] = "[Partnership name] – DHR '[pseudonym]' ([reference]) Action Plan"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = (
        "One row per action. Merge the Recommendation cell over its actions if you like. Dates as "
        "DD/MM/YYYY. Scope: Local, Regional or National."
    )
    ws["A2"].font = Font(italic=True, color="555555")
    ws.merge_cells("A1:G1")
    ws.merge_cells("A2:G2")
    ws.append([])
    ws.append(DHR_COLUMNS)
    for _ in range(20):
        ws.append([None] * 7)
    _style_table(ws, 4, [45, 14, 45, 24, 40, 14, 36])
    scope = DataValidation(type="list", formula1='"Local,Regional,National"', allow_blank=True)
    ws.add_data_validation(scope)
    scope.add("B5:B24")
    for row in range(5, 25):
        ws.cell(row=row, column=6).number_format = "DD/MM/YYYY"
    ws.row_dimensions[4].height = 45
    _save(wb, IMPORTS / "action-plan-template.xlsx")


def dhr_workbook() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws["A1"] = "Safer Northbridge Partnership – DHR 'Ann' (DHR-2021-03) Action Plan"
    ws["A2"] = "Version 3, agreed by the DHR oversight group"
    ws.merge_cells("A1:G1")
    ws.merge_cells("A2:G2")
    ws.append([])
    ws.append(DHR_COLUMNS)
    rec1 = (
        "1. All agencies should ensure that staff ask about domestic abuse when a patient presents with "
        "injuries. Routine enquiry was not made on three occasions when Ann attended with unexplained injuries."
    )
    rows = [
        [
            rec1,
            "Local",
            "Refresh the routine enquiry guidance for emergency department staff",
            "Northbridge Teaching Hospitals NHS Foundation Trust",
            "Guidance drafted and agreed at safeguarding committee",
            datetime(2021, 5, 12),
            "Completed 12/05/2021. Training delivered to 40 staff",
        ],
        [
            None,
            None,
            "Audit routine enquiry in 50 emergency department records",
            "Northbridge Teaching Hospitals NHS Foundation Trust",
            None,
            "Q3 2021/22",
            None,
        ],
        [
            None,
            None,
            "1. Add a domestic abuse prompt to the GP consultation template\n"
            "2. Brief practice safeguarding leads on the new prompt",
            "Northbridge Integrated Care Board",
            "Prompt designed with two practices",
            "March 2021",
            None,
        ],
        [
            "2. The Partnership should commission specialist training on coercive and controlling behaviour for "
            "housing staff.",
            "Local",
            "Commission training on coercive control for housing officers",
            "Police / Housing",
            None,
            "12/05/2021",
            None,
        ],
        [
            None,
            None,
            "Evaluate the impact of the training six months after delivery",
            "Safer Northbridge Partnership",
            None,
            "Ongoing",
            None,
        ],
        [
            "3. The Home Office should update the statutory guidance to include economic abuse as a risk indicator.",
            "National",
            "Write to the Home Office setting out the learning from this review",
            "Safer Northbridge Partnership",
            "Letter drafted",
            "TBC",
            "Letter sent 3 March 2022",
        ],
        [
            "4. Northshire Police should review how officers record repeat calls from the same address.",
            "Regional (Northshire force area)",
            "Review the repeat-caller flag in the command and control system",
            "Northshire Police",
            None,
            "30.09.21",
            None,
        ],
        [
            None,
            None,
            "Deliver a briefing to response officers on repeat calls",
            "Northshire Police",
            "Briefing written",
            "Sep-21",
            "Completed 01/10/2021",
        ],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A5:A7")
    ws.merge_cells("B5:B7")
    ws.merge_cells("A8:A9")
    ws.merge_cells("B8:B9")
    ws["F5"].number_format = "DD/MM/YYYY"
    ws.append([])
    ws.append(["Notes: target dates were agreed by the DHR oversight group. Send updates to the partnership manager."])
    ws.append(["Key: Scope is Local, Regional or National."])
    _style_table(ws, 4, [45, 14, 45, 24, 40, 14, 36])
    _save(wb, EXAMPLES / "dhr-action-plan-home-office.xlsx")


def sar_workbook() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Adult R tracker"
    ws.append(["Northbridge Safeguarding Adults Board"])
    ws.append(["SAR 'Adult R' (SAR-2022-01) – Recommendations tracker"])
    ws.append(
        [
            "Recommendation",
            "Relevant agencies",
            "Actions",
            "Timescale/progress",
            "Supporting evidence",
            "Critical friend comments",
            "RAG status",
        ]
    )
    ws.append(
        [
            "Recommendation 1: The SAB should seek assurance that mental capacity assessments are recorded when "
            "adults decline care. Adult R repeatedly declined support and no assessment was recorded.",
            "ASC, NHS Trust and Housing",
            "a) Audit 20 cases where care was declined b) Report the findings to the Quality subgroup",
            "By June 2022 - audit under way, 12 of 20 cases reviewed",
            "Audit tool v2",
            "Please share the audit findings, not just the tool",
            "Amber",
        ]
    )
    ws.append(
        [
            "Recommendation 2: Partners should use the self-neglect protocol at the first sign of hoarding.",
            "Housing / Fire and Rescue",
            "Relaunch the self-neglect protocol with a multi-agency briefing",
            datetime(2022, 3, 31),
            "Briefing slides; attendance list",
            None,
            "Blue",
        ]
    )
    ws.append(
        [
            None,
            "Housing",
            "Add the protocol to housing officer induction",
            "Ongoing - included in induction since April",
            None,
            None,
            "Green",
        ]
    )
    ws.append(
        [
            "Recommendation 3: The ICB should review how GP practices respond to missed appointments by "
            "adults who self-neglect.",
            "Northbridge ICB",
            "Commission a review of GP responses to missed appointments",
            "Q4 2022/23",
            None,
            "Needs a named lead",
            "Red",
        ]
    )
    ws.append([])
    ws.append(["Key: RAG ratings as agreed at the SAB meeting of 5 May 2022"])
    ws["D5"].number_format = "DD/MM/YYYY"
    _style_table(ws, 3, [50, 22, 40, 30, 24, 30, 10])
    _save(wb, EXAMPLES / "sar-tracker.xlsx")


LLR_CSV = """Northbridge Safeguarding Children Partnership,,,,
Local Learning Review ‘Child T’ (LLR-2023-02) – action plan,,,,
,,,,
Ref,Action,Lead officer,Target date,Complete Y/N
1.1,"Review the £250 emergency grant process so families can get help the “same day”",Housing Options Manager,31/07/2023,Y
1.2,Publish the revised process on the partnership website,Partnership Business Manager,Aug-23,N
2.1,Deliver ‘Think Family’ briefings to school designated safeguarding leads,Education Safeguarding Lead,Q2 2023/24,Partially - 3 of 5 sessions held
2.2,Add Think Family questions to the school safeguarding audit,Education Safeguarding Lead,TBA,N
3,Report progress to the partnership board,Partnership Business Manager,asap,
"""

BOM_CSV = """Rec no;Recommendation;Action;Lead agency;Owner;Due date;Status;Update
1;Children’s Social Care should complete a risk assessment whenever a parent discloses domestic abuse. This did not happen in two of the four contacts.;Update the single assessment template with a domestic abuse section;Northbridge Council Children’s Social Care;Head of Service, Assessment;30/06/2022;In progress;Template drafted – with IT for build
;;Train social workers in the new section;Northbridge Council Children’s Social Care;Principal Social Worker;30/09/2022;Not started;
2;The Police should share domestic abuse notifications with schools before the next school day (Operation Encompass).;Extend Operation Encompass notifications to nurseries;Northshire Police;Detective Inspector, Public Protection;1 Sept 2022;Complete;Live since 1 September 2022
3;Partners should consider the voice of the child in every MARAC referral.;Add a “voice of the child” field to the MARAC referral form;Northbridge MARAC;MARAC Coordinator;31/13/2022;;
"""


def csv_files() -> None:
    (EXAMPLES / "llr-plan-windows1252.csv").write_bytes(LLR_CSV.replace("\n", "\r\n").encode("cp1252"))
    (EXAMPLES / "dhr-action-plan-utf8-bom.csv").write_bytes(b"\xef\xbb\xbf" + BOM_CSV.encode("utf-8"))


ABSTRACT_NUM = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""
BULLET_NUM = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""


def _add_numbering(document) -> None:
    """A decimal list (numId 10) and a bullet list (numId 11) in numbering.xml, as Word writes them."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in (ABSTRACT_NUM, BULLET_NUM):
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    for num_id, abstract in (("10", "90"), ("11", "91")):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>')
        )


def _numbered(document, runs: list[tuple[str, bool]], num_id: str = "10", ilvl: int = 0):
    paragraph = document.add_paragraph()
    for text, bold in runs:
        paragraph.add_run(text).bold = bold or None
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def cspr_docx() -> None:
    document = Document()
    document.core_properties.created = FIXED
    document.core_properties.author = "Northbridge example generator"
    _add_numbering(document)
    document.add_heading("Child Safeguarding Practice Review: 'Baby M' – Learning briefing", level=0)
    document.add_paragraph("Northbridge Safeguarding Children Partnership | Reference CSPR-2022-05")
    document.add_heading("Background", level=1)
    document.add_paragraph(
        "Baby M was eight weeks old when admitted to hospital with serious injuries. "
        "This briefing sets out what agencies have learned."
    )
    document.add_heading("Recommendations", level=1)
    _numbered(
        document,
        [
            (
                "Health visitors and midwives should share information about a new baby's household before discharge.",
                True,
            ),
            (
                " In this case the midwife knew that a violent ex-partner had returned to the home but "
                "the health visitor did not.",
                False,
            ),
        ],
    )
    _numbered(
        document,
        [
            ("Children's Social Care should\u00a0see fathers and male carers", True),
            (" at every assessment visit.", True),
            ("\tBaby M's father was not seen on any of the five visits.", False),
        ],
    )
    document.add_paragraph("Practitioners told the review that they did not know he was living there.")
    _numbered(
        document, [("The ICON programme ", True), ("(coping with crying) should be offered to both parents.", True)]
    )
    _numbered(
        document,
        [
            ("Maternity services should record who lives in the household at booking.", True),
            (" Staff should ask again at every contact.", False),
        ],
        ilvl=1,
    )
    _numbered(
        document,
        [
            (
                "The Partnership should ask the Department for Education to include male carers in "
                "the national assessment guidance. (National)",
                False,
            )
        ],
    )
    _numbered(document, [("The guidance should name fathers, partners and other male carers.", False)], num_id="11")
    document.add_heading("Next steps", level=1)
    document.add_paragraph("Discuss this briefing with your team and tell us what you have changed.")
    _numbered(document, [("Share the briefing with new staff.", False)])
    document.add_heading("Contact details", level=2)
    document.add_paragraph("Northbridge Safeguarding Children Partnership business unit, 01632 960000.")
    document.save(EXAMPLES / "cspr-learning-briefing.docx")


PDF_PAGES = [
    [
        "Northbridge Safeguarding Adults Board",
        "Safeguarding Adults Review: Mr K (SAR-2020-07)",
        "",
        "Executive summary",
        "Mr K was 58 and lived alone. He had contact with seven agencies in the two years",
        "before his death.",
        "",
        "Recommendations",
        "Recommendation 1: The Board should seek assurance that agencies use the",
        "escalation policy when a case is stuck. Practitioners told the review that",
        "they did not know how to escalate.",
        "Recommendation 2 \x96 Adult social care should review how self-neglect",
        "referrals are triaged. (Local)",
        "Page 1 of 2",
    ],
    [
        "Recommendation 3: The Board should write to the Department of Health and",
        "Social Care about the funding of multi-agency risk management. (National)",
        "",
        "Appendix A: Terms of reference",
        "1. To examine how agencies worked together.",
        "Page 2 of 2",
    ],
]


def _pdf_string(text: str) -> bytes:
    raw = text.encode("latin-1")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def minimal_pdf(pages: list[list[str]]) -> bytes:
    """A small valid PDF: Helvetica text objects, one per line, with a correct cross-reference table."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    for i, lines in enumerate(pages):
        stream = b""
        y = 780
        for line in lines:
            if line:
                stream += b"BT /F1 11 Tf 72 %d Td " % y + _pdf_string(line) + b" Tj ET\n"
            y -= 16
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (font_id, page_ids[i] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


TXT = """DOMESTIC HOMICIDE REVIEW – 'JOHN' (DHR-2019-11)
Riverside Community Safety Partnership

1. INTRODUCTION
This review looks at the contact agencies had with John and his partner.

RECOMMENDATIONS

**1.** The Community Safety Partnership should ensure that the DASH risk
assessment is completed at every domestic abuse incident.
   • Officers did not complete DASH on two occasions.

2) All agencies should  record the\u00a0ethnicity and first language of victims.
Interpreters were not used.

R3 Housing providers should flag addresses where there have been repeated domestic abuse incidents.

Recommendation 4a: GP practices should ask about domes\u00adtic abuse at new-patient registration.

4b) __GP practices__ should record disclosures in the coded record.\t(Local)

NEXT STEPS
The action plan will be monitored by the DHR subgroup.
"""

MD = """# Thematic review of self-neglect: learning briefing

Northbridge Safeguarding Adults Board – thematic review of five SARs (TR-2023-01)

## Introduction

This briefing draws together learning from five Safeguarding Adults Reviews.

## Theme 1: Professional curiosity

### Key learning

- Practitioners accepted "I'm fine" at face value.
- Nobody asked to see the upstairs rooms.

### Improving practice

- Ask to see the whole home, and record what you see.

## Theme 2: Mental capacity

**Key learning:** Capacity was assumed because the person could talk about their choices.

**Improving practice:** Assess executive capacity: can the person carry out what they say they will do?

## Hoarding and fire risk

### Key learning

Fire and Rescue were not told about the hoarding in four of the five cases.

### Improving practice

Refer to Fire and Rescue for a home fire safety visit whenever you see hoarding.

## Further information

Contact the SAB business unit.
"""


def documents() -> None:
    (EXAMPLES / "sar-report-recommendations.pdf").write_bytes(minimal_pdf(PDF_PAGES))
    (EXAMPLES / "dhr-recommendations.txt").write_text(TXT, encoding="utf-8")
    (EXAMPLES / "thematic-briefing.md").write_text(MD, encoding="utf-8")


def _zip_with_declared_size(entries: dict[str, bytes], declared: int) -> bytes:
    """A small zip whose central directory claims each entry expands to `declared` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in entries.items():
            z.writestr(name, body)
    data = bytearray(buffer.getvalue())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 24, declared)  # uncompressed size field
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def bad_files() -> None:
    BAD.mkdir(exist_ok=True)
    (BAD / "empty.xlsx").write_bytes(b"")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (BAD / "old-format.xls").write_bytes(ole + "Workbook".encode("utf-16-le") + b"\x00" * 512)
    (BAD / "password-protected.xlsx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    (BAD / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x14\x00\x00\x00" + b"this is not really a zip" * 20)
    (BAD / "zip-bomb.xlsx").write_bytes(
        _zip_with_declared_size(
            {"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"<worksheet/>" * 100}, 0xFFFF0000
        )
    )
    (BAD / "not-a-document.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 100)
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Name", "Telephone", "Email"])
    ws.append(["Business unit", "01632 960000", "unit@example.org"])
    _save(wb, BAD / "no-header.xlsx")
    document = Document()
    document.core_properties.created = FIXED
    document.add_heading("Safeguarding week 2023", level=1)
    document.add_paragraph("Thank you to everyone who came to the events. The slides are on the website.")
    document.add_paragraph("We will run the week again next year.")
    document.save(BAD / "no-recommendations.docx")


def main() -> None:
    EXAMPLES.mkdir(parents=True, exist_ok=True)
    template()
    dhr_workbook()
    sar_workbook()
    csv_files()
    cspr_docx()
    documents()
    bad_files()


if __name__ == "__main__":
    main()
