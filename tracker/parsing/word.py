"""Word documents (.docx) as blocks: paragraphs with their heading level, automatic numbers and bold
lead-in, and tables with the paragraphs of each cell."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tracker.parsing.blocks import LEADER, Block, Para, Table
from tracker.parsing.text import clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


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


def _val(element: Any, tag: str) -> str | None:
    child = element.find(f"{W}{tag}")
    return child.get(f"{W}val") if child is not None else None


class WordNumbering:
    """Works out the numbers Word shows for automatically numbered paragraphs.

    The number is not in the paragraph's text: the paragraph points (numId, ilvl) at a list
    definition in numbering.xml, and Word counts as it lays the document out. We count the same way:
    lists that share a definition continue each other's count unless one restarts it.
    """

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (abstract, ilvl) -> start, format, text
        self.abstract_of: dict[str, str] = {}
        self.restarts: dict[str, set[int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for definition in root.iter(f"{W}abstractNum"):
            aid = definition.get(f"{W}abstractNumId")
            for lvl in definition.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                start = int(_val(lvl, "start") or 1)
                self.levels[(aid, ilvl)] = (start, _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
        for num in root.iter(f"{W}num"):
            num_id, ref = num.get(f"{W}numId"), num.find(f"{W}abstractNumId")
            if ref is None or num_id is None:
                continue
            self.abstract_of[num_id] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                if (s := _val(override, "startOverride")) is not None:
                    ilvl = int(override.get(f"{W}ilvl", "0"))
                    self.restarts.setdefault(num_id, set()).add(ilvl)
                    aid = self.abstract_of[num_id]
                    start, fmt, text = self.levels.get((aid, ilvl), (1, "decimal", ""))
                    self.levels[(f"{aid}/{num_id}", ilvl)] = (int(s), fmt, text)

    def number(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """(number text such as "4a" or "21.10.1", is_bullet) for the next paragraph in that list."""
        aid = self.abstract_of.get(num_id, num_id)
        key = aid
        if num_id in self.restarts:
            key = f"{aid}/{num_id}"
            for level in range(9):
                if (key, level) not in self.levels and (aid, level) in self.levels:
                    self.levels[(key, level)] = self.levels[(aid, level)]
        start, fmt, text = self.levels.get((key, ilvl), (1, "decimal", ""))
        if fmt == "bullet":
            return None, True
        if fmt == "none":
            return None, False
        counts = self.counters.setdefault(key, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        shown = [
            _format(counts[level] or self.levels.get((key, level), (1, "decimal", ""))[0],
                    self.levels.get((key, level), (1, "decimal", ""))[1])
            for level in range(ilvl + 1)
        ]  # fmt: skip
        if text and re.search(r"%[1-9]", text) and len(set(re.findall(r"%([1-9])", text))) > 1:
            # "%1.%2.%3" shows the whole path: "21.10.1".
            label = re.sub(r"%([1-9])", lambda m: shown[int(m[1]) - 1] if int(m[1]) <= len(shown) else "", text)
            return label.strip(" .)(:"), False
        # A level that shows only itself ("a)") reads with its parents: "4" then "a" is "4a", "4" then "1" is "4.1";
        # under a parent level never used in the list it shows alone.
        if any(counts[level] == 0 for level in range(ilvl)):
            return shown[-1], False
        out = shown[0]
        for n, part in enumerate(shown[1:], start=1):
            fmt_here = self.levels.get((key, n), (1, "decimal", ""))[1]
            out += f".{part}" if fmt_here == "decimal" else part
        return out, False


_ON = {"1", "true", "on"}
# Where a paragraph's own runs sit: inside links, tracked insertions, smart tags, inline content controls and
# simple fields as well as directly in the paragraph (Word shows all of them as the paragraph's text).
_RUN_HOLDERS = {f"{W}{t}" for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml")}
_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def _on(element: Any) -> bool:
    return element is not None and element.get(f"{W}val", "true").lower() in _ON


def _run_text(run: Any) -> str:
    out: list[str] = []
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}br":
            out.append("\n" if child.get(f"{W}type", "textWrapping") == "textWrapping" else "")
        elif tag in _TEXT:
            out.append(_TEXT[tag] or "")
    return "".join(out)


def _runs(p: Any, direct_only: bool = False) -> list[Any]:
    runs: list[Any] = []
    for child in p:
        if child.tag == f"{W}r":
            runs.append(child)
        elif not direct_only and child.tag in _RUN_HOLDERS:
            runs.extend(_runs(child))
    return runs


class _Styles:
    """The document's styles, read once: each paragraph style's names (with those it is based on), its numbering,
    and which character styles are bold. python-docx looks each one up afresh, which on a 100-page report is most
    of the reading time."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        self.default_char_bold = False
        for style in root.iterfind(f"{W}style"):
            sid = style.get(f"{W}styleId")
            kind = style.get(f"{W}type")
            if sid is None:
                continue
            self.by_id[sid] = style
            if style.get(f"{W}default") in {"1", "true"}:
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "character":
                    self.default_char_bold = self._bold(sid)
        self._chains: dict[str | None, list[Any]] = {}

    def chain(self, sid: str | None) -> list[Any]:
        """The style and those it is based on, at most five deep."""
        if sid not in self._chains:
            chain: list[Any] = []
            current = sid if sid in self.by_id else self.default_para
            while current is not None and current in self.by_id and len(chain) < 5:
                style = self.by_id[current]
                chain.append(style)
                based = style.find(f"{W}basedOn")
                current = based.get(f"{W}val") if based is not None else None
            self._chains[sid] = chain
        return self._chains[sid]

    def names(self, sid: str | None) -> list[str]:
        names = []
        for style in self.chain(sid):
            name = style.find(f"{W}name")
            names.append(name.get(f"{W}val", "") if name is not None else "")
        return names

    def _bold(self, sid: str | None) -> bool:
        style = self.by_id.get(sid) if sid is not None else None
        rpr = style.find(f"{W}rPr") if style is not None else None
        return rpr is not None and _on(rpr.find(f"{W}b"))

    def run_bold(self, run: Any) -> bool:
        rpr = run.find(f"{W}rPr")
        if rpr is not None:
            b = rpr.find(f"{W}b")
            if b is not None:
                return _on(b)
            rstyle = rpr.find(f"{W}rStyle")
            if rstyle is not None:
                return self._bold(rstyle.get(f"{W}val"))
        return self.default_char_bold


def _style_id(p: Any) -> str | None:
    ppr = p.find(f"{W}pPr")
    pstyle = ppr.find(f"{W}pStyle") if ppr is not None else None
    return pstyle.get(f"{W}val") if pstyle is not None else None


def _num_pr(p: Any, styles: _Styles, sid: str | None) -> tuple[str, int] | None:
    """numId and level from the paragraph, else from its style (List Number styles carry numbering)."""
    candidates = [p.find(f"{W}pPr"), *(s.find(f"{W}pPr") for s in styles.chain(sid))]
    for ppr in candidates[:5]:
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


def _heading_level(p: Any, names: list[str]) -> int | None:
    for name in names:
        if name == "Title":
            return 0
        if m := re.match(r"(?:Heading|heading)\s*(\d)", name):
            return int(m[1])
    ppr = p.find(f"{W}pPr")
    if ppr is not None and (outline := _val(ppr, "outlineLvl")) is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    return None


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = WordNumbering(document)
        self.styles = _Styles(document)
        self.count = 0
        self.tables = 0

    def para(self, p: Any, where: str | None = None) -> Para | None:
        self.count += 1
        sid = _style_id(p)
        names = self.styles.names(sid)
        if any(n.lower().startswith("toc") for n in names):
            return None  # the contents page
        runs = _runs(p)
        raw = "".join(_run_text(r) for r in runs)
        text = clean(raw)
        if not text or LEADER.search(raw):
            return None
        para = Para(text, where or f"paragraph {self.count}", _heading_level(p, names))
        num = _num_pr(p, self.styles, sid)
        if num is not None:
            number, para.bullet = self.numbering.number(*num)
            para.list_level = num[1]
            if para.level is None or number:
                para.number = number
        bold: list[str] = []
        for run in _runs(p, direct_only=True):
            run_text = _run_text(run)
            if not run_text.strip() and bold:
                bold.append(run_text)
                continue
            if not self.styles.run_bold(run):
                break
            bold.append(run_text)
        para.bold = clean("".join(bold))
        if not para.bold and any("strong" in n.lower() for n in names):
            para.bold = text
        return para

    def table(self, table: Any) -> Table:
        self.tables += 1
        label = f"table {self.tables}"
        rows: list[list[str]] = []
        cells: list[list[list[Para]]] = []
        for r, row in enumerate(table.rows, start=1):
            texts: list[str] = []
            row_paras: list[list[Para]] = []
            for cell in row.cells:
                found = (self.para(x, f"{label}, row {r}") for x in cell._tc.iterchildren(f"{W}p"))
                paras = [p for p in found if p is not None]
                for p in paras:
                    p.in_table = True
                row_paras.append(paras)
                texts.append("\n".join(f"{p.number}. {p.text}" if p.number else p.text for p in paras))
            rows.append(texts)
            cells.append(row_paras)
        return Table(rows, label, cell_paras=cells)


def docx_blocks(path: Path) -> list[Block]:
    import docx  # python-docx
    from docx.table import Table as DocxTable

    document = docx.Document(str(path))
    reader = _Reader(document)
    out: list[Block] = []
    # Walk the body in order so tables keep their place among the paragraphs.
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            if (para := reader.para(child)) is not None:
                out.append(para)
        elif child.tag == f"{W}tbl":
            out.append(reader.table(DocxTable(child, document)))
        elif child.tag == f"{W}sdt":
            # Content controls wrap the contents page and sometimes whole sections; read what they hold.
            for inner in child.iter(f"{W}p"):
                if (para := reader.para(inner)) is not None:
                    out.append(para)
    return out
