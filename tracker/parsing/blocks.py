"""Documents as one list of blocks: paragraphs and tables, each knowing where it came from.

Word, PDF, text and markdown readers all produce these, so the rest of the importer reads any
document the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.parsing.fields import FIELD_LINE
from tracker.parsing.hyphens import Vocabulary, ends_broken, join
from tracker.parsing.numbering import Number, next_in_sequence, read_number
from tracker.parsing.text import clean


@dataclass
class Para:
    text: str
    where: str
    level: int | None = None  # heading level (0 = title); None for body text
    number: str | None = None  # from Word's automatic numbering, when the text itself has none
    bold: str = ""  # the bold run(s) at the start, for the lead sentence
    bullet: bool = False
    page: int | None = None
    list_level: int = 0  # Word's list level (ilvl), for automatic numbering
    in_table: bool = False
    # The heading level was guessed from capitals or bold, not given by a style or the layout.
    guessed: bool = False

    @property
    def is_heading(self) -> bool:
        return self.level is not None


@dataclass
class Table:
    rows: list[list[str]]
    where: str  # "table 2", "page 4, table 1"
    page: int | None = None
    cell_paras: list[list[list[Para]]] = field(default_factory=list)
    # Where each row is, when a table printed over several pages was joined into one.
    row_where: list[str] = field(default_factory=list)
    # Where a PDF table sits on its last page (x0, top, x1, bottom), to see whether the next page carries it on.
    box: tuple[float, float, float, float] | None = None
    last_page: int | None = None

    def where_of(self, index: int) -> str:
        return self.row_where[index] if index < len(self.row_where) else f"{self.where}, row {index + 1}"


Block = Para | Table

# A contents line: "1.1 Brief facts ....... 1", "Recommendations……… 34", "Appendix A 41" after a Contents heading.
LEADER = re.compile(r"(?:\.\s*){4,}\s*\d{1,3}\s*$|…+\s*\d{1,3}\s*$|(?:\s_){3,}|_{4,}\s*\d{1,3}\s*$|\t\s*\d{1,3}\s*$")
CONTENTS = re.compile(r"^\s*(?:table\s+of\s+)?contents?\s*(?:page)?\s*$|^\s*index\s*$", re.I)
_ENDS_WITH_PAGE = re.compile(r"^.{3,90}?\s\d{1,3}\s*$")
PAGE_FURNITURE = re.compile(
    r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*(?:of|/)\s*\d+|-?\s*\d{1,3}\s*-?|official(?:\s*[-–]\s*sensitive)?"
    r"|(?:not\s+)?protectively\s+marked|confidential)\s*$",
    re.I,
)
SECTION_NAME = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]?\s*)?(recommendations?|next steps|contacts?|contact details|further information|"
    r"more information|appendix|appendices|annex|glossary|references|acknowledge?ments|useful (?:links|resources)|"
    r"resources|what happens next|how to (?:find out more|get in touch)|sign[- ]off|document control|action plan)\b",
    re.I,
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_BULLET_LINE = re.compile(r"^\s*(?:[•▪◦·●○■□➢►✓–—]|[-*+]\s)")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Labels of a thematic briefing's parts; the line before one is its theme's heading, however long.
LEARNING_LABEL = re.compile(
    r"^\s*(?:key\s+learning(?:\s+points?)?|learning(?:\s+points?)?|the\s+learning|what\s+(?:we|did\s+we|the\s+review)\s+"
    r"learn(?:ed|t)?|what\s+we\s+found|key\s+messages?)\s*(?::|[-–—]\s|$)",
    re.I,
)
PRACTICE_LABEL = re.compile(
    r"^\s*(?:improving\s+practice|practice\s+improvements?|what\s+(?:this|it|the\s+learning)\s+means\s+for\s+"
    r"(?:practice|practitioners|you|your\s+practice)|implications\s+for\s+practice|what\s+(?:you|practitioners|"
    r"professionals|we)\s+(?:can|should|need\s+to|will)\s+do(?:\s+differently)?|what\s+needs\s+to\s+(?:change|happen)|"
    r"practice\s+points?|key\s+messages\s+for\s+practice|learning\s+for\s+practice|improvements?\s+to\s+practice|"
    r"practice\s+(?:messages|guidance)|what\s+should\s+i\s+do(?:\s+differently)?)\s*(?::|[-–—]\s|$)",
    re.I,
)
COMBINED_LABEL = re.compile(
    r"^\s*(?:key\s+)?learning\s+and\s+(?:practice\s+improvements?|improving\s+practice|implications\s+for\s+practice|"
    r"improvements?|what\s+(?:this|it)\s+means\s+for\s+practice)\s*:?\s*$",
    re.I,
)
THEME_LINE = re.compile(r"^\s*theme\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*[:.\-–—]\s*\S", re.I)
_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "a", "an", "on", "with", "by", "at", "or", "from", "into"}


@dataclass
class Line:
    text: str
    where: str
    page: int | None = None
    gap: bool = False  # a blank line or a visible gap above it: a new paragraph starts here
    bold: bool = False
    level: int | None = None  # a heading level the layout already shows (font size, markdown)
    lead: str = ""  # the bold words a line starts with, when the rest of it is not bold
    full: bool = True  # the line runs to the right margin, so the text was wrapped, not ended, there


def is_bullet_line(raw: str) -> bool:
    return bool(_BULLET_LINE.match(raw.replace("\u00a0", " ")))


def looks_like_heading(text: str) -> bool:
    s = clean(text)
    if not s or len(s) > 90 or (s.endswith((".", ",", ";")) and not s.isupper()):
        return False
    if s.endswith(":"):
        return False
    number = read_number(s)
    if number is not None:
        if number.explicit:
            return not number.rest  # "Recommendation 3" on a line of its own
        s = number.rest
        if not s or s.endswith((".", ";", ",")):
            return False
    words = s.split()
    if not words:
        return False
    if s.isupper() and len(words) <= 10 and any(len(w) > 2 for w in words):
        return True
    capitalised = [w for w in words if w[0].isalpha()]
    return (
        len(words) <= 8
        and bool(capitalised)
        and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in capitalised)
        and (number is None or len(words) <= 6)
    )


def drop_contents(lines: list[Line | Table]) -> list[Line | Table]:
    """Lines without the contents page: dot leaders, and page-numbered lines under a Contents heading."""
    kept: list[Line | Table] = []
    in_contents = False
    for index, line in enumerate(lines):
        if isinstance(line, Table):
            in_contents = False
            kept.append(line)
            continue
        text = line.text.strip()
        if CONTENTS.match(text):
            in_contents = True
            continue
        if LEADER.search(line.text):
            continue
        if in_contents:
            if not text or _ENDS_WITH_PAGE.match(text) or _wrapped_entry(lines, index):
                continue
            in_contents = False
        kept.append(line)
    return kept


def _wrapped_entry(lines: list[Line | Table], index: int) -> bool:
    """A contents entry too long for one line: its first half, with the page number on the line below."""
    below = next((ln for ln in lines[index + 1 : index + 3] if isinstance(ln, Line) and ln.text.strip()), None)
    text = below.text.strip() if below is not None else ""
    return bool(text) and (LEADER.search(text) is not None or _ENDS_WITH_PAGE.match(text) is not None)


def lines_to_paragraphs(lines: list[Line | Table], *, markdown: bool) -> list[Block]:
    """Join wrapped lines into paragraphs, and pipe tables into tables.

    A new paragraph starts at a gap, a numbered or bulleted line, or a line that looks like a heading;
    any other line continues the paragraph above it, which is how PDF text comes out (one line per
    printed line).
    """
    out: list[Block] = []
    joinable = False
    i = 0
    tables = 0
    vocabulary = Vocabulary(line.text for line in lines if isinstance(line, Line))
    last_number: Number | None = None
    previous_full = False
    while i < len(lines):
        line = lines[i]
        if isinstance(line, Table):
            out.append(line)
            joinable = False
            i += 1
            continue
        raw = line.text
        if not raw.strip():
            joinable = False
            i += 1
            continue
        if PAGE_FURNITURE.match(raw):
            i += 1
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        nxt = following.text if isinstance(following, Line) else ""
        if _PIPE_ROW.match(raw) and _PIPE_RULE.match(nxt):
            tables += 1
            i = _pipe_table(lines, i, out, tables)
            joinable = False
            continue
        if markdown and (m := _MD_HEADING.match(raw)):
            out.append(Para(clean(m[2]), line.where, len(m[1]), page=line.page))
            joinable = False
            i += 1
            continue
        if _UNDERLINE.match(nxt) and clean(raw) and not _UNDERLINE.match(raw):
            out.append(Para(clean(raw), line.where, 1 if nxt.strip()[0] == "=" else 2, page=line.page))
            joinable = False
            i += 2
            continue
        i += 1
        if _UNDERLINE.match(raw):
            continue
        text = clean(raw)
        if not text:
            continue
        wrapped, previous_full = previous_full, line.full
        number = read_number(text)
        bullet = is_bullet_line(raw)
        starts_item = (number is not None and not (number.explicit and not number.rest)) or bullet
        prev = out[-1] if out else None
        prev_done = (
            not joinable
            or not isinstance(prev, Para)
            or prev.is_heading
            or prev.text.endswith((".", ":", "?", "!"))
            or line.gap
        )
        if starts_item and number is not None and not number.explicit and not prev_done and not bullet and wrapped:
            # "scored" then "12. It was graded..." on the next line: a sentence wrapped before a number, unless the
            # number carries on the paragraphs' own numbering.
            starts_item = bool(number.rest) and _continues(last_number, number)
        if starts_item and number is not None and not number.explicit:
            last_number = number
        if line.level is not None and not starts_item:
            if (
                isinstance(prev, Para)
                and prev.level == line.level
                and not line.gap
                and not prev.guessed
                and prev.page == line.page
            ):
                prev.text = prev.bold = f"{prev.text} {text}"
                continue
            out.append(Para(text, line.where, line.level, page=line.page, bold=text))
            joinable = False
            continue
        known = len(text) < 70 and SECTION_NAME.match(text) is not None and not text.endswith(".")
        known = known or (not starts_item and (_theme_heading(text, lines, i) or _recommendations_heading(text)))
        # A line wrapped from a sentence ("resources were stretched", "accepted the recommendations") is no heading.
        known = known and (prev_done or line.bold or text.isupper())
        if (known or (looks_like_heading(text) and prev_done and (line.bold or not joinable or line.gap))) and (
            not starts_item or _numbered_heading(text, line)
        ):
            out.append(Para(text, line.where, _level_guess(text), page=line.page, bold=text, guessed=True))
            joinable = False
            continue
        starts_part = bool(LEARNING_LABEL.match(text) or PRACTICE_LABEL.match(text) or COMBINED_LABEL.match(text)) or (
            text.endswith(":") and isinstance(prev, Para) and prev.text.endswith((".", "!", "?"))
        )
        starts_part = starts_part or bool(FIELD_LINE.match(text))
        if (
            joinable
            and isinstance(prev, Para)
            and not starts_item
            and not starts_part
            and not prev.is_heading
            and not line.gap
        ):
            all_bold = bool(prev.bold) and prev.bold == prev.text
            prev.text = join(prev.text, text, vocabulary) if ends_broken(prev.text) else f"{prev.text} {text}"
            if line.bold and prev.bold == prev.text[: len(prev.bold)]:
                prev.bold = f"{prev.bold} {text}".strip()
            elif line.lead and all_bold:
                # A bold lead sentence that ends part-way along this line.
                lead = clean(line.lead)
                prev.bold = join(prev.bold, lead, vocabulary) if ends_broken(prev.bold) else f"{prev.bold} {lead}"
            continue
        bold = text if line.bold else clean(line.lead)
        out.append(Para(text, line.where, bullet=bullet, page=line.page, bold=bold))
        joinable = True
    return out


def _continues(last: Number | None, number: Number) -> bool:
    """Whether a number can start the next item after the last numbered one: 9.49 after 9.48, 9.48.1, 10.1, 1."""
    if last is None or number.parts[-1] in {"1", "a", "i"} or number.child_of(last):
        return True
    return next_in_sequence(last, number)


def _recommendations_heading(text: str) -> bool:
    """ "Multi-agency recommendations", "Single agency recommendations": a heading even in lower case."""
    words = text.split()
    return (
        len(words) <= 6
        and not text.endswith((".", ":", ";", ","))
        and bool(re.search(r"\brecommendations\b|\baction plan\b|\w+\s+recommendation$", text, re.I))
    )


def _theme_heading(text: str, lines: list[Line | Table], after: int) -> bool:
    """A theme's heading: "Theme 3: ...", or any short line just above a "Key learning" label."""
    if len(text) > 200 or LEARNING_LABEL.match(text) or PRACTICE_LABEL.match(text):
        return False
    if THEME_LINE.match(text):
        return True
    following = next((ln for ln in lines[after : after + 3] if isinstance(ln, Line) and ln.text.strip()), None)
    return (
        following is not None
        and bool(LEARNING_LABEL.match(clean(following.text)) or COMBINED_LABEL.match(clean(following.text)))
        and not text.endswith((".", ";", ","))
    )


def _numbered_heading(text: str, line: Line) -> bool:
    """ "8. RECOMMENDATIONS", "3 Information sharing" or "Recommendation 3" alone: a heading, not an item."""
    number = read_number(text)
    if number is None:
        return False
    if number.explicit:
        return not number.rest
    rest = number.rest
    return bool(rest) and (rest.isupper() or line.bold or SECTION_NAME.match(rest) is not None) and len(rest) < 70


def _level_guess(text: str) -> int:
    number = read_number(text)
    if number is not None and not number.explicit and number.parts[0].isdigit():
        return number.depth
    # Without styles, capitals are usually the main sections and Title Case the ones inside them.
    return 1 if text.isupper() else 2


def _split_pipe_row(raw: str) -> list[str]:
    body = raw.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    parts = [re.split(r"<br\s*/?>", c.replace("\\|", "|")) for c in cells]
    return ["\n".join(clean(x) for x in cell if clean(x)) for cell in parts]


def _pipe_table(lines: list[Line | Table], start: int, out: list[Block], number: int) -> int:
    first = lines[start]
    assert isinstance(first, Line)
    rows = [_split_pipe_row(first.text)]
    i = start + 2
    while i < len(lines) and isinstance(row := lines[i], Line) and _PIPE_ROW.match(row.text):
        rows.append(_split_pipe_row(row.text))
        i += 1
    out.append(Table(rows, f"table {number}", page=first.page))
    return i


def text_blocks(text: str, *, markdown: bool) -> list[Block]:
    from tracker.parsing.textpages import text_lines

    lines: list[Line | Table] = list(text_lines(text))
    return lines_to_paragraphs(drop_contents(lines), markdown=markdown)
