"""Corpus: thematic briefings, short recommendation lists, and documents that hold no recommendations. Invented."""

from __future__ import annotations

from typing import Any

Block = tuple[Any, ...]

SIX_THEMES = [
    (
        "Professional curiosity",
        "Practitioners accepted what they were told without checking.",
        "Ask open questions and check what you are told against what you see.",
    ),
    (
        "Working with adults who self-neglect when they refuse support from services over many years",
        "Refusals were accepted at face value for over a decade.",
        "Use the self-neglect protocol and keep trying.",
    ),
    (
        "Mental capacity",
        "Capacity was assumed because people could talk about their choices.",
        "Assess executive capacity and record it.",
    ),
    ("Carers", "Carers' own needs were not assessed.", "Offer every carer an assessment."),
    ("Transitions", "Information was lost when people moved between services.", "Hand over in person when you can."),
    ("Escalation", "Practitioners did not know how to escalate.", "Use the escalation policy and tell your manager."),
]


def six_theme_brief(learning: str = "Learning", practice: str = "Practice improvements") -> list[Block]:
    blocks: list[Block] = [
        ("title", "Thematic review of self-neglect: learning briefing"),
        ("p", "Westdale Safeguarding Adults Board (TR-2024-02)"),
        ("h1", "Introduction"),
        ("p", "This briefing draws together the learning from six Safeguarding Adults Reviews."),
    ]
    for n, (name, learned, improve) in enumerate(SIX_THEMES, start=1):
        blocks += [
            ("h2", f"Theme {n}: {name}"),
            ("bold", learning),
            ("bullet", learned),
            ("bold", practice),
            ("bullet", improve),
        ]
        if n == 3:
            blocks.append(("page",))
    blocks += [("h1", "Further information"), ("p", "Contact the SAB business unit.")]
    return blocks


def six_theme_plain_text() -> list[Block]:
    # A long theme heading on a line of its own, no "Theme N" prefix: the kind that used to merge into its neighbour.
    blocks: list[Block] = [
        ("p", "Thematic review of self-neglect: learning briefing"),
        ("p", "Westdale Safeguarding Adults Board (TR-2024-02)"),
    ]
    for name, learned, improve in SIX_THEMES:
        blocks += [
            ("p", name),
            ("p", "What we learned"),
            ("bullet", learned),
            ("p", "What this means for practice"),
            ("bullet", improve),
        ]
    return blocks


def combined_layout() -> list[Block]:
    return [
        ("title", "Learning from reviews: hoarding and fire risk"),
        ("p", "Eastmere Safeguarding Adults Board – thematic briefing"),
        ("h1", "Key learning and practice improvements"),
        ("p", "Fire risk:"),
        ("bullet", "Fire and Rescue were not told about hoarding in four of five cases."),
        ("bullet", "Refer for a home fire safety visit whenever you see hoarding."),
        ("p", "Working with families:"),
        ("bullet", "Families knew about the hoarding and were worried."),
        ("bullet", "Talk to families and record their concerns."),
        ("p", "Recording:"),
        ("bullet", "Records did not show what practitioners saw in the home."),
        ("h1", "Further information"),
        ("p", "Contact the business unit."),
    ]


def what_we_learned_docx() -> list[Block]:
    return [
        ("title", "Rapid review learning: 'Baby E'"),
        ("p", "Northbridge Safeguarding Children Partnership – learning briefing"),
        ("h2", "Safe sleep"),
        ("h3", "What we learned"),
        ("p", "Safe sleep advice was given once, at birth, and not repeated."),
        ("h3", "What this means for practice"),
        ("p", "Give safe sleep advice at every contact and when circumstances change."),
        ("h2", "Fathers"),
        ("h3", "What we learned"),
        ("p", "Baby E's father was not seen by any professional."),
        ("h3", "What this means for practice"),
        ("p", "Ask who lives in the home and invite fathers to appointments."),
    ]


def roman_list() -> list[Block]:
    return [
        ("title", "SAR 'Mr J' – Executive summary"),
        ("p", "Westdale Safeguarding Adults Board (SAR-2021-03)"),
        ("h1", "Recommendations"),
        ("p", "i. The Board should seek assurance that hospital discharge plans are shared with the GP."),
        ("p", "ii. The ICB should review the pathway for people with alcohol dependency."),
        ("p", "iii. Adult Social Care should use the multi-agency risk management process for high-risk cases."),
        ("h1", "Conclusion"),
        ("p", "Mr J's death was preventable."),
    ]


def r_prefixed() -> list[Block]:
    return [
        ("p", "Domestic Homicide Review 'Ellen' (DHR-2019-02)"),
        ("p", "Westdale Community Safety Partnership"),
        ("h1", "Recommendations"),
        ("p", "R1. The Partnership should raise awareness of stalking."),
        ("p", "R2. Northshire Police should use the stalking screening tool."),
        ("p", "R3. Agencies should refer stalking cases to the specialist service."),
        ("h1", "Glossary"),
        ("p", "DASH: risk assessment checklist."),
    ]


def lettered_numbers() -> list[Block]:
    return [
        ("p", "Local Child Safeguarding Practice Review 'Child P' (CSPR-2022-09)"),
        ("p", "Eastmere Safeguarding Children Partnership"),
        ("h1", "Recommendations"),
        ("p", "4(a) Schools should refer persistent absence to the attendance service."),
        ("p", "4(b) The attendance service should visit within five days."),
        ("p", "Rec 5: The Partnership should audit the use of elective home education."),
        ("h1", "Next steps"),
        ("p", "Tell us what you have changed."),
    ]


def qa_letter() -> list[Block]:
    return [
        ("p", "Home Office"),
        ("p", "Domestic Homicide Review Quality Assurance Panel"),
        ("p", "Dear Chair of the Safer Eastmere Partnership,"),
        ("p", "Thank you for submitting the report for the review of 'Mrs B' to the Quality Assurance Panel."),
        ("p", "1. The Panel felt the recommendations should be made SMART before publication."),
        ("p", "2. The report should say more about the involvement of the family."),
        ("p", "3. The Panel would like the executive summary to include the recommendations in full."),
        ("p", "4. The action plan should name a lead agency for each recommendation."),
        ("p", "Yours sincerely,"),
        ("p", "Chair of the Quality Assurance Panel"),
    ]


def statutory_purposes() -> list[Block]:
    return [
        ("title", "Terms of reference: Domestic Homicide Review 'Tom'"),
        ("p", "Westdale Community Safety Partnership"),
        ("p", "The purposes of a Domestic Homicide Review are to:"),
        ("p", "1. establish what lessons are to be learned from the death;"),
        ("p", "2. identify clearly what those lessons are and how they will be acted on;"),
        ("p", "3. apply these lessons to service responses;"),
        ("p", "4. prevent domestic abuse and improve service responses."),
        ("p", "The review will cover the period from January 2019 to the death."),
    ]


def newsletter() -> list[Block]:
    return [
        ("title", "Partnership newsletter – spring"),
        ("p", "Northbridge Safeguarding Children Partnership"),
        ("h1", "Dates for your diary"),
        ("p", "1. Safeguarding week starts on 3 June."),
        ("p", "2. The annual conference is in October."),
        ("p", "3. New training courses open in September."),
    ]


def review_details_text() -> list[Block]:
    return [
        ("p", "Domestic Homicide Review into the death of 'Rose' (DHR-2021-15)"),
        ("p", "Commissioned by the Safe in the City Partnership"),
        ("h1", "Recommendations"),
        ("p", "1. The Partnership should review how agencies respond to disclosures from older women."),
        ("p", "2. Eastmere Council should train housing staff to recognise coercive control."),
    ]


def multi_section() -> list[Block]:
    return [
        ("title", "Child Safeguarding Practice Review 'Child N' – Overview report"),
        ("p", "Northbridge Safeguarding Children Partnership (CSPR-2024-03)"),
        ("h1", "Recommendations for the partnership"),
        ("num", "The Partnership should review its threshold document."),
        ("num", "The Partnership should audit strategy discussions."),
        ("h1", "National recommendations"),
        ("p", "1. The Department for Education should update Working Together on men in children's lives."),
        ("p", "2. The Department of Health and Social Care should fund specialist parenting programmes."),
        ("h1", "Appendix: terms of reference"),
        ("p", "1. To examine how agencies worked together."),
    ]
