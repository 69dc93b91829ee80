"""Render the corpus documents (tests/importing/corpus_docs.py) as Word, PDF, text, markdown and spreadsheets.

A document is a list of blocks: ("title", text), ("h1", text), ("h2", text), ("h3", text), ("p", text),
("bold", text), ("bullet", text), ("num", text, level) for Word's automatic numbering, ("toc", text),
("table", rows) and ("page",) for a page break. Fictional throughout.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

Block = tuple[Any, ...]
FIXED = datetime(2024, 1, 1)

DECIMAL_LIST = """<w:abstractNum {ns} w:abstractNumId="80"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
OUTLINE_LIST = """<w:abstractNum {ns} w:abstractNumId="81"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>"""


def render_docx(blocks: list[Block], path: Path, *, outline_start: int = 1) -> None:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    document.core_properties.created = FIXED
    document.core_properties.author = "Northbridge corpus generator"
    numbering = document.part.numbering_part.element
    first = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for xml in (DECIMAL_LIST.format(ns=nsdecls("w")), OUTLINE_LIST.format(ns=nsdecls("w"), start=outline_start)):
        element = parse_xml(xml)
        if first is not None:
            first.addprevious(element)
        else:
            numbering.append(element)
    for num_id, abstract in (("40", "80"), ("41", "81")):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>')
        )

    def numbered(paragraph: Any, level: int, num_id: str) -> None:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )

    for block in blocks:
        kind = block[0]
        if kind == "title":
            document.add_heading(block[1], level=0)
        elif kind in {"h1", "h2", "h3"}:
            document.add_heading(block[1], level=int(kind[1]))
        elif kind == "bold":
            document.add_paragraph().add_run(block[1]).bold = True
        elif kind == "lead":  # a bold lead sentence, then the explanation
            paragraph = document.add_paragraph()
            paragraph.add_run(block[1]).bold = True
            paragraph.add_run(" " + block[2])
        elif kind == "bullet":
            document.add_paragraph(block[1], style="List Bullet")
        elif kind in {"num", "outline"}:
            paragraph = document.add_paragraph(block[1])
            numbered(paragraph, block[2] if len(block) > 2 else 0, "40" if kind == "num" else "41")
        elif kind == "toc":
            document.add_paragraph(block[1])
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is None:
                        continue
                    cell = table.cell(r, c)
                    if value == "<merge":
                        cell.merge(table.cell(r, c - 1))
                        continue
                    lines = str(value).split("\n")
                    cell.text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
            if len(block) > 2:
                for r, c0, c1 in block[2]:  # merged rows: (row, first column, last column)
                    text = table.cell(r, c0).text
                    table.cell(r, c0).merge(table.cell(r, c1)).text = text
        elif kind == "page":
            document.add_page_break()
        else:
            document.add_paragraph(block[1])
    document.save(str(path))


def render_pdf(blocks: list[Block], path: Path, *, header: str = "", footer: str = "") -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")

    story: list[Any] = []
    for block in blocks:
        kind = block[0]
        if kind == "title":
            story.append(Paragraph(esc(block[1]), styles["Title"]))
        elif kind in {"h1", "h2", "h3"}:
            story.append(Paragraph(esc(block[1]), styles[{"h1": "Heading1", "h2": "Heading2", "h3": "Heading3"}[kind]]))
        elif kind == "bold":
            story.append(Paragraph(f"<b>{esc(block[1])}</b>", body))
        elif kind == "bullet":
            story.append(Paragraph(f"• {esc(block[1])}", body))
        elif kind == "table":
            cells = [[Paragraph(esc(str(c or "")), body) for c in row] for row in block[1]]
            table = Table(cells, repeatRows=1)
            table.setStyle(
                TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            )
            story.append(table)
            story.append(Spacer(1, 8))
        elif kind == "page":
            story.append(PageBreak())
        else:
            story.append(Paragraph(esc(block[1]), body))

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(72, A4[1] - 40, header)
        if footer:
            canvas.drawString(72, 30, footer.format(page=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, title="Corpus document", author="Northbridge corpus generator", invariant=1
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def render_text(blocks: list[Block], *, markdown: bool) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        text = block[1] if len(block) > 1 else ""
        if kind == "title":
            out += [f"# {text}" if markdown else text.upper(), ""]
        elif kind in {"h1", "h2", "h3"}:
            level = int(kind[1]) + (1 if markdown else 0)
            out += [f"{'#' * level} {text}" if markdown else (text.upper() if kind == "h1" else text), ""]
        elif kind == "bold":
            out += [f"**{text}**" if markdown else text, ""]
        elif kind == "bullet":
            out += [f"- {text}"]
        elif kind == "table":
            rows = block[1]
            out += [
                "| " + " | ".join(str(c or "") for c in rows[0]) + " |",
                "| " + " | ".join("---" for _ in rows[0]) + " |",
            ]
            out += ["| " + " | ".join(str(c or "").replace("\n", "<br>") for c in row) + " |" for row in rows[1:]]
            out.append("")
        elif kind == "page":
            out.append("")
        else:
            out += [text, ""]
    return "\n".join(out) + "\n"


def render_xlsx(sheets: dict[str, list[list[Any]]], path: Path, merges: dict[str, list[str]] | None = None) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for ref in (merges or {}).get(name, []):
            ws.merge_cells(ref)
    wb.properties.creator = "Northbridge corpus generator"
    wb.properties.created = FIXED
    wb.save(path)


def render_csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")
