"""Regenerate the fictional corpus in tests/importing/corpus/ (expectations: corpus_expected.py).

Run from the repository root:  python -m tests.importing.make_corpus [file names, to make only those]
Needs reportlab for the PDFs (a generator-only dependency; the committed PDFs need nothing at test time).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from tests.importing import corpus_briefings as b
from tests.importing import corpus_long_dhr as long_dhr
from tests.importing import corpus_long_more as long_more
from tests.importing import corpus_long_other as long_other
from tests.importing import corpus_long_sar as long_sar
from tests.importing import corpus_plans as p
from tests.importing import corpus_reports as r
from tests.importing.corpus_long_render import (
    printed,
    render_long_docx,
    render_long_pdf,
    render_long_text,
    render_turned_plan_pdf,
)
from tests.importing.corpus_render import render_csv, render_docx, render_pdf, render_text, render_xlsx

CORPUS = Path(__file__).resolve().parent / "corpus"
HEADER = "OFFICIAL-SENSITIVE | Westdale CSP | DHR Adult D overview report"
FOOTER = "Page {page}"


def _docx(blocks: Callable[[], list[tuple[object, ...]]]) -> Callable[[Path], None]:
    return lambda path: render_docx(blocks(), path)


def _pdf(blocks: Callable[[], list[tuple[object, ...]]], header: str = HEADER) -> Callable[[Path], None]:
    return lambda path: render_pdf(blocks(), path, header=header, footer=FOOTER)


def _text(blocks: Callable[[], list[tuple[object, ...]]], *, markdown: bool = False) -> Callable[[Path], None]:
    return lambda path: path.write_text(render_text(blocks(), markdown=markdown), encoding="utf-8")


def _xlsx(
    rows: Callable[[], list[list[object]]], sheet: str, merges: list[str] | None = None
) -> Callable[[Path], None]:
    return lambda path: render_xlsx({sheet: rows()}, path, {sheet: merges or []})


def _csv(rows: Callable[[], list[list[object]]]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(render_csv(rows()))


def _long_docx(
    blocks: Callable[[], list[tuple[object, ...]]], header: str, auto: str = "all"
) -> Callable[[Path], None]:
    return lambda path: render_long_docx(blocks(), path, header=header, auto=auto)


def _long_pdf(
    blocks: Callable[[], list[tuple[object, ...]]], header: str, chapters: bool = False
) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        render_long_pdf(blocks(), path, header=header, chapter_in_header=chapters)

    return make


def _long_text(blocks: Callable[[], list[tuple[object, ...]]], header: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(render_long_text(blocks(), header=header), encoding="utf-8")


def _long_plain(
    blocks: Callable[[], list[tuple[object, ...]]], *, markdown: bool, wrap: int = 0
) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        text = render_text(printed(blocks()), markdown=markdown)
        if wrap:  # markdown written by hand is usually wrapped; a blank line still ends each paragraph
            text = "\n".join(textwrap.fill(line, wrap) if len(line) > wrap else line for line in text.split("\n"))
        path.write_text(text, encoding="utf-8")

    return make


# Whole overview reports of 30 to 100 pages (corpus_long*.py).
LONG: dict[str, Callable[[Path], None]] = {
    "dhr-long-overview-numbered.docx": _long_docx(long_dhr.dhr_anna, "OFFICIAL-SENSITIVE"),
    "dhr-long-overview-numbered.pdf": _long_pdf(long_dhr.dhr_anna, "OFFICIAL-SENSITIVE – DHR 'Anna' – Overview Report"),
    "dhr-long-agency-sections-action-plan.docx": _long_docx(long_dhr.dhr_kay, "OFFICIAL", auto="lists"),
    "dhr-long-agency-sections-action-plan.pdf": _long_pdf(long_dhr.dhr_kay, "OFFICIAL | Eastmere CSP | DHR 'Kay'"),
    "sar-long-summary-and-table.pdf": _long_pdf(long_sar.sar_mrs_t, "Westdale SAB | SAR 'Mrs T'", chapters=True),
    "cspr-long-summary-then-full.docx": _long_docx(long_sar.cspr_child_l, "OFFICIAL"),
    "cspr-long-summary-then-full.pdf": _long_pdf(long_sar.cspr_child_l, "OFFICIAL | CSPR 'Child L'"),
    "llr-long-analysis-mentions.docx": _long_docx(long_other.llr_grace, "OFFICIAL", auto="none"),
    "dhr-long-overview.txt": _long_text(long_other.dhr_ruth, "OFFICIAL   DHR 'Ruth' – Overview Report"),
    "llr-long-no-recommendations.docx": _long_docx(long_other.llr_maria, "OFFICIAL-SENSITIVE"),
    "sar-long-conclusions-and-recommendations.md": _long_plain(long_more.sar_mr_d, markdown=True, wrap=100),
    "llr-long-findings-and-recommendations.docx": _long_docx(long_more.llr_jacob, "OFFICIAL"),
    "sar-long-bulleted-recommendations.txt": _long_plain(long_more.sar_mrs_k, markdown=False),
}

MAKERS: dict[str, Callable[[Path], None]] = {
    "dhr-overview-report.docx": _docx(r.dhr_overview_docx),
    "dhr-overview-report-restarting.txt": _text(r.dhr_overview_restarting),
    "dhr-overview-report-restarting.pdf": _pdf(r.dhr_overview_restarting, "OFFICIAL | Safer Eastmere Partnership"),
    "dhr-deep-numbering.pdf": _pdf(r.dhr_overview_pdf),
    "dhr-deep-numbering.docx": _docx(r.dhr_overview_pdf),
    "sar-overview-process-section.txt": _text(r.sar_overview_text),
    "cspr-executive-summary-table.md": _text(r.cspr_markdown, markdown=True),
    "dhr-executive-summary-addressed-to.docx": _docx(r.exec_summary_table),
    "dhr-single-agency-table.docx": _docx(r.single_agency_table),
    "dhr-recommendation-table.pdf": _pdf(r.pdf_recommendation_table, "OFFICIAL"),
    "llr-whole-report-no-recommendations.pdf": _pdf(r.whole_report_no_recs, "Northbridge SCP | Learning review"),
    "sar-action-plan.txt": _text(p.action_plan_text),
    "sar-action-plan-paragraphs.docx": _docx(p.action_plan_word_paragraphs),
    "sar-action-plan-table.docx": _docx(p.action_plan_word_table),
    "sar-action-plan-table.md": _text(p.action_plan_word_table, markdown=True),
    "dhr-action-plan-table.pdf": _pdf(p.pdf_action_plan, "Safer Eastmere Partnership"),
    "llr-recommendation-headings.docx": _docx(p.recommendation_headings),
    "sar-numbered-theme-headings.docx": _docx(p.numbered_theme_headings),
    "dhr-recommendation-own-line.txt": _text(p.recommendation_own_line),
    "thematic-recommendations-matrix.docx": _docx(p.matrix_table),
    "sab-strategic-plan-priorities.xlsx": _xlsx(p.sab_plan_rows, "Plan", ["A3:E3", "A6:E6"]),
    "dhr-plan-addressed-to-people.xlsx": _xlsx(p.addressed_to_rows, "Action plan"),
    "dhr-single-agency-plan.csv": _csv(p.single_agency_rows),
    "dhr-deep-references.xlsx": _xlsx(p.deep_ref_rows, "Plan"),
    "plan-lead-people.xlsx": _xlsx(p.lead_people_rows, "Plan"),
    "thematic-six-themes.pdf": _pdf(b.six_theme_brief, "Westdale SAB | Thematic review briefing"),
    "thematic-six-themes.docx": _docx(b.six_theme_brief),
    "thematic-six-themes-long-heading.txt": _text(b.six_theme_plain_text),
    "thematic-combined-layout.md": _text(b.combined_layout, markdown=True),
    "rapid-review-what-we-learned.docx": _docx(b.what_we_learned_docx),
    "sar-roman-numerals.docx": _docx(b.roman_list),
    "dhr-r-prefixed.txt": _text(b.r_prefixed),
    "cspr-lettered-numbers.txt": _text(b.lettered_numbers),
    "home-office-qa-letter.docx": _docx(b.qa_letter),
    "dhr-statutory-purposes.txt": _text(b.statutory_purposes),
    "newsletter-numbered-dates.md": _text(b.newsletter, markdown=True),
    "dhr-partnership-name.txt": _text(b.review_details_text),
    "cspr-multiple-sections.docx": _docx(b.multi_section),
    **LONG,
    "dhr-action-plan-turned-page.pdf": lambda path: render_turned_plan_pdf(
        long_more.TURNED_INTRO, long_more.TURNED_PLAN, [280, 170, 140, 70, 90], path
    ),
}


def main(names: list[str] | None = None) -> None:
    CORPUS.mkdir(exist_ok=True)
    for name, make in MAKERS.items():
        if not names or name in names:
            make(CORPUS / name)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
