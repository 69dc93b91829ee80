"""Plain text copied out of a PDF: pages with a running header, "Page 3 of 40" and form feeds between them.

The header and footer lines are dropped wherever they repeat at the edges of most pages, and a paragraph that
runs on to the next page is read as one, as it was printed.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from tracker.parsing.blocks import PAGE_FURNITURE, Line

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+)\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_ENDS_SENTENCE = (".", "!", "?", ":", ".”", ".'", '."')
_EDGE_LINES = 2


def _pages(raw_lines: list[str]) -> list[list[int]]:
    """Line indexes page by page: a form feed starts a page, and so does the line after "Page 3 of 40"."""
    pages: list[list[int]] = [[]]
    for i, raw in enumerate(raw_lines):
        if "\f" in raw and pages[-1]:
            pages.append([])
        pages[-1].append(i)
        if _PAGE_NUMBER.match(raw.replace("\f", "")) and "\f" not in "".join(raw_lines[i + 1 : i + 4]):
            pages.append([])
    return [p for p in pages if any(raw_lines[i].strip() for i in p)]


def _key(raw: str) -> str:
    return _DIGITS.sub("#", " ".join(raw.replace("\f", "").split()).lower())


def text_lines(text: str) -> list[Line]:
    """The file's lines, without page furniture; blank lines mark paragraphs, as in the file."""
    raw_lines = _LINE_BREAK.split(text)
    pages = _pages(raw_lines)
    furniture: set[int] = set()
    continues: set[int] = set()
    if len(pages) >= 2:
        edges: list[list[int]] = []
        for page in pages:
            filled = [i for i in page if raw_lines[i].strip()]
            edges.append(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])
        seen = Counter(k for edge in edges for k in {_key(raw_lines[i]) for i in edge})
        repeated = {k for k, n in seen.items() if n >= max(2, (len(pages) + 1) // 2)}
        for edge in edges:
            furniture.update(i for i in edge if _key(raw_lines[i]) in repeated or PAGE_FURNITURE.match(raw_lines[i]))
        widths = sorted(len(r.strip()) for r in raw_lines if r.strip())
        full = widths[int(len(widths) * 0.9)] if widths else 0
        for before, after in itertools.pairwise(pages):
            last = next((i for i in reversed(before) if raw_lines[i].strip() and i not in furniture), None)
            first = next((i for i in after if raw_lines[i].strip() and i not in furniture), None)
            if last is None or first is None:
                continue
            ended = raw_lines[last].rstrip().endswith(_ENDS_SENTENCE) and len(raw_lines[last].strip()) < full * 0.85
            if not ended:
                continues.add(first)  # the paragraph runs on to the next page
    widths = sorted(len(r.rstrip()) for r in raw_lines if r.strip())
    wrap_at = widths[int(len(widths) * 0.9)] * 0.8 if widths else 0
    lines: list[Line] = []
    gap = True
    for n, raw in enumerate(raw_lines, start=1):
        raw = raw.replace("\f", "")
        if n - 1 in furniture:
            continue
        if not raw.strip():
            gap = True
            lines.append(Line("", f"line {n}"))
            continue
        if n - 1 in continues:
            while lines and not lines[-1].text.strip():
                lines.pop()  # the blank lines around the page break are not a paragraph break
            gap = False
        lines.append(Line(raw, f"line {n}", gap=gap, full=len(raw.rstrip()) >= wrap_at))
        gap = False
    return lines
