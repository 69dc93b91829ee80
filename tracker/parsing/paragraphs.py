"""Turning .docx, .pdf, .txt and .md files into one list of paragraphs the document parser reads.

Each paragraph knows where it came from, whether it is a heading (and at which level), the number
Word's automatic list numbering gives it, and its bold lead-in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tracker.parsing.text import clean, split_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Para:
    text: str
    where: str
    level: int | None = None  # heading level (0 = title); None for body text
    number: str | None = None  # from Word's automatic numbering, when the text itself has none
    bold: str = ""  # the bold run(s) at the start, for the lead sentence
    bullet: bool = False

    @property
    def is_heading(self) -> bool:
        return self.level is not None


# ----- Word -------------------------------------------------------------------------------------

_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


class WordNumbering:
    """Works out the numbers Word shows for automatically numbered paragraphs.

    The number is not in the paragraph's text: the paragraph points (numId, ilvl) at a list
    definition in numbering.xml, and Word counts as it lays the document out. We count the same way.
    """

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (numId, ilvl) -> start, format, text
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            definition = abstract.get(ref.get(f"{W}val")) if ref is not None else None
            if definition is None:
                continue
            overrides = {int(o.get(f"{W}ilvl")): o for o in num.iter(f"{W}lvlOverride")}
            for lvl in definition.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                start = int(_val(lvl, "start") or 1)
                if ilvl in overrides and (s := _val(overrides[ilvl], "startOverride")):
                    start = int(s)
                self.levels[(num_id, ilvl)] = (start, _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")

    def number(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """(number text such as "4a", is_bullet) for the next paragraph in that list."""
        start, fmt, _ = self.levels.get((num_id, ilvl), (1, "decimal", ""))
        if fmt == "bullet":
            return None, True
        if fmt == "none":
            return None, False
        counts = self.counters.setdefault(num_id, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        parts = []
        for level in range(ilvl + 1):
            s, f, _ = self.levels.get((num_id, level), (1, "decimal", ""))
            parts.append((counts[level] or s, f))
        # "4" then "a" reads as "4a", the way reports number sub-recommendations.
        text = "".join(_format(n, f) if i == 0 or f != "decimal" else f".{n}" for i, (n, f) in enumerate(parts))
        return text, False


def _val(element, tag: str) -> str | None:
    child = element.find(f"{W}{tag}")
    return child.get(f"{W}val") if child is not None else None


def _num_pr(paragraph) -> tuple[str, int] | None:
    """numId and level from the paragraph, else from its style (List Number styles carry numbering)."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None and len(candidates) < 5:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        if ppr is None:
            continue
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is None:
            continue
        num_id = _val(num_pr, "numId")
        if num_id is None or num_id == "0":
            return None
        return num_id, int(_val(num_pr, "ilvl") or 0)
    return None


def _heading_level(paragraph) -> int | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name == "Title":
        return 0
    if m := re.match(r"Heading (\d)", name):
        return int(m[1])
    ppr = paragraph._p.pPr
    if ppr is not None and (outline := _val(ppr, "outlineLvl")) is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    return None


def docx_paragraphs(path: Path) -> list[Para]:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    numbering = WordNumbering(document)
    out: list[Para] = []
    count = 0

    def add(paragraph) -> None:
        nonlocal count
        count += 1
        text = clean(paragraph.text)
        if not text:
            return
        para = Para(text, f"paragraph {count}", _heading_level(paragraph))
        if para.level is None and (num := _num_pr(paragraph)):
            para.number, para.bullet = numbering.number(*num)
        bold = []
        for run in paragraph.runs:
            if not run.text.strip() and bold:
                bold.append(run.text)
                continue
            if not run.bold:
                break
            bold.append(run.text)
        para.bold = clean("".join(bold))
        out.append(para)

    # Walk the body in order so paragraphs inside tables keep their place.
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            add(Paragraph(child, document))
        elif child.tag == f"{W}tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        add(paragraph)
    return out


# ----- PDF and plain text -----------------------------------------------------------------------

_PAGE_FURNITURE = re.compile(
    r"^\s*(page\s+\d+(\s+of\s+\d+)?|\d+\s*(of|/)\s*\d+|\d{1,3}|official(\s*[-–]\s*sensitive)?)\s*$", re.I
)
# Section names that are headings even when the line above did not end a sentence.
SECTION_NAME = re.compile(
    r"^(?:\d+[.)]?\s*)?(recommendations?|next steps|contacts?|contact details|further information|more information|"
    r"appendix|appendices|glossary|references|acknowledge?ments|useful (?:links|resources)|resources|"
    r"what happens next|how to (?:find out more|get in touch)|sign[- ]off|document control|action plan)\b",
    re.I,
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")


def _looks_like_heading(line: str) -> bool:
    s = clean(line)
    if not s or len(s) > 70 or split_number(s)[0] is not None or (s.endswith((".", ",", ";", ":")) and not s.isupper()):
        return False
    words = s.split()
    if s.isupper() and len(words) <= 8:
        return True
    # Title Case or a short known section name.
    return len(words) <= 6 and (
        all(
            w[0].isupper() or w.lower() in {"and", "of", "the", "for", "to", "in", "a"} for w in words if w[0].isalpha()
        )
    )


def lines_to_paragraphs(lines: list[tuple[str, str]], *, markdown: bool, blank_splits: bool) -> list[Para]:
    """Join wrapped lines into paragraphs. `lines` are (text, where) pairs.

    A new paragraph starts at a blank line (in text files), a numbered or bulleted line, or a line
    that looks like a heading; any other line continues the paragraph above it, which is how PDF
    text comes out (one line per printed line).
    """
    out: list[Para] = []
    joinable = False
    for i, (raw, where) in enumerate(lines):
        if not raw.strip():
            joinable = not blank_splits and joinable
            continue
        if _PAGE_FURNITURE.match(raw):
            continue
        if markdown and (m := _MD_HEADING.match(raw)):
            out.append(Para(clean(m[2]), where, len(m[1])))
            joinable = False
            continue
        nxt = lines[i + 1][0] if i + 1 < len(lines) else ""
        if _UNDERLINE.match(nxt) and clean(raw):
            out.append(Para(clean(raw), where, 1 if nxt.strip()[0] == "=" else 2))
            joinable = False
            continue
        if _UNDERLINE.match(raw):
            continue
        text = clean(raw)
        if not text:
            continue
        starts_item = split_number(text)[0] is not None or _is_bullet_line(raw)
        prev_done = not joinable or not out or out[-1].text.endswith((".", ":", "?", "!")) or out[-1].is_heading
        known = len(text) < 70 and SECTION_NAME.match(text) is not None
        if (known or (_looks_like_heading(raw) and prev_done)) and not starts_item:
            out.append(Para(text, where, _heading_level_guess(text)))
            joinable = False
            continue
        if joinable and out and not starts_item and not out[-1].is_heading:
            prev = out[-1]
            prev.text = (
                prev.text + text if prev.text.endswith("-") and not prev.text.endswith(" -") else f"{prev.text} {text}"
            )
            continue
        out.append(Para(text, where, bullet=_is_bullet_line(raw)))
        joinable = True
    return out


def _is_bullet_line(raw: str) -> bool:
    return bool(re.match(r"^\s*(?:[•▪◦·●○■□➢►]|[-*+]\s)", raw.replace("\u00a0", " ")))


def _heading_level_guess(text: str) -> int:
    # Without styles, capitals are usually the main sections and Title Case the ones inside them.
    return 1 if text.isupper() else 2


def text_paragraphs(text: str, *, markdown: bool) -> list[Para]:
    lines = [(line, f"line {n}") for n, line in enumerate(text.splitlines(), start=1)]
    return lines_to_paragraphs(lines, markdown=markdown, blank_splits=True)


def pdf_paragraphs(path: Path) -> list[Para]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    lines: list[tuple[str, str]] = []
    for p, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        lines.extend((line, f"page {p}, line {n}") for n, line in enumerate(text.splitlines(), start=1))
        lines.append(("", f"page {p}"))
    return lines_to_paragraphs(lines, markdown=False, blank_splits=False)
