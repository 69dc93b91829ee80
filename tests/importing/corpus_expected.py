"""What each corpus document must read as: the one source of truth for tests/importing/test_corpus.py and
benchmarks/import_corpus.py. Each check is named, so a failure says what was misread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.parsing.detect import parse_file
from tracker.parsing.result import ImportResult

CORPUS = Path(__file__).resolve().parent / "corpus"
NONE_FOUND = "No recommendations were found."
POLICE = "Northshire Police"
ICB = "Eastmere Integrated Care Board"
ANNA = ["13.2", "13.3", "13.4", "13.5", "13.6", "13.7", "13.8", "13.9.1", "13.9.2"]
ANNA_REVIEW = {
    "reference": "DHR-2022-07",
    "type": "DHR",
    "partnership": "Safer Northbridge Partnership",
    "title": "Domestic Homicide Review: Overview Report into the death of 'Anna'",
}
KAY_POLICE = ["Northshire Police 1", "Northshire Police 2"]
KAY_ICB_NAME = ICB
KAY_ICB = [f"{ICB} 1", f"{ICB} 2"]
HOUSING = "Eastmere Council Housing Service"

# Per file: numbers (in order), and any of: review fields, titles (number -> start), agencies, actions (counts),
# owners and leads (per action), scope, notes (a phrase), uncertain (bool), where, text (a phrase), learning,
# statuses and action_where (per action), error (a phrase of the one error), warning (a phrase of one warning),
# no_warnings.
EXPECTED: dict[str, dict[str, Any]] = {
    "dhr-overview-report.docx": {
        "numbers": ["1", "2", "3", "4", "5", "6"],
        "review": {
            "reference": "DHR-2022-04",
            "type": "DHR",
            "partnership": "Safer Eastmere Partnership",
            "title": "Domestic Homicide Review: Overview Report into the death of Mrs B",
        },
        "agencies": {"1": [POLICE], "3": [ICB], "5": []},
        "titles": {"1": "Northshire Police should audit", "6": "The Partnership should seek assurance"},
        "where": {"1": "paragraph 30"},
    },
    "dhr-overview-report-restarting.txt": {
        "numbers": [
            "Northshire Police 1",
            "Northshire Police 2",
            f"{ICB} 1",
            f"{ICB} 2",
            "Multi-agency 1",
            "Multi-agency 2",
        ],
        "agencies": {"Northshire Police 1": [POLICE], f"{ICB} 2": [ICB], "Multi-agency 1": []},
        "notes": {"Northshire Police 1": "numbering restarts"},
        "text": {f"{ICB} 2": ""},
        "review": {"reference": "DHR-2022-04", "partnership": "Safer Eastmere Partnership"},
    },
    "dhr-overview-report-restarting.pdf": {
        "numbers": [
            "Northshire Police 1",
            "Northshire Police 2",
            f"{ICB} 1",
            f"{ICB} 2",
            "Multi-agency 1",
            "Multi-agency 2",
        ],
        "text": {"Northshire Police 2": ""},
        "where": {"Northshire Police 1": "page 1, paragraph 1"},
        "review": {"title": "Domestic Homicide Review: Overview Report into the death of Mrs B"},
    },
    "dhr-deep-numbering.pdf": {
        "numbers": ["21.1", "21.2", "21.10.1", "21.10.2"],
        "titles": {"21.10.1": "The Partnership should ask the Home Office to: include older victims"},
        "notes": {"21.10.2": "Part of 21.10"},
        "scope": {"21.10.2": "national"},
        "where": {"21.10.1": "page 2, paragraph 21.10.1"},
        "review": {
            "partnership": "Westdale Community Safety Partnership",
            "type": "DHR",
            "title": "Domestic Homicide Review – Overview Report – 'Adult D'",
        },
    },
    "dhr-deep-numbering.docx": {
        "numbers": ["21.1", "21.2", "21.10.1", "21.10.2"],
        "notes": {"21.10.1": "Part of 21.10"},
    },
    "sar-overview-process-section.txt": {
        "numbers": ["5.1", "5.2", "5.3", "5.4"],
        "titles": {"5.4": "Housing should refer to Fire and Rescue"},
        "review": {"reference": "SAR-2023-02", "type": "SAR", "partnership": "Northbridge Safeguarding Adults Board"},
    },
    "cspr-executive-summary-table.md": {
        "numbers": ["1", "2", "3"],
        "agencies": {"1": ["Westdale NHS Trust"], "2": ["Westdale Children's Social Care"]},
        "titles": {"1": "Health visitors should see the child in the home at every contact."},
        "text": {"1": "Two visits took place at the clinic."},
        "where": {"2": "table 1, row 3"},
        "review": {"reference": "CSPR-2023-07", "type": "CSPR"},
    },
    "dhr-executive-summary-addressed-to.docx": {
        "numbers": ["1", "2", "3"],
        "agencies": {"1": [POLICE], "3": ["Her Majesty's Government"]},
        "titles": {"1": "Agencies should record the first language of victims and use interpreters."},
        "scope": {"3": "national", "1": "local"},
        "review": {
            "partnership": "Safe in the City Partnership",
            "title": "Domestic Homicide Review 'Joan' – Executive Summary",
        },
    },
    "dhr-single-agency-table.docx": {
        "numbers": [
            "Northshire Police 1",
            "Northshire Police 2",
            "Eastmere Housing Service 1",
            "Eastmere Housing Service 2",
            "1",
        ],
        "agencies": {"Eastmere Housing Service 1": ["Eastmere Housing Service"]},
        "notes": {"Northshire Police 2": "restarts for each agency"},
        "where": {"Eastmere Housing Service 1": "table 1, row 4"},
        "review": {
            "partnership": "Bassetlaw, Newark and Sherwood Community Safety Partnership",
            "reference": "DHR-2021-09",
        },
        "no_warnings": True,
    },
    "dhr-recommendation-table.pdf": {
        "numbers": ["1", "2", "3"],
        "agencies": {"2": ["Her Majesty's Government"], "3": ["Probation Service"]},
        "where": {"1": "page 1, table 1, row 2"},
        "review": {"title": "DHR 'Peter' – Executive Summary", "partnership": "Westdale Community Safety Partnership"},
    },
    "llr-whole-report-no-recommendations.pdf": {"numbers": [], "error": NONE_FOUND},
    "sar-action-plan.txt": {
        "numbers": ["1", "2"],
        "titles": {"1": "The Board should seek assurance that agencies:"},
        "text": {"1": "b) record why a case was closed."},
        "actions": {"1": 2, "2": 1},
        "leads": {"1": ["Northbridge Safeguarding Adults Board", None]},
        "owners": {"1": [None, "A. Okafor / B. Lewis"]},
        "action_notes": {"1": "taken as the owner"},
        "review": {"reference": "SAR-2022-06", "type": "SAR"},
    },
    "sar-action-plan-paragraphs.docx": {
        "numbers": ["1", "2"],
        "actions": {"1": 2, "2": 1},
        "text": {"1": "a) use the escalation policy"},
        "owners": {"1": [None, "A. Okafor / B. Lewis"]},
    },
    "sar-action-plan-table.docx": {
        "numbers": ["1", "2"],
        "actions": {"1": 2, "2": 1},
        "titles": {"1": "The Board should seek assurance that agencies:"},
        "owners": {"1": ["A. Okafor / B. Lewis", "A. Okafor / B. Lewis"]},
        "leads": {"1": [None, None], "2": ["Northbridge Council Adult Social Care"]},
        "progress": {"1": "Outcome: Staff use the policy"},
    },
    "sar-action-plan-table.md": {
        "numbers": ["1", "2"],
        "actions": {"1": 2, "2": 1},
        "agencies": {"1": []},
        "titles": {"1": "The Board should seek assurance that agencies:"},
    },
    "dhr-action-plan-table.pdf": {
        "numbers": ["1", "2"],
        "actions": {"1": 2, "2": 1},
        "leads": {"1": [ICB, ICB], "2": [POLICE]},
        "owners": {"1": ["Dr S. Malik", "Dr S. Malik"], "2": ["DI J. Patel"]},
        "agencies": {"1": []},
        "review": {"reference": "DHR-2023-01", "partnership": "Safer Eastmere Partnership"},
    },
    "llr-recommendation-headings.docx": {
        "numbers": ["1", "2", "3"],
        "titles": {"1": "Schools should record every disclosure", "2": "Children's Social Care should see the child"},
        "text": {"2": "Child K was seen with her mother present"},
        "review": {"reference": "LLR-2024-01", "type": "LLR"},
    },
    "sar-numbered-theme-headings.docx": {
        "numbers": ["1", "2", "3"],
        "titles": {"2": "Adult Social Care should assess executive capacity"},
        "notes": {"2": "Mental capacity"},
        "agencies": {"3": []},
    },
    "dhr-recommendation-own-line.txt": {
        "numbers": ["1", "2", "3"],
        "titles": {"2": "Northshire Police should record the sex of every victim."},
        "review": {"reference": "DHR-2020-05", "partnership": "Westdale Community Safety Partnership"},
    },
    "thematic-recommendations-matrix.docx": {
        "numbers": ["1", "2", "3"],
        "titles": {"2": "Health visitors should use the neglect toolkit"},
        "agencies": {"2": ["Eastmere NHS Trust"]},
        "no_warnings": True,
    },
    "sab-strategic-plan-priorities.xlsx": {
        "numbers": ["1", "2"],
        "titles": {"2": "Make safeguarding personal"},
        "actions": {"1": 2, "2": 1},
        "leads": {"1": ["Practice subgroup", "Quality subgroup"]},
        "owners": {"1": ["M. Rahman", "J. Cole"]},
        "notes": {"1": "spans the table"},
        "agencies": {"2": []},
    },
    "dhr-plan-addressed-to-people.xlsx": {
        "numbers": ["1", "2"],
        "agencies": {"1": [POLICE, "Eastmere ICB"], "2": ["Safer Eastmere Partnership"]},
        "leads": {"1": [None], "2": ["Safer Eastmere Partnership"]},
        "owners": {"1": ["A. Person / B. Person"]},
        "action_notes": {"1": "'A. Person / B. Person' taken as the owner: it names people, not an organisation."},
        "review": {"reference": "DHR-2022-11", "partnership": "Safer Eastmere Partnership"},
    },
    "dhr-single-agency-plan.csv": {
        "numbers": ["Northshire Police 1", "Northshire Police 2", "Westdale Probation Service 1"],
        "leads": {"Westdale Probation Service 1": ["Westdale Probation Service"]},
        "notes": {"Northshire Police 1": "restarts for each agency"},
    },
    "dhr-deep-references.xlsx": {"numbers": ["21.1", "21.10.1", "21.10.2"], "actions": {"21.10.1": 1}},
    "plan-lead-people.xlsx": {
        "numbers": ["1", "2"],
        "owners": {"1": ["Jane Holt", "Housing Options Manager"], "2": [None]},
        "leads": {"1": [None, None], "2": [POLICE]},
        "action_uncertain": {"1": True, "2": False},
    },
    "thematic-six-themes.pdf": {
        "numbers": ["1", "2", "3", "4", "5", "6"],
        "titles": {"2": "Working with adults who self-neglect when they refuse support from services over many years"},
        "learning": {"4": "Carers' own needs were not assessed."},
        "text": {"6": "Use the escalation policy"},
        "review": {"type": "THEMATIC", "title": "Thematic review of self-neglect", "reference": "TR-2024-02"},
    },
    "thematic-six-themes.docx": {
        "numbers": ["1", "2", "3", "4", "5", "6"],
        "learning": {"1": "Practitioners accepted"},
        "review": {"type": "THEMATIC"},
    },
    "thematic-six-themes-long-heading.txt": {
        "numbers": ["T1", "T2", "T3", "T4", "T5", "T6"],
        "titles": {"T2": "Working with adults who self-neglect when they refuse support from services over many years"},
        "learning": {"T3": "Capacity was assumed"},
        "text": {"T5": "Hand over in person"},
    },
    "thematic-combined-layout.md": {
        "numbers": ["T1", "T2", "T3"],
        "titles": {"T1": "Fire risk", "T2": "Working with families", "T3": "Recording"},
        "text": {"T2": "Talk to families and record their concerns."},
        "review": {"type": "THEMATIC"},
    },
    "rapid-review-what-we-learned.docx": {
        "numbers": ["T1", "T2"],
        "titles": {"T1": "Safe sleep", "T2": "Fathers"},
        "learning": {"T2": "Baby E's father was not seen"},
        "text": {"T1": "Give safe sleep advice"},
    },
    "sar-roman-numerals.docx": {"numbers": ["i", "ii", "iii"], "titles": {"iii": "Adult Social Care should use"}},
    "dhr-r-prefixed.txt": {"numbers": ["R1", "R2", "R3"]},
    "cspr-lettered-numbers.txt": {"numbers": ["4(a)", "4(b)", "5"], "titles": {"5": "The Partnership should audit"}},
    "home-office-qa-letter.docx": {"numbers": [], "error": "reads as a letter"},
    "dhr-statutory-purposes.txt": {"numbers": [], "error": NONE_FOUND},
    "newsletter-numbered-dates.md": {"numbers": [], "error": NONE_FOUND},
    "dhr-partnership-name.txt": {
        "numbers": ["1", "2"],
        "review": {
            "partnership": "Safe in the City Partnership",
            "reference": "DHR-2021-15",
            "title": "Domestic Homicide Review into the death of 'Rose'",
        },
    },
    "cspr-multiple-sections.docx": {
        "numbers": ["Partnership 1", "Partnership 2", "National 1", "National 2"],
        "scope": {"National 1": "national", "Partnership 1": None},
        "notes": {"National 2": "numbering restarts"},
    },
    # Whole overview reports of 30 to 100 pages (corpus_long*.py): numbered paragraphs throughout, a contents page,
    # terms of reference that mention recommendations, analysis that talks about them; only the recommendations
    # sections hold any.
    "dhr-long-overview-numbered.docx": {
        "numbers": ANNA,
        "review": ANNA_REVIEW,
        "titles": {
            "13.2": "Northshire Police should review how officers record the wishes of victims",
            "13.9.1": "The Safer Northbridge Partnership should write to the Home Office to ask that: the "
            "statutory guidance",
        },
        "text": {"13.5": "Anna was discharged twice without anyone asking who she lived with", "13.6": ""},
        "notes": {"13.9.2": "Part of 13.9"},
        "scope": {"13.9.2": "national", "13.2": None},
        "where": {"13.2": "paragraph 970", "13.9.1": "paragraph 978"},
        "uncertain": dict.fromkeys(ANNA, False),
        "no_warnings": True,
    },
    "dhr-long-overview-numbered.pdf": {
        "numbers": ANNA,
        "review": ANNA_REVIEW,
        "titles": {
            "13.5": "Eastmere NHS Trust should seek assurance that patients who attend the emergency "
            "department after an overdose are asked about their home circumstances before they are "
            "discharged."
        },
        # 13.5 runs from page 98 on to page 99, past the footer, the running header and a page number.
        "text": {
            "13.5": "The Trust told the panel that its discharge checklist has no question about home "
            "circumstances, and that the checklist is being revised.",
            "13.6": "",
        },
        "where": {"13.5": "page 98, paragraph 13.5", "13.6": "page 99, paragraph 13.6"},
        "scope": {"13.9.2": "national"},
        "uncertain": dict.fromkeys(ANNA, False),
        "no_warnings": True,
    },
    "dhr-long-agency-sections-action-plan.docx": {
        "numbers": [
            *KAY_POLICE,
            *KAY_ICB,
            f"{HOUSING} 1",
            "Multi-agency 1",
            "Multi-agency 2",
            "Multi-agency 3",
            "National 1",
            "National 2",
        ],
        "review": {
            "reference": "DHR-2021-12",
            "type": "DHR",
            "partnership": "Eastmere Community Safety Partnership",
            "title": "Domestic Homicide Review – Overview Report – 'Kay'",
        },
        # The appendix action plan repeats each recommendation with its actions: the actions join them.
        "actions": {
            "Northshire Police 1": 2,
            "Northshire Police 2": 1,
            f"{KAY_ICB[0]}": 2,
            f"{KAY_ICB[1]}": 1,
            f"{HOUSING} 1": 1,
            "Multi-agency 1": 2,
            "Multi-agency 2": 1,
            "Multi-agency 3": 2,
            "National 1": 1,
            "National 2": 1,
        },
        "leads": {
            KAY_ICB[0]: [KAY_ICB_NAME, None],
            "Multi-agency 2": ["Eastmere Children's Social Care"],
            f"{HOUSING} 1": [None],
        },
        "owners": {KAY_ICB[0]: [None, "Dr H. Varma"], f"{HOUSING} 1": ["Head of Housing Options"]},
        "agencies": {
            "Northshire Police 1": [POLICE],
            f"{HOUSING} 1": [HOUSING],
            "Multi-agency 1": [],
            "National 2": [],
        },
        "scope": {"National 1": "national", "Multi-agency 3": "local"},
        "notes": {
            "Northshire Police 1": "read from the action plan under 'Appendix B: Action plan' (table 2, row 3)",
            "National 2": "numbering restarts",
        },
        "where": {"Northshire Police 1": "paragraph 547"},
        "titles": {"National 1": "The Home Office should publish guidance on involving employers"},
    },
    "dhr-long-agency-sections-action-plan.pdf": {
        "numbers": [
            *KAY_POLICE,
            *KAY_ICB,
            f"{HOUSING} 1",
            "Multi-agency 1",
            "Multi-agency 2",
            "Multi-agency 3",
            "National 1",
            "National 2",
        ],
        # The action plan runs over three pages with merged cells; headings broken mid-word in narrow columns
        # ("Key milest ones achieved") still name their columns, so milestones count as progress.
        "actions": {"Northshire Police 1": 2, f"{KAY_ICB[0]}": 2, "Multi-agency 3": 2, "National 2": 1},
        "statuses": {
            "Northshire Police 1": ["in_progress", "not_started"],
            "Northshire Police 2": ["submitted"],
            KAY_ICB[0]: ["in_progress", "not_started"],
        },
        "owners": {KAY_ICB[0]: [None, "Dr H. Varma"], f"{HOUSING} 1": ["Head of Housing Options"]},
        "leads": {"Multi-agency 3": ["Eastmere Domestic Abuse Service", "Eastmere Community Safety Partnership"]},
        "scope": {"National 1": "national", "Northshire Police 2": "local"},
        "notes": {
            "Northshire Police 1": "action plan under 'Appendix B: Action plan' (page 54, table 2, row 3)",
            "Multi-agency 1": "(page 55, table 3, row 2)",
        },
        "action_where": {"Multi-agency 1": ["page 55, table 3, row 2", "page 55, table 3, row 3"]},
        "warning": "Target date 'Ongoing' is not a date",
    },
    "sar-long-summary-and-table.pdf": {
        "numbers": [str(n) for n in range(1, 13)],
        "review": {
            "reference": "SAR-2023-04",
            "type": "SAR",
            "partnership": "Westdale Safeguarding Adults Board",
            "title": "Safeguarding Adults Review: 'Mrs T'",
        },
        # The full wording from the table, which runs over two pages with its header row repeated; the brief list
        # in the executive summary is set aside.
        "titles": {
            "1": "The Board should seek assurance from partner agencies that the self-neglect procedure",
            "7": "Westdale Council Adult Social Care should offer carers' assessments to family members",
        },
        "text": {"1": "Practitioners told the review that they would welcome clearer expectations."},
        "agencies": {"1": ["Westdale Safeguarding Adults Board"], "4": ["Westdale Homes"], "10": [POLICE]},
        "scope": {"12": "national", "1": "local"},
        "where": {"1": "page 58, table 2, row 2", "6": "page 59, table 3, row 2"},
        "notes": {
            "1": "Also listed more briefly under 'Summary of recommendations' (page 3, paragraph 1)",
            "12": "that shorter version was set aside",
        },
        "uncertain": {"1": False, "12": False},
        "no_warnings": True,
    },
    "cspr-long-summary-then-full.docx": {
        "numbers": [str(n) for n in range(1, 9)],
        "review": {
            "reference": "CSPR-2023-11",
            "type": "CSPR",
            "title": "Local Child Safeguarding Practice Review: 'Child L'",
            "partnership": "Eastmere Safeguarding Children Partnership",
        },
        "titles": {
            "1": "The Eastmere Safeguarding Children Partnership should seek assurance that health visitors "
            "see children in the home at every contact when neglect is suspected.",
            "7": "The Eastmere Safeguarding Children Partnership should remind practitioners",
        },
        "text": {"1": "Two of the five health visiting contacts took place at the clinic"},
        "notes": {
            "1": "Also listed more briefly under 'Summary of recommendations' (paragraph 12)",
            "7": "shorter version was set aside",
        },
        "scope": {"8": "national", "1": None},
        "where": {"1": "paragraph 490"},
        "no_warnings": True,
    },
    "cspr-long-summary-then-full.pdf": {
        "numbers": [str(n) for n in range(1, 9)],
        "review": {"reference": "CSPR-2023-11", "type": "CSPR"},
        # The bold lead sentence ends part-way along a printed line; the title ends with it.
        "titles": {
            "2": "Eastmere Children's Social Care should ensure that fathers and other men in the household "
            "are identified and included in every assessment."
        },
        "text": {"2": "Mr S lived in the home for most of the period"},
        "notes": {"8": "Also listed more briefly under 'Summary of recommendations' (page 3, paragraph 8)"},
        "scope": {"8": "national"},
        "no_warnings": True,
    },
    "llr-long-analysis-mentions.docx": {
        "numbers": [str(n) for n in range(1, 7)],
        "review": {
            "reference": "LLR-2023-02",
            "type": "LLR",
            "partnership": "Westdale Safeguarding Adults Board",
            "title": "Local Learning Review: 'Grace'",
        },
        "titles": {"4": "Westdale Hospitals NHS Trust should include a safeguarding check in discharge planning"},
        "text": {"6": ""},
        "uncertain": dict.fromkeys([str(n) for n in range(1, 7)], False),
        "warning": "only the numbered recommendations were imported",
    },
    "dhr-long-overview.txt": {
        "numbers": ["13.2", "13.3", "13.4", "13.5", "13.6", "13.7", "13.8"],
        "review": {"reference": "DHR-2020-08", "type": "DHR", "partnership": "Westdale Community Safety Partnership"},
        "titles": {
            "13.7": "The Westdale Community Safety Partnership should review the MARAC referral pathway so "
            "that repeat victims are identified."
        },
        "text": {"13.7": "", "13.2": ""},
        "scope": {"13.8": "national", "13.6": None},
        "where": {"13.2": "line 2629"},
        "no_warnings": True,
    },
    "sar-long-conclusions-and-recommendations.md": {
        # The chapter's numbered conclusions (13.1 to 13.5) come before its own "Recommendations" sub-heading.
        "numbers": ["13.6", "13.7", "13.8", "13.9", "13.10"],
        "review": {
            "reference": "SAR-2022-09",
            "type": "SAR",
            "partnership": "Northbridge Safeguarding Adults Board",
            "title": "Safeguarding Adults Review: 'Mr D'",
        },
        "titles": {"13.8": "Northbridge Recovery Service should offer outreach to people who stop attending"},
        "text": {"13.10": ""},
        "where": {"13.6": "line 1589"},
        "uncertain": {"13.6": False, "13.10": False},
        "no_warnings": True,
    },
    "llr-long-findings-and-recommendations.docx": {
        # Findings and the recommendations that answer them, in one numbered run with no heading between.
        "numbers": ["337", "339", "341", "343"],
        "review": {
            "reference": "LLR-2024-03",
            "type": "LLR",
            "partnership": "Westdale Safeguarding Children Partnership",
        },
        "titles": {
            "337": "The school should ensure that exclusions of a child known to Children's Social Care",
            "343": "The Westdale Safeguarding Children Partnership should review its escalation policy",
        },
        "warning": "4 numbered paragraphs that do not say what should be done were read as conclusions",
    },
    "sar-long-bulleted-recommendations.txt": {
        "numbers": ["1", "2", "3", "4"],
        "review": {"reference": "SAR-2021-11", "type": "SAR", "partnership": "Westdale Safeguarding Adults Board"},
        "titles": {"2": "Westdale Care at Home Ltd should ensure that care workers report missed or shortened visits"},
        "where": {"1": "line 655", "4": "line 658"},
        # The bullet points carry no numbers: they are numbered in order, and each is marked for checking.
        "uncertain": {"1": True, "4": True},
        "no_warnings": True,
    },
    "dhr-action-plan-turned-page.pdf": {
        # The action plan is on a landscape page stored upright and turned with /Rotate 90.
        "numbers": ["1", "2"],
        "review": {"reference": "DHR-2022-14", "partnership": "Eastmere Community Safety Partnership"},
        "actions": {"1": 2, "2": 1},
        "leads": {"1": [POLICE, POLICE], "2": [ICB]},
        "statuses": {"1": ["in_progress", "not_started"]},
        "action_where": {"1": ["page 2, table 1, row 2", "page 2, table 1, row 3"]},
        "titles": {
            "2": "Eastmere Integrated Care Board should ask GP practices to record disclosures of domestic "
            "abuse so that they can be seen at later appointments."
        },
        "notes": {"1": "Its actions were read from the action plan under 'Appendix A: Action plan'"},
        "no_warnings": True,
    },
    "llr-long-no-recommendations.docx": {
        "numbers": [],
        "error": "This reads as a whole review report, but it has no 'Recommendations' section",
        "review": {"reference": "LLR-2022-05", "type": "LLR", "title": "Local Learning Review: 'Maria'"},
    },
}


@dataclass
class Check:
    name: str
    passed: bool
    detail: str = ""


def read(name: str) -> ImportResult:
    return parse_file(CORPUS / name, max_bytes=20 * 1024 * 1024)


def _per_rec(result: ImportResult, expected: dict[str, Any], key: str,
             got: Callable[[Any], Any], same: Callable[[Any, Any], bool]) -> list[Check]:  # fmt: skip
    by_number = {r.number: r for r in result.recommendations}
    checks = []
    for number, want in expected.get(key, {}).items():
        rec = by_number.get(number)
        value = got(rec) if rec is not None else "(no such recommendation)"
        checks.append(Check(f"{key} of {number}", rec is not None and same(value, want), f"{value!r} != {want!r}"))
    return checks


def check(name: str, result: ImportResult | None = None) -> list[Check]:
    expected = EXPECTED[name]
    result = result or read(name)
    numbers = [r.number for r in result.recommendations]
    checks = [Check("numbers", numbers == expected["numbers"], f"{numbers} != {expected['numbers']}")]
    starts = lambda value, want: str(value).startswith(want)  # noqa: E731 - read as a table of comparisons
    equal = lambda value, want: value == want  # noqa: E731
    contains = lambda value, want: want in value  # noqa: E731
    any_note = lambda value, want: any(want in n for n in value)  # noqa: E731
    checks += _per_rec(result, expected, "titles", lambda r: r.title, starts)
    checks += _per_rec(result, expected, "text", lambda r: r.text, lambda v, w: w in v if w else v == "")
    checks += _per_rec(result, expected, "learning", lambda r: r.learning or "", starts)
    checks += _per_rec(result, expected, "agencies", lambda r: r.agencies, equal)
    checks += _per_rec(result, expected, "scope", lambda r: r.scope, equal)
    checks += _per_rec(result, expected, "where", lambda r: r.where, equal)
    checks += _per_rec(result, expected, "notes", lambda r: r.notes, any_note)
    checks += _per_rec(result, expected, "actions", lambda r: len(r.actions), equal)
    checks += _per_rec(result, expected, "owners", lambda r: [a.owner for a in r.actions], equal)
    checks += _per_rec(result, expected, "leads", lambda r: [a.lead_agency for a in r.actions], equal)
    checks += _per_rec(result, expected, "progress", lambda r: " ".join(a.progress or "" for a in r.actions), contains)
    checks += _per_rec(result, expected, "action_notes", lambda r: [n for a in r.actions for n in a.notes], any_note)
    checks += _per_rec(result, expected, "uncertain", lambda r: r.uncertain is not None, equal)
    checks += _per_rec(result, expected, "statuses", lambda r: [a.status for a in r.actions], equal)
    checks += _per_rec(result, expected, "action_where", lambda r: [a.where for a in r.actions], equal)
    checks += _per_rec(result, expected, "action_uncertain",
                       lambda r: any(a.uncertain for a in r.actions), equal)  # fmt: skip
    for field, want in expected.get("review", {}).items():
        value = getattr(result.review, field)
        checks.append(Check(f"review {field}", value == want, f"{value!r} != {want!r}"))
    if "error" in expected:
        messages = [e.message for e in result.errors]
        checks.append(Check("says so plainly", len(messages) == 1 and expected["error"] in messages[0], str(messages)))
    else:
        checks.append(Check("no errors", result.ok, str([e.message for e in result.errors])))
    if "warning" in expected:
        messages = [w.message for w in result.warnings]
        checks.append(Check("warns", any(expected["warning"] in m for m in messages), str(messages)))
    if expected.get("no_warnings"):
        checks.append(Check("no warnings", not result.warnings, str([w.message for w in result.warnings])))
    return checks
