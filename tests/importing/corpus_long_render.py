"""Render the long corpus reports as Word, PDF and text, the way published overview reports come out.

Blocks, besides those of corpus_render.py: ("nh1", text, number) a heading numbered by Word's multi-level list;
("np", text, number, depth) a paragraph numbered by it ("3.4" at depth 2); ("li", text, number, list) an item of
a list that restarts at 1 (one Word list per `list`); ("cp", text, number) a paragraph of a report numbered 1, 2,
3... from start to end; ("toc", label, level) a contents line whose page number is worked out; ("note", text) a
footnote to the paragraph above; ("fill", lines) room for only that many lines of the next paragraph, so that it
runs on to the next page (PDF only; the space goes above the heading before it); ("table", rows[, widths]) where
"^" in a cell merges it with the cell above and a row of one cell spans the table. Word gets real automatic
numbering; PDF and text print the numbers. PDFs break long words where corpus_prose.BREAKS says, as a
typesetter's hyphenation would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.importing.corpus_prose import soft_hyphens
from tests.importing.corpus_render import FIXED

Block = tuple[Any, ...]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OUTLINE = """<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>"""
SIMPLE = """<w:abstractNum {ns} w:abstractNumId="91"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>"""
CONTINUOUS = """<w:abstractNum {ns} w:abstractNumId="92"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""


def printed(blocks: list[Block]) -> list[Block]:
    """The blocks with their numbers written into the text, as a PDF or a plain-text copy shows them."""
    out: list[Block] = []
    for block in blocks:
        kind = block[0]
        if kind == "nh1":
            out.append(("h1", f"{block[2]} {block[1]}"))
        elif kind == "np":
            out.append(("p", f"{block[2]} {block[1]}"))
        elif kind in {"li", "cp"}:
            out.append(("p", f"{block[2]}. {block[1]}"))
        else:
            out.append(block)
    return out


def _estimated_pages(blocks: list[Block]) -> dict[str, int]:
    pages: dict[str, int] = {}
    words = 0
    for block in printed(blocks):
        if block[0] == "page":
            words += 450 - words % 450
        elif block[0] in {"h1", "h2"}:
            pages.setdefault(block[1], words // 450 + 1)
        elif len(block) > 1 and isinstance(block[1], str):
            words += len(block[1].split())
        elif block[0] == "table":
            words += sum(len(str(c or "").split()) for row in block[1] for c in row)
    return pages


def render_long_docx(blocks: list[Block], path: Path, *, header: str, auto: str = "all") -> None:
    """Word: Heading styles, a contents control, and Word's own numbering: for everything ("all"), for the lists
    that restart at 1 only ("lists", the rest typed into the text), or for nothing ("none")."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    source = {"all": blocks, "none": printed(blocks)}.get(auto) or [
        block if block[0] == "li" else printed([block])[0] for block in blocks
    ]
    pages = _estimated_pages(blocks)
    document = Document()
    document.core_properties.created = FIXED
    document.core_properties.author = "Northbridge corpus generator"
    document.sections[0].header.paragraphs[0].text = header
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W}}}num")
    for xml in (OUTLINE, SIMPLE, CONTINUOUS):
        element = parse_xml(xml.format(ns=nsdecls("w")))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="60"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="61"><w:abstractNumId w:val="92"/></w:num>'))
    lists: dict[str, str] = {}
    outlined = any(b[0] == "nh1" for b in source)
    if outlined:
        document.styles["Heading 1"].element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="60"/></w:numPr>')
        )
    for level in (1, 2):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        style.paragraph_format.left_indent = Cm(0.5 * (level - 1))

    def numbered(paragraph: Any, level: int, num_id: str) -> None:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )

    def list_id(key: str) -> str:
        if key not in lists:
            num_id = str(70 + len(lists))
            lists[key] = num_id
            numbering.append(
                parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="91"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                )
            )
        return lists[key]

    contents: Any = None
    for block in source:
        kind = block[0]
        if kind == "toc":
            if contents is None:
                body = document.element.body
                contents = parse_xml(
                    f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                    "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>"
                )
                body.append(contents)
                heading = document.add_paragraph("Contents", style="TOC Heading")
                contents[1].append(heading._p)
            label = block[1]
            number, _, name = label.partition(" ") if label[:1].isdigit() else ("", "", label)
            line = f"{number}\t{name}" if number else name
            paragraph = document.add_paragraph(f"{line}\t{pages.get(label, 1) + 2}", style=f"toc {block[2]}")
            contents[1].append(paragraph._p)
            continue
        if kind == "title":
            document.add_heading(block[1], level=0)
        elif kind == "nh1":
            document.add_heading(block[1], level=1)
        elif kind in {"h1", "h2", "h3"}:
            paragraph = document.add_heading(block[1], level=int(kind[1]))
            if kind == "h1" and outlined:  # an appendix in a numbered report: Word switches its number off
                numbered(paragraph, 0, "0")
        elif kind == "np":
            numbered(document.add_paragraph(block[1], style="List Paragraph"), block[3] - 1, "60")
        elif kind == "cp":  # a report numbered 1, 2, 3... from start to end, under unnumbered headings
            numbered(document.add_paragraph(block[1], style="List Paragraph"), 0, "61")
        elif kind == "li":
            level = block[4] if len(block) > 4 else 0
            numbered(document.add_paragraph(block[1], style="List Paragraph"), level, list_id(block[3]))
        elif kind == "lead":
            paragraph = document.add_paragraph()
            paragraph.add_run(block[1]).bold = True
            paragraph.add_run(" " + block[2])
        elif kind == "bold":
            document.add_paragraph().add_run(block[1]).bold = True
        elif kind == "bullet":
            document.add_paragraph(block[1], style="List Bullet")
        elif kind == "table":
            _docx_table(document, block[1])
        elif kind == "page":
            document.add_page_break()
        elif kind in {"note", "fill"}:
            continue
        else:
            document.add_paragraph(block[1])
    document.core_properties.modified = FIXED
    document.core_properties.last_modified_by = "Northbridge corpus generator"
    document.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """The same bytes on every regeneration: Word files are zip archives, which stamp each part with the time."""
    import io
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            target.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())


def _docx_table(document: Any, rows: list[list[Any]]) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for r, row in enumerate(rows):
        if len(row) == 1:  # a row that spans the table: an agency's or a section's name
            cell = table.cell(r, 0).merge(table.cell(r, len(rows[0]) - 1))
            cell.text = str(row[0])
            continue
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            if value == "^":
                cell.merge(table.cell(r - 1, c))
                continue
            lines = str(value or "").split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def render_long_pdf(blocks: list[Block], path: Path, *, header: str, footer: str = "Page {page} of {pages}",
                    chapter_in_header: bool = False) -> int:  # fmt: skip
    """A PDF as Word would print it; returns the number of pages. With `chapter_in_header` the running header also
    names the chapter the page is in, as some reports' headers do."""
    pages: dict[str, int] = {}
    total = _build_pdf(blocks, path, header, footer, pages, 0, chapter_in_header)
    return _build_pdf(blocks, path, header, footer, pages, total, chapter_in_header)


def _build_pdf(blocks: list[Block], path: Path, header: str, footer: str, pages: dict[str, int], total: int,
               chapter_in_header: bool) -> int:  # fmt: skip
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer
    from reportlab.platypus.flowables import Flowable

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=10.5, leading=14, embeddedHyphenation=1,
                          hyphenationMinWordLength=6, spaceAfter=5)  # fmt: skip
    numbered_style = ParagraphStyle("numbered", parent=body, leftIndent=34, firstLineIndent=-34)
    cell_style = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    width = A4[0] - 144
    headings = {
        "h1": ParagraphStyle("h1", parent=styles["Heading1"], fontSize=15, leading=19),
        "h2": ParagraphStyle("h2", parent=styles["Heading2"], fontSize=12.5, leading=16),
        "h3": ParagraphStyle("h3", parent=styles["Heading3"], fontSize=11, leading=14),
    }
    notes: list[str] = []
    on_page: list[str] = []

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")

    class Note(Flowable):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            on_page.append(self.text)

    class Fill(Flowable):  # type: ignore[misc]
        """Blank space before a heading, just enough that only `lines` lines of the paragraph it precedes fit."""

        def __init__(self, lines: int, ahead: list[Any]) -> None:
            super().__init__()
            self.lines, self.ahead = lines, ahead

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            used = sum(f.wrap(aw, ah)[1] + max(f.getSpaceBefore(), f.getSpaceAfter()) for f in self.ahead)
            return aw, max(0.0, ah - used - self.lines * body.leading - 10)

        def draw(self) -> None:
            return None

    chapter = [""]

    class Heading(Paragraph):  # type: ignore[misc]
        def draw(self) -> None:
            pages.setdefault(self.key, self.canv.getPageNumber())
            if self.style.name == "h1":
                chapter[0] = self.key
            super().draw()

    story: list[Any] = []
    for block in printed(blocks):
        kind = block[0]
        if kind == "title":
            story.append(Paragraph(esc(block[1]), styles["Title"]))
        elif kind in {"h1", "h2", "h3"}:
            heading = Heading(esc(block[1]), headings[kind])
            heading.key = block[1]
            story.append(heading)
        elif kind == "toc":
            if not story or getattr(story[-1], "toc", False) is False:
                story.append(Paragraph("Contents", headings["h1"]))
            label, page = block[1], str(pages.get(block[1], 0) or "")
            indent = "&nbsp;" * 4 * (block[2] - 1)
            room = width - stringWidth(label + page, "Helvetica", 10.5) - 12 * (block[2] - 1) - 8
            dots = " ." * max(3, int(room / stringWidth(" .", "Helvetica", 10.5)))
            line = Paragraph(f"{indent}{esc(label)}{dots} {page}", body)
            line.toc = True
            story.append(line)
        elif kind == "note":
            notes.append(block[1])
            last = story[-1]
            # The reference mark goes after the paragraph's first sentence, as authors place them.
            text = last.text
            at = text.find(". ") + 1 or len(text)
            story[-1] = Paragraph(f"{text[:at]}<super>{len(notes)}</super>{text[at:]}", last.style)
            story.append(Note(f"{len(notes)} {block[1]}"))
        elif kind == "fill":
            # The space goes above the nearest heading, where a page often ends early, not inside a list.
            at = max(i for i, f in enumerate(story) if isinstance(f, Heading))
            story.insert(at, Fill(block[1], story[at:]))
        elif kind == "table":
            story += [_pdf_table(block[1], block[2] if len(block) > 2 else None, cell_style), Spacer(1, 8)]
        elif kind == "page":
            story.append(PageBreak())
        elif kind == "lead":
            story.append(Paragraph(f"<b>{esc(block[1])}</b> {esc(soft_hyphens(block[2]))}", body))
        elif kind == "bold":
            story.append(Paragraph(f"<b>{esc(block[1])}</b>", body))
        elif kind == "bullet":
            story.append(Paragraph(f"• {esc(soft_hyphens(block[1]))}", body))
        else:
            text = esc(soft_hyphens(block[1]))
            numbered = text[:1].isdigit() and " " in text
            story.append(Paragraph(text, numbered_style if numbered else body))

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if doc.page > 1:
            canvas.drawString(
                72, A4[1] - 40, f"{header} | {chapter[0]}" if chapter_in_header and chapter[0] else header
            )
        canvas.drawCentredString(A4[0] / 2, 30, footer.format(page=doc.page, pages=total or "?"))
        canvas.restoreState()

    def footnotes(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        y = 58 + 10 * (len(on_page) - 1)
        if on_page:
            canvas.line(72, y + 11, 200, y + 11)
        for text in on_page:
            canvas.drawString(72, y, text)
            y -= 10
        on_page.clear()
        canvas.restoreState()

    frame = Frame(72, 90, width, A4[1] - 162, id="body")
    doc = BaseDocTemplate(str(path), pagesize=A4, title="Corpus document", author="Northbridge corpus generator",
                          invariant=1, pageCompression=1)  # fmt: skip
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=furniture, onPageEnd=footnotes)])
    doc.build(story)
    return int(doc.page)


def _pdf_table(source: list[list[Any]], widths: list[float] | None, style: Any) -> Any:
    """A ruled table whose header row repeats on each page; "^" merges a cell with the one above, and a row of one
    cell spans the table."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    columns = len(source[0])
    if columns >= 6:  # a wide action plan is set smaller, as authors do to fit it on a portrait page
        style = type(style)("plan", parent=style, fontSize=8, leading=10)
    commands: list[Any] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    rows = []
    for r, row in enumerate(source):
        if len(row) == 1:
            commands.append(("SPAN", (0, r), (-1, r)))
            row = [row[0]] + [""] * (columns - 1)
        cells = []
        for c, value in enumerate(row):
            text = "" if value == "^" else soft_hyphens(str(value or ""))
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            cells.append(Paragraph(f"<b>{text}</b>" if r == 0 or len(source[r]) == 1 else text, style))
            if value == "^" and (r + 1 == len(source) or source[r + 1][c : c + 1] != ["^"]):
                first = r
                while source[first][c] == "^":
                    first -= 1
                commands.append(("SPAN", (c, first), (c, r)))
        rows.append(cells)
    table = Table(rows, repeatRows=1, colWidths=widths)
    table.setStyle(TableStyle(commands))
    return table


def render_long_text(blocks: list[Block], *, header: str, width: int = 90, lines_per_page: int = 54) -> str:
    """Plain text as a PDF-to-text converter gives it: a header and "Page n of N" on every page, form feeds
    between pages, contents with dot leaders, numbered paragraphs with hanging indents and words broken at
    line ends."""
    layout = _text_layout(blocks, width, {})
    pages_of = {line[1]: n // lines_per_page + 1 for n, line in enumerate(layout) if line[1]}
    layout = _text_layout(blocks, width, pages_of)
    total = (len(layout) + lines_per_page - 1) // lines_per_page
    pages: list[str] = []
    for page in range(total):
        out = [f"{header:>{width}}", ""] if page else []
        out += [line for line, _ in layout[page * lines_per_page : (page + 1) * lines_per_page]]
        out += ["", f"{'Page ' + str(page + 1) + ' of ' + str(total):^{width}}"]
        pages.append("\n".join(line.rstrip() for line in out) + "\n")
    return "\f".join(pages)


def _text_layout(blocks: list[Block], width: int, pages: dict[str, int]) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    contents = False
    for block in printed(blocks):
        kind = block[0]
        if kind in {"note", "fill"}:
            continue
        if kind == "page":
            lines.append(("", ""))
            continue
        if kind == "toc":
            if not contents:
                lines += [("CONTENTS", ""), ("", "")]
                contents = True
            label, page = block[1], str(pages.get(block[1], ""))
            indent = "  " * (block[2] - 1)
            dots = "." * max(3, width - len(indent + label + page) - 2)
            lines.append((f"{indent}{label} {dots} {page}", ""))
            continue
        if kind == "table":
            for row in block[1]:
                lines += [(line, "") for line in _wrap(" | ".join(str(c or "") for c in row), width, "")]
            lines.append(("", ""))
            continue
        text = block[1] if kind != "lead" else f"{block[1]} {block[2]}"
        if kind == "title":
            lines += [(line.upper(), "") for line in _wrap(text, width, "")]
        elif kind in {"h1", "h2", "h3"}:
            shown = text.upper() if kind == "h1" else text
            lines.append((shown, block[1]))
        elif kind == "bullet":
            lines += [
                (("  •  " if n == 0 else "     ") + line, "") for n, line in enumerate(_wrap(text, width - 5, ""))
            ]
        else:
            number, _, rest = text.partition(" ")
            if number[:1].isdigit() and rest:
                pad = " " * max(8, len(number) + 2)
                wrapped = _wrap(rest, width - len(pad), "")
                lines += [((f"{number:<{len(pad)}}" if n == 0 else pad) + line, "") for n, line in enumerate(wrapped)]
            else:
                lines += [(line, "") for line in _wrap(text, width, "")]
        lines.append(("", ""))
    return lines


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Wrap as a typesetter would, breaking a long word at its hyphenation point when that fills the line."""
    words = soft_hyphens(text).split()
    lines: list[str] = []
    current = indent
    for word in words:
        plain = word.replace("\u00ad", "")
        candidate = f"{current} {plain}" if current.strip() else current + plain
        if len(candidate) <= width:
            current = candidate
            continue
        head, _, tail = word.partition("\u00ad")
        if tail and len(f"{current} {head}-") <= width and current.strip():
            lines.append(f"{current} {head}-")
            current = indent + tail.replace("\u00ad", "")
            continue
        lines.append(current)
        current = indent + plain
    if current.strip():
        lines.append(current)
    return lines or [""]


def render_turned_plan_pdf(intro: list[str], rows: list[list[str]], widths: list[float], path: Path) -> None:
    """Two pages: the recommendations on a portrait page, then the action plan on a landscape page stored upright
    and turned a quarter with /Rotate, as some PDF printers make landscape pages."""
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = A4[1] - 72
    for n, text in enumerate(intro):
        paragraph = Paragraph(text, styles["Title" if n == 0 else "BodyText"])
        _, height = paragraph.wrapOn(c, A4[0] - 144, y)
        paragraph.drawOn(c, 72, y - height)
        y -= height + 8
    c.showPage()
    c.saveState()
    c.translate(A4[0], 0)
    c.rotate(90)  # drawn sideways on the portrait page; /Rotate 90 turns it upright
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, A4[0] - 72, "Appendix A: Action plan")
    table = _pdf_table(rows, widths, styles["BodyText"])
    _, height = table.wrapOn(c, A4[1] - 144, A4[0] - 144)
    table.drawOn(c, 72, A4[0] - 90 - height)
    c.restoreState()
    c.showPage()
    c.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    writer.add_page(reader.pages[1]).rotate(90)
    writer.add_metadata({"/Producer": "Northbridge corpus generator"})
    with open(path, "wb") as out:
        writer.write(out)
