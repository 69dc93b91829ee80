"""A workbook as LibreOffice prints it: rendered to PDF, then read back word by word with `pdftotext -bbox`.

Font sizes are measured against a reference: a word set in Arial 9 pt, printed at full size in the
same LibreOffice run, so "smaller than 9 pt" means smaller than that word, whatever the font's metrics.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

REFERENCE_TEXT = "Calibration"
# Neighbouring lines of one cell touch: their boxes overlap by a sliver (1.8 pt of 13 at 10 pt).
# Text that runs over a neighbour overlaps by much more.
OVERLAP_SHARE = 0.3
FOOTER_BAND = 48.0  # points from the bottom of the page, below the body's margin: the footer, which names the sheet


def available() -> bool:
    return bool(shutil.which("libreoffice") and shutil.which("pdftotext"))


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def overlaps(self, other: Word) -> bool:
        across = min(self.x1, other.x1) - max(self.x0, other.x0)
        down = min(self.y1, other.y1) - max(self.y0, other.y0)
        return across > 0.5 and down > OVERLAP_SHARE * min(self.height, other.height)


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)

    @property
    def sheet(self) -> str:
        """The sheet's name, from the left of the footer (where every sheet prints it)."""
        footer = [w for w in self.words if w.y0 > self.height - FOOTER_BAND and w.x0 < self.width / 3]
        return " ".join(w.text for w in sorted(footer, key=lambda w: w.x0))

    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def phrases(self) -> list[str]:
        """Words that sit side by side on one line, joined: "Partner 3", however the PDF ordered them."""
        found: list[list[Word]] = []
        for word in sorted(self.words, key=lambda w: (round(w.y0), w.x0)):
            last = found[-1][-1] if found else None
            if last is not None and abs(last.y0 - word.y0) < 1 and 0 <= word.x0 - last.x1 < 6:
                found[-1].append(word)
            else:
                found.append([word])
        return [" ".join(w.text for w in phrase) for phrase in found]

    def overlapping(self) -> list[tuple[Word, Word]]:
        found = []
        ordered = sorted(self.words, key=lambda w: w.y0)
        for i, word in enumerate(ordered):
            for other in ordered[i + 1 :]:
                if other.y0 > word.y1:
                    break
                if word.overlaps(other):
                    found.append((word, other))
        return found


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def read_pdf(pdf: Path) -> list[Page]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for number, (width, height, body) in enumerate(_PAGE.findall(html), 1):
        page = Page(number, float(width), float(height))
        for x0, y0, x1, y1, text in _WORD.findall(body):
            page.words.append(Word(unescape(text), float(x0), float(y0), float(x1), float(y1)))
        pages.append(page)
    return pages


def render(workbooks: list[Path], folder: Path) -> dict[Path, list[Page]]:
    """Print each workbook to PDF with LibreOffice (its own profile, so runs side by side do not collide)."""
    profile = folder / f"lo-profile-{uuid.uuid4().hex}"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *[str(p) for p in workbooks],
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return {p: read_pdf(folder / f"{p.stem}.pdf") for p in workbooks}


def reference_workbook(folder: Path) -> Path:
    """One word in Arial 9 pt, printed at full size: the measure of 9 pt."""
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = REFERENCE_TEXT
    ws["A1"].font = Font(name="Arial", size=9)
    ws.column_dimensions["A"].width = 30
    path = folder / "reference-9pt.xlsx"
    book.save(path)
    return path


def nine_point_height(pages: list[Page]) -> float:
    [word] = [w for page in pages for w in page.words if w.text == REFERENCE_TEXT]
    return word.height
