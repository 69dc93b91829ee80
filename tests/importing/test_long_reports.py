"""The rules whole overview reports need, each on a few lines of its own; the long corpus documents prove them
together (corpus_expected.py)."""

from __future__ import annotations

import pytest

from tests.importing.corpus_expected import CORPUS
from tracker.parsing.blocks import Para, text_blocks
from tracker.parsing.detect import parse_file
from tracker.parsing.documents import parse_text
from tracker.parsing.hyphens import Vocabulary, glued, join
from tracker.parsing.items import is_lead_in
from tracker.parsing.repeats import Listed, read_once
from tracker.parsing.result import ImportResult, ParsedAction, ParsedRecommendation


def read(text: str) -> ImportResult:
    result = ImportResult(file="report.txt", format="text")
    parse_text(text, result, markdown=False)
    return result


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("the recom-", "mendation of the panel", "the recommendation of the panel"),  # the word is used whole
        ("a multi-", "agency meeting", "a multi-agency meeting"),  # a prefix English hyphenates
        ("a repeat-", "address flag", "a repeat-address flag"),  # two words the document uses on their own
        ("non-", "UK nationals", "non-UK nationals"),
    ],
)
def test_a_word_broken_at_a_line_end_joins_as_the_document_spells_it(before: str, after: str, joined: str) -> None:
    vocabulary = Vocabulary(["A recommendation was made.", "Repeat calls came from one address."])
    assert join(before, after, vocabulary) == joined


def test_a_word_a_narrow_column_broke_without_a_hyphen_reads_whole() -> None:
    vocabulary = Vocabulary(["In September 2023 the panel met."], cells=["Nationa\nl", "Recommendation"])
    assert glued("Target Septem", "ber 2023", vocabulary) == "Target September 2023"
    assert glued("31/01/2", "023", vocabulary) == "31/01/2023"
    assert glued("Nationa", "l", Vocabulary(["National recommendations"], cells=["Nationa\nl"])) == "National"
    assert glued("Q2", "2023/24", vocabulary) is None  # two words, not one
    assert glued("the", "panel", vocabulary) is None


@pytest.mark.parametrize(
    ("text", "lead_in"),
    [
        ("The review panel makes the following recommendations.", True),
        ("The Board accepted all twelve recommendations. They are set out below.", True),
        ("The recommendations below are grouped by the agency that will lead them.", True),
        ("The Partnership should monitor the following recommendations.", False),
        ("The Partnership to report on progress against these recommendations within a year.", False),
    ],
)
def test_a_paragraph_that_introduces_the_list_is_not_in_it(text: str, lead_in: bool) -> None:
    assert is_lead_in(text) is lead_in


def rec(number: str, title: str, *, actions: int = 0, where: str = "") -> ParsedRecommendation:
    made = ParsedRecommendation(number=number, title=title, where=where or f"paragraph {number}")
    made.actions = [ParsedAction(description=f"Action {n}") for n in range(actions)]
    return made


def test_a_summary_is_set_aside_for_the_full_list_that_follows() -> None:
    summary = [Listed(rec("1", "Audit the self-neglect procedure."), None, "Summary of recommendations"),
               Listed(rec("2", "Train staff on executive capacity."), None, "Summary of recommendations")]  # fmt: skip
    full = [
        Listed(rec("1", "The Board should audit the use of the self-neglect procedure every year."), None, "Recs"),
        Listed(rec("2", "Adult Social Care should train staff to assess executive capacity."), None, "Recs"),
    ]
    kept = read_once([summary, full])
    assert [x.rec.title[:9] for x in kept] == ["The Board", "Adult Soc"]
    assert "more briefly under 'Summary of recommendations' (paragraph 1)" in kept[0].rec.notes[0]


def test_an_action_plan_gives_its_actions_to_the_recommendations_it_repeats() -> None:
    body = [Listed(rec("1", "Northshire Police should flag repeat calls from one address."), "Police", "Recs"),
            Listed(rec("2", "Housing should record the reason for damage to a property."), "Housing", "Recs")]  # fmt: skip
    plan = [Listed(rec("1", "Northshire Police should flag repeat calls from one address.", actions=2), None, "Plan"),
            Listed(rec("2", "", actions=1, where="table 2, row 4"), None, "Plan")]  # fmt: skip
    kept = read_once([body, plan])
    assert [len(x.rec.actions) for x in kept] == [2, 1]
    assert "action plan under 'Plan' (table 2, row 4)" in kept[1].rec.notes[0]


def test_lists_that_restart_are_not_repeats() -> None:
    police = [Listed(rec("1", "Northshire Police should flag repeat calls."), "Police", "Single agency")]
    national = [Listed(rec("1", "The Home Office should publish guidance on employers."), None, "National")]
    assert len(read_once([police, national])) == 2


def test_numbered_reasons_after_a_recommendation_are_part_of_it() -> None:
    result = read(
        "Recommendations\n\n15.1 Northshire Police should review how repeat calls are flagged.\n\n"
        "15.2 This is because officers did not know of the earlier calls.\n\n"
        "15.3 The Partnership should publish an information sharing protocol.\n"
    )
    assert [r.number for r in result.recommendations] == ["15.1", "15.3"]
    assert result.recommendations[0].text.startswith("15.2 This is because")


def test_a_sentence_wrapped_before_a_number_does_not_start_a_paragraph() -> None:
    line = "9.4 On 3 May a risk assessment was completed by the attending officer, and it was scored at"
    blocks = text_blocks(f"{line}\n12. It was graded as medium risk.\n9.5 The next day police visited again.\n",
                         markdown=False)  # fmt: skip
    assert [b.text[:4] for b in blocks if isinstance(b, Para)] == ["9.4 ", "9.5 "]


def test_text_copied_from_a_pdf_loses_its_page_furniture_and_keeps_paragraphs_whole() -> None:
    pages = [
        "DHR 'Ann' - Overview report\n\n4.1 The panel met six times and the agencies that took part in the review "
        "wrote reports about\ntheir own contact with the family over the years\n\nPage 1 of 2\n",
        "DHR 'Ann' - Overview report\n\nbefore her death.\n\n4.2 The family were invited to take part.\n\nPage 2 of 2\n",
    ]
    texts = [b.text for b in text_blocks("\f".join(pages), markdown=False) if isinstance(b, Para)]
    assert texts[0].endswith("over the years before her death.")
    assert not any("Overview report" in t or "Page" in t for t in texts)


def test_a_contents_entry_wrapped_over_two_lines_is_dropped() -> None:
    blocks = text_blocks("Contents\n12. Conclusions and recommendations for the\npartnership ....... 45\n\n"
                         "1. Introduction\n", markdown=False)  # fmt: skip
    assert [b.text for b in blocks if isinstance(b, Para)] == ["1. Introduction"]


def test_a_report_with_no_recommendations_says_so_plainly() -> None:
    paragraphs = "\n\n".join(f"{n // 10 + 1}.{n % 10 + 1} Agencies should have shared information sooner."
                             for n in range(40))  # fmt: skip
    result = read(f"Learning review\n\n{paragraphs}\n")
    assert [e.message for e in result.errors] == [
        "No recommendations were found. This reads as a whole review report, but it has no 'Recommendations' "
        "section, so none of its 40 numbered paragraphs were taken as recommendations: in a report they are "
        "findings and analysis. If the recommendations were published separately, in an executive summary or an "
        "action plan, upload that instead."
    ]


@pytest.mark.parametrize("name", ["dhr-long-overview-numbered.pdf", "dhr-long-overview-numbered.docx"])
def test_a_hundred_page_report_reads_whole(name: str) -> None:
    """How long it takes is measured by benchmarks/import_corpus.py, never asserted here."""
    result = parse_file(CORPUS / name, max_bytes=20 * 1024 * 1024)
    assert result.ok and len(result.recommendations) == 9


def test_recommendations_repeated_in_the_analysis_are_read_once_from_the_final_list() -> None:
    result = ImportResult(file="report.md", format="text")
    parse_text(
        "# DHR 'Ann' (DHR-2020-01)\n\n## 4. Analysis\n\n### Northshire Police\n\n4.1 Officers attended three times."
        "\n\n#### Recommendations\n\n1. Northshire Police should flag repeat calls from one address to supervisors."
        "\n\n## 9. Recommendations\n\n9.1 Northshire Police should flag repeat calls from one address to "
        "supervisors.\n\n9.2 The Partnership should publish an information sharing agreement.\n",
        result,
        markdown=True,
    )
    assert [r.number for r in result.recommendations] == ["9.1", "9.2"]
    assert "Also listed under 'Recommendations' (line 11)" in result.recommendations[0].notes[0]


def test_an_action_plan_numbered_as_the_recommendations_pairs_by_number_whatever_its_wording() -> None:
    body = [Listed(rec(str(n), f"Agency {n} should review its policy on topic {n}."), None, "Recs") for n in (1, 2)]
    plan = [Listed(rec(str(n), f"Policy work, item {n}", actions=1), None, "Plan") for n in (1, 2)]
    kept = read_once([body, plan])
    assert [(x.rec.title[:8], len(x.rec.actions)) for x in kept] == [("Agency 1", 1), ("Agency 2", 1)]


def test_two_agencies_recommendations_worded_alike_are_both_kept() -> None:
    police = [Listed(rec("1", "Northshire Police should review its training on coercive control for all staff."),
                     "Police", "Police recommendations")]  # fmt: skip
    housing = [Listed(rec("1", "Eastmere Housing should review its training on coercive control for all staff."),
                      "Housing", "Housing recommendations")]  # fmt: skip
    assert len(read_once([police, housing])) == 2


def test_ligatures_from_a_pdf_font_read_as_letters() -> None:
    from tracker.parsing.text import clean

    assert clean("The signiﬁcant ﬂaws were ofﬁcially noted") == "The significant flaws were officially noted"


def test_details_on_lines_of_their_own_are_read_as_details() -> None:
    result = read(
        "Recommendations\n\nRecommendation 1\nThe Board should review the escalation policy.\n"
        "Lead agency: Westdale Council Adult Social Care\nTimescale: March 2025\n"
    )
    assert result.recommendations[0].agencies == ["Westdale Council Adult Social Care"]
    assert result.recommendations[0].text == ""


def test_a_summary_numbered_r1_pairs_with_recommendation_1() -> None:
    result = read(
        "Summary of recommendations\n\nR1. Flag repeat calls.\n\nR2. Train GPs to ask about abuse.\n\n"
        "Analysis\n\n1.1 Things happened.\n\nRecommendations\n\n"
        "Recommendation 1: Northshire Police should flag repeat calls from one address to supervisors.\n\n"
        "Recommendation 2: The ICB should train GPs to ask about domestic abuse when patients are injured.\n"
    )
    assert [r.number for r in result.recommendations] == ["1", "2"]
