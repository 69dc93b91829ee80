"""Corpus: long reports whose recommendations share a chapter with their conclusions or findings, or are bullet
points with no numbers. Every name in them is invented."""

from __future__ import annotations

from tests.importing.corpus_long import Block, Report, cover, standard_body
from tests.importing.corpus_prose import Cast, Prose

NORTHBRIDGE_SAB = "Northbridge Safeguarding Adults Board"
MR_D = Cast(
    victim="Mr D",
    other="his brother Kevin",
    child="Sophie",
    place="Northbridge",
    agencies=(
        "Northbridge Council Adult Social Care",
        "Northbridge Integrated Care Board",
        "Northbridge Homes",
        "Northbridge Recovery Service",
        "Northshire Police",
        "Northbridge Hospitals NHS Trust",
    ),
    year=2022,
)
CONCLUSIONS = [
    "Mr D's death was not predictable, but the risks to him were known to several agencies for over two years.",
    "Each agency responded to the part of Mr D's life it saw, and no one brought those parts together.",
    "Mr D's wish to be left alone was respected, but the reasons for it were not explored with him.",
    "The self-neglect procedure was not used, although its criteria were met from the spring of 2021.",
    "Practitioners had little time for the slow work of building trust with a man who did not want help.",
]
MR_D_RECOMMENDATIONS = [
    "The Board should seek assurance that the self-neglect procedure is used whenever its criteria are met, "
    "and audit its use each year.",
    "Northbridge Council Adult Social Care should ensure that a lead professional is named for every person "
    "discussed under the procedure.",
    "Northbridge Recovery Service should offer outreach to people who stop attending, rather than closing the case.",
    "Northbridge Homes should share concerns about the condition of a tenancy with Adult Social Care.",
    "The Board should publish a short guide for practitioners on building trust with people who refuse help.",
]


def sar_mr_d() -> list[Block]:
    """SAR 'Mr D', in markdown: numbered headings and paragraphs, and a chapter "Conclusions and recommendations"
    whose numbered conclusions come first and whose recommendations follow under their own sub-heading."""
    r = Report(Prose(2209, MR_D))
    r.add(*cover("Safeguarding Adults Review: 'Mr D'", [f"{NORTHBRIDGE_SAB} (SAR-2022-09)",
                                                        "Independent reviewer: H. Ng", "April 2023"]))  # fmt: skip
    standard_body(r, MR_D, partnership=NORTHBRIDGE_SAB, kind="Safeguarding Adults Review", analysis=230,
                  chronology=50, notes=False,
                  opening=["This review looks at how agencies worked with Mr D, who was 58 and lived alone, in the "
                           "two years before he was found dead at home in 2022.",
                           "Mr D had stopped going out, and his home had fallen into disrepair."])  # fmt: skip
    r.chapter("Conclusions and recommendations")
    for text in CONCLUSIONS:
        r.para(text)
    r.add(("h2", "Recommendations"))
    for text in MR_D_RECOMMENDATIONS:
        r.para(text)
    r.add(("h1", "References"), ("p", "Northbridge Safeguarding Adults Board, Self-neglect procedure, 2019."))
    return r.finish()


WESTDALE_SCP = "Westdale Safeguarding Children Partnership"
JACOB = Cast(
    victim="Jacob's mother",
    other="Jacob's stepfather",
    child="Jacob",
    place="Westdale",
    agencies=(
        "Westdale Children's Social Care",
        "Westdale Academy",
        "Westdale NHS Trust",
        "Northshire Police",
        "Westdale Youth Justice Service",
    ),
    year=2023,
)
FINDINGS = [
    ("Agencies saw Jacob's behaviour at school as the problem, not as a sign of what was happening at home.", None),
    ("The school should ensure that exclusions of a child known to Children's Social Care are discussed with his "
     "social worker before they take effect.", "Westdale Academy"),
    ("Jacob's own account of his life was recorded only once, by the youth justice worker.", None),
    ("Westdale Children's Social Care should make sure that a child's account is sought at each assessment and "
     "recorded in the child's own words.", "Westdale Children's Social Care"),
    ("Information about the stepfather's violence was held by the police and was not shared with the school.", None),
    ("Northshire Police should share notifications of domestic abuse with schools by the next school day.",
     "Northshire Police"),
    ("Practitioners should have escalated their concerns when the case was closed, and did not.", None),
    (f"The {WESTDALE_SCP} should review its escalation policy with practitioners and publish a shorter version.",
     None),
]  # fmt: skip


def llr_jacob() -> list[Block]:
    """LLR 'Jacob': paragraphs numbered 1, 2, 3... to the end, and a last chapter "Findings and recommendations"
    that mixes findings with the recommendations that answer them, with no heading between."""
    r = Report(Prose(2403, JACOB), continuous=True)
    r.add(*cover("Local Learning Review: 'Jacob'", [f"{WESTDALE_SCP} – LLR-2024-03", "Reviewer: M. Costa",
                                                    "Final version, February 2024"]))  # fmt: skip
    r.contents_here()
    standard_body(r, JACOB, partnership=WESTDALE_SCP, kind="Local Learning Review", analysis=250, chronology=50,
                  notes=False,
                  opening=["This review looks at the help Jacob, who was 14, received in the year before he was "
                           "seriously injured in 2023.",
                           "Jacob lived with his mother, his stepfather and two younger sisters."])  # fmt: skip
    r.chapter("Findings and recommendations")
    for text, _agency in FINDINGS:
        r.para(text)
    r.add(("h1", "Appendix: Glossary"), ("p", "YJS: the youth justice service."))
    return r.finish()


WESTDALE_SAB = "Westdale Safeguarding Adults Board"
MRS_K = Cast(
    victim="Mrs K",
    other="her husband",
    child="Tom",
    place="Westdale",
    agencies=(
        "Westdale Council Adult Social Care",
        "Westdale Integrated Care Board",
        "Westdale Hospitals NHS Trust",
        "Westdale Care at Home Ltd",
        "Northshire Police",
    ),
    year=2021,
)
BULLETS = [
    "Westdale Council Adult Social Care should review how it checks the quality of care provided at home when a "
    "family member is also providing care.",
    "Westdale Care at Home Ltd should ensure that care workers report missed or shortened visits to the office on "
    "the same day.",
    "Westdale Hospitals NHS Trust should include pressure care in the discharge plan for every patient who will "
    "receive care at home.",
    "The Board should seek assurance that agencies know how to raise a concern about a care provider.",
]


def sar_mrs_k() -> list[Block]:
    """SAR 'Mrs K' saved as plain text from Word: numbered paragraphs and capitalised headings, and recommendations
    written as bullet points with no numbers."""
    r = Report(Prose(2110, MRS_K))
    r.add(*cover("Safeguarding Adults Review: 'Mrs K'", [f"{WESTDALE_SAB} (SAR-2021-11)", "Published June 2022"]))
    standard_body(r, MRS_K, partnership=WESTDALE_SAB, kind="Safeguarding Adults Review", analysis=210,
                  chronology=45, notes=False,
                  opening=["This review looks at the care Mrs K received at home in the year before she died in "
                           "hospital in 2021 from infected pressure ulcers.",
                           "Mrs K was 86. Her husband cared for her, with visits from a home care agency."])  # fmt: skip
    r.chapter("Recommendations")
    r.add(("p", "The review makes four recommendations:"))
    for text in BULLETS:
        r.add(("bullet", text))
    r.add(("h1", "Acknowledgements"), ("p", "The reviewer thanks Mrs K's son for his help."))
    return r.finish()


TURNED_INTRO = [
    "Domestic Homicide Review 'Lena' – Executive Summary",
    "Eastmere Community Safety Partnership (DHR-2022-14)",
    "<b>Recommendations</b>",
    "1. Northshire Police should check for earlier incidents at an address before officers attend a domestic "
    "abuse call.",
    "2. Eastmere Integrated Care Board should ask GP practices to record disclosures of domestic abuse so that "
    "they can be seen at later appointments.",
]
TURNED_PLAN = [
    ["Recommendation", "Action to take", "Lead agency", "Target date", "Progress"],
    ["1. Northshire Police should check for earlier incidents at an address before officers attend a domestic "
     "abuse call.", "Add address history to the dispatch screen.", "Northshire Police", "30/09/2023",
     "Screen designed"],
    ["^", "Brief control room staff.", "Northshire Police", "31/12/2023", ""],
    ["2. Eastmere Integrated Care Board should ask GP practices to record disclosures of domestic abuse.",
     "Issue coding guidance to all practices.", "Eastmere Integrated Care Board", "March 2024", ""],
]  # fmt: skip
