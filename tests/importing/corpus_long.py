"""Corpus: whole overview reports of 30 to 100 pages, shaped like published reviews and invented throughout.

`Report` numbers chapters and paragraphs the way Word's multi-level list does (1, 1.1, 1.1.1); the sections that
every overview report has (introduction, terms of reference, purposes, process, chronology, agency-by-agency
analysis, conclusions, lessons) come from `standard_body`, filled with prose from corpus_prose.py. Each report
then adds its own recommendations, which are the only recommendations in it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.importing.corpus_prose import Cast, Prose

Block = tuple[Any, ...]


class Report:
    """`continuous`: paragraphs numbered 1, 2, 3... through the whole report under unnumbered headings."""

    def __init__(self, prose: Prose, *, continuous: bool = False) -> None:
        self.prose = prose
        self.continuous = continuous
        self.count = 0
        self.blocks: list[Block] = []
        self.chapters = 0
        self.paragraphs = 0
        self.subs = 0
        self._toc_at: int | None = None

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def chapter(self, name: str) -> str:
        if self.continuous:
            self.add(("h1", name))
            return name
        self.chapters += 1
        self.paragraphs = 0
        self.add(("nh1", name, str(self.chapters)))
        return str(self.chapters)

    def para(self, text: str) -> str:
        if self.continuous:
            self.count += 1
            self.add(("cp", text, str(self.count)))
            return str(self.count)
        self.paragraphs += 1
        self.subs = 0
        number = f"{self.chapters}.{self.paragraphs}"
        self.add(("np", text, number, 2))
        return number

    def sub(self, text: str) -> str:
        if self.continuous:
            self.add(("bullet", text))
            return ""
        self.subs += 1
        number = f"{self.chapters}.{self.paragraphs}.{self.subs}"
        self.add(("np", text, number, 3))
        return number

    def prose_paras(self, count: int, agency: str | None = None) -> None:
        for _ in range(count):
            self.para(self.prose.paragraph(agency))

    def contents_here(self) -> None:
        self._toc_at = len(self.blocks)

    def finish(self, extra_toc: tuple[str, ...] = ()) -> list[Block]:
        """The blocks, with the contents page (every chapter, appendix and recommendations heading) in its place."""
        if self._toc_at is None:
            return self.blocks
        toc: list[Block] = []
        for block in self.blocks:
            if block[0] == "nh1":
                toc.append(("toc", f"{block[2]} {block[1]}", 1))
            elif block[0] == "h1" or (block[0] == "h2" and block[1] in extra_toc):
                toc.append(("toc", block[1], 1 if block[0] == "h1" else 2))
        return [*self.blocks[: self._toc_at], *toc, ("page",), *self.blocks[self._toc_at :]]


def cover(title: str, lines: list[str]) -> list[Block]:
    return [("title", title), *[("p", line) for line in lines], ("page",)]


def standard_body(r: Report, cast: Cast, *, partnership: str, kind: str, analysis: int, chronology: int,
                  traps: dict[str, list[str]] | None = None, notes: bool = True,
                  opening: list[str] | None = None) -> None:  # fmt: skip
    """The chapters every overview report has, up to and including its lessons; `traps` are sentences for the
    analysis (keyed by agency) that talk about recommendations without being any."""
    v, o, year = cast.victim, cast.other, cast.year
    r.chapter("Introduction")
    for text in opening or [
        f"This report examines the contact that agencies in {cast.place} had with {v} and {o} in the years "
        f"before {v}'s death in {year}. It was written for the {partnership}.",
        f"{v} was 44 when she died. She lived with {o} and her son {cast.child} in a rented house in "
        f"{cast.place}. {o} was later convicted of her murder.",
    ]:
        r.para(text)
    if opening is None:
        r.para(f"Pseudonyms are used throughout this report. {v}'s sister chose the name '{v}'.")
    if notes:
        r.add(("note", f"The family were offered a choice of names in {year + 1}; the panel used the one they chose."))
    r.prose_paras(4)
    r.chapter("Timescales and confidentiality")
    r.para(f"The {partnership} decided to hold the {kind} in the spring of {year + 1}. The panel first met that "
           "summer and the report was completed within the year.")  # fmt: skip
    r.para("Drafts of the report were shared only with panel members and were marked as confidential.")
    r.prose_paras(2)
    r.chapter("Terms of reference")
    r.para("The panel agreed the following questions for the review to answer:")
    for question in [
        f"What did each agency know about the relationship between {v} and {o}?",
        "Did agencies assess the risk to the household, and was that assessment shared?",
        f"Were there barriers that made it harder for {v} to seek help?",
        "How did agencies respond to the concerns raised by family, friends and neighbours?",
        "Were agencies' policies and training adequate, and were they followed?",
        "What good practice can be identified?",
        "To make recommendations that will improve how agencies work together in the future.",
    ]:
        r.sub(question)
    r.para(f"The review covers the three years from January {year - 3}.")
    r.chapter(f"The purposes of a {kind}")
    r.para("A review of this kind is not an inquiry into how a person died, nor into who was to blame. "
           "Its purposes are to:")  # fmt: skip
    for purpose in [
        "find out what can be learned about how local professionals and organisations work together;",
        "say clearly what that learning is, how it will be acted on and what is expected to change;",
        "use the learning to improve services, including changes to local policies and procedures;",
        "help people recognise abuse earlier and respond to it better.",
    ]:
        r.sub(purpose)
    r.chapter("Method and the review process")
    r.para("The panel met six times. It asked eleven agencies to search their records, and seven of them "
           "wrote reports about their own contact with the family.")  # fmt: skip
    r.para("A learning event brought together practitioners who had known the family. Their views are "
           "reflected throughout the analysis.")  # fmt: skip
    r.prose_paras(3)
    r.chapter("Involvement of family, friends and colleagues")
    r.para(f"The chair met {v}'s sister twice and spoke to two of {v}'s friends and a colleague from her work.")
    r.prose_paras(2)
    r.chapter("The review panel")
    r.para("The panel members were independent of any direct contact with the family.")
    r.add(("table", [["Name", "Organisation", "Role"],
                     ["R. Ashby", "Independent", "Chair and author"],
                     ["T. Okonjo", cast.agencies[0], "Detective Inspector"],
                     ["M. Ferris", cast.agencies[1], "Designated Nurse"],
                     ["L. Brandt", cast.agencies[2], "Service Manager"]]))  # fmt: skip
    r.chapter("Equality and diversity")
    r.prose_paras(3)
    r.chapter("Chronology")
    for entry in r.prose.chronology(chronology, date(year - 3, 1, 6)):
        r.para(entry)
    r.chapter("Analysis")
    r.para("The analysis takes each agency in turn, then looks at the themes that run across them.")
    traps = traps or {}
    per_agency = max(3, analysis // len(cast.agencies))
    for agency in cast.agencies:
        r.add(("h2", agency))
        sentences = traps.get(agency, [])
        for n in range(per_agency):
            text = r.prose.paragraph(agency)
            if n % max(1, per_agency // (len(sentences) + 1)) == 1 and sentences:
                text = f"{text} {sentences.pop(0)}"
            r.para(text)
            if notes and n == 2:
                r.add(("note", f"{agency}, domestic abuse policy, revised {year - 2}, section {n + 4}."))
    r.chapter("Conclusions")
    r.prose_paras(5)
    r.chapter("Lessons learned")
    for lesson in [
        "Agencies should look at a person's contacts together, not one at a time.",
        "Staff must ask about abuse when there are signs of it, even when the person does not raise it.",
        "A risk assessment should lead to a plan, and the plan should be shared.",
        f"Practitioners should use professional curiosity when a partner answers for {v}.",
    ]:
        r.para(lesson)
