"""Corpus: action plans, headings, thematic briefings and documents with no recommendations. All invented."""

from __future__ import annotations

from datetime import datetime
from typing import Any

Block = tuple[Any, ...]


def action_plan_text() -> list[Block]:
    return [
        ("title", "SAR 'Adult G' – Action plan"),
        ("p", "Northbridge Safeguarding Adults Board (SAR-2022-06)"),
        ("h1", "Recommendations and actions"),
        ("p", "Recommendation 1: The Board should seek assurance that agencies:"),
        ("p", "a) use the escalation policy when a case is stuck; and"),
        ("p", "b) record why a case was closed."),
        ("p", "Actions:"),
        (
            "p",
            "1. Relaunch the escalation policy at a practitioner event. Lead: Northbridge Safeguarding Adults Board. "
            "Target date: March 2025.",
        ),
        ("p", "2. Audit 20 closed cases for the reason recorded. Lead: A. Okafor / B. Lewis. Target date: June 2025."),
        ("p", "Recommendation 2: Adult Social Care should review how self-neglect referrals are triaged."),
        ("p", "Actions:"),
        ("p", "1. Review the triage guidance. Lead: Northbridge Council Adult Social Care. Target date: 31/01/2025."),
        ("h1", "Sign-off"),
        ("p", "Agreed by the Board on 4 November 2024."),
    ]


def action_plan_word_paragraphs() -> list[Block]:
    blocks = action_plan_text()
    out: list[Block] = []
    for block in blocks:
        text = block[1] if len(block) > 1 else ""
        if block[0] == "p" and text[:2] in {"a)", "b)"}:
            out.append(("num", text[3:], 1))
        elif block[0] == "p" and text[:2] in {"1.", "2."}:
            out.append(("p", text))
        else:
            out.append(block)
    return out


def action_plan_word_table() -> list[Block]:
    rec1 = (
        "1. The Board should seek assurance that agencies:\na) use the escalation policy when a case is stuck;\n"
        "b) record why a case was closed."
    )
    return [
        ("title", "SAR 'Adult G' – Action plan"),
        ("p", "Northbridge Safeguarding Adults Board (SAR-2022-06)"),
        (
            "table",
            [
                ["Recommendation", "Action", "Lead", "Target date", "Outcome"],
                [
                    rec1,
                    "1. Relaunch the escalation policy at a practitioner event\n2. Audit 20 closed cases",
                    "A. Okafor / B. Lewis",
                    "March 2025",
                    "Staff use the policy",
                ],
                [
                    "2. Adult Social Care should review how self-neglect referrals are triaged.",
                    "Review the triage guidance",
                    "Northbridge Council Adult Social Care",
                    "31/01/2025",
                    None,
                ],
            ],
        ),
    ]


def pdf_action_plan() -> list[Block]:
    return [
        ("title", "DHR 'Ruth' – Action plan"),
        ("p", "Safer Eastmere Partnership (DHR-2023-01)"),
        (
            "table",
            [
                ["Recommendation", "Action", "Lead agency", "Lead officer", "Target date"],
                [
                    "1. GP practices should ask about domestic abuse at new patient registration.",
                    "Add a question to the registration form",
                    "Eastmere Integrated Care Board",
                    "Dr S. Malik",
                    "30/06/2025",
                ],
                [None, "Audit 50 registrations", "Eastmere Integrated Care Board", "Dr S. Malik", "Q3 2025/26"],
                [
                    "2. Northshire Police should review its response to repeat calls.",
                    "Review the repeat-caller flag",
                    "Northshire Police",
                    "DI J. Patel",
                    "December 2025",
                ],
            ],
        ),
    ]


def recommendation_headings() -> list[Block]:
    return [
        ("title", "Local Learning Review 'Child K' (LLR-2024-01)"),
        ("p", "Northbridge Safeguarding Children Partnership"),
        ("h1", "Recommendations"),
        ("h2", "Recommendation 1"),
        (
            "p",
            "Schools should record every disclosure of domestic abuse on the safeguarding system. In this case two "
            "disclosures were recorded only in a teacher's notebook.",
        ),
        ("h2", "Recommendation 2"),
        ("p", "Children's Social Care should see the child alone at every visit."),
        ("p", "Child K was seen with her mother present on all six visits."),
        ("h2", "Recommendation 3"),
        ("p", "The Partnership should audit the quality of strategy discussions."),
        ("h1", "Next steps"),
        ("p", "The Partnership will publish an action plan."),
    ]


def numbered_theme_headings() -> list[Block]:
    return [
        ("title", "SAR 'Mrs T' – Learning and recommendations"),
        ("p", "Eastmere Safeguarding Adults Board"),
        ("h1", "Recommendations"),
        ("h2", "1. Information sharing"),
        ("p", "Agencies should share concerns about a carer's health with the adult's care coordinator."),
        ("h2", "2. Mental capacity"),
        (
            "p",
            "Adult Social Care should assess executive capacity when a person repeatedly declines care. "
            "Mrs T said she would manage but could not.",
        ),
        ("h2", "3. Carers"),
        ("p", "The ICB should make sure GP practices offer carers' assessments."),
        ("h1", "Contact details"),
        ("p", "Eastmere SAB business unit."),
    ]


def recommendation_own_line() -> list[Block]:
    return [
        ("p", "DOMESTIC HOMICIDE REVIEW – 'ALAN' (DHR-2020-05)"),
        ("p", "Westdale Community Safety Partnership"),
        ("h1", "Recommendations"),
        ("p", "Recommendation 1"),
        ("p", "The Partnership should review the pathway for male victims of domestic abuse."),
        ("p", "Recommendation 2"),
        ("p", "Northshire Police should record the sex of every victim."),
        ("p", "Recommendation 3"),
        ("p", "Westdale Council Housing should offer male victims safe accommodation."),
        ("h1", "Appendix"),
        ("p", "Terms of reference."),
    ]


def matrix_table() -> list[Block]:
    return [
        ("title", "Thematic review of neglect – Recommendations matrix"),
        ("p", "Eastmere Safeguarding Children Partnership"),
        ("h1", "Recommendations"),
        (
            "table",
            [
                ["Theme", "Recommendations", "Agencies"],
                [
                    "Early help",
                    "Recommendation 1\nThe Partnership should relaunch the early help assessment.",
                    "All agencies",
                ],
                [
                    "Health",
                    "Recommendation 2\nHealth visitors should use the neglect toolkit at every visit.",
                    "Eastmere NHS Trust",
                ],
                [
                    "Education",
                    "Recommendation 3\nSchools should track attendance of children on child in need plans.",
                    "Eastmere Council Education",
                ],
            ],
        ),
    ]


def sab_plan_rows() -> list[list[Any]]:
    return [
        ["Northbridge Safeguarding Adults Board – Strategic plan 2024-25"],
        ["Action", "Responsible group", "Lead officer", "Target date", "RAG"],
        ["Priority 1: Prevent self-neglect becoming a crisis", None, None, None, None],
        ["Relaunch the self-neglect protocol", "Practice subgroup", "M. Rahman", datetime(2024, 9, 30), "Green"],
        ["Audit 20 self-neglect cases", "Quality subgroup", "J. Cole", "Q4 2024/25", "Amber"],
        ["Priority 2: Make safeguarding personal", None, None, None, None],
        [
            "Survey people who were the subject of an enquiry",
            "Performance subgroup",
            "Head of Safeguarding",
            "March 2025",
            "Green",
        ],
    ]


def addressed_to_rows() -> list[list[Any]]:
    return [
        ["DHR 'Nadia' (DHR-2022-11) action plan"],
        ["Safer Eastmere Partnership"],
        ["No", "Recommendation", "Addressed to", "Action", "Lead", "Target date"],
        [
            "1",
            "Agencies should use interpreters who are not family members.",
            "Northshire Police, Eastmere ICB",
            "Remind officers to book interpreters",
            "A. Person / B. Person",
            "31/03/2025",
        ],
        [
            "2",
            "The Partnership should commission culturally specific support.",
            "Safer Eastmere Partnership",
            "Commission a specialist service",
            "Safer Eastmere Partnership",
            "Q2 2025/26",
        ],
    ]


def single_agency_rows() -> list[list[Any]]:
    return [
        ["Agency", "Rec no", "Recommendation", "Action", "Target date"],
        ["Northshire Police", "1", "Review third-party reporting.", "Update the procedure", "31/05/2025"],
        ["Northshire Police", "2", "Train call handlers.", "Deliver training", "30/06/2025"],
        ["Westdale Probation Service", "1", "Share risk information with housing.", "Agree a protocol", "31/07/2025"],
    ]


def deep_ref_rows() -> list[list[Any]]:
    return [
        ["Ref", "Recommendation", "Action", "Lead agency", "Target date"],
        [
            "21.1",
            "The Partnership should commission training on elder abuse.",
            "Commission training",
            "Westdale Community Safety Partnership",
            "31/03/2025",
        ],
        [
            "21.10.1",
            "The Partnership should ask the Home Office to include older victims.",
            "Write to the Home Office",
            "Westdale Community Safety Partnership",
            "30/04/2025",
        ],
        [
            "21.10.2",
            "The Partnership should ask for guidance on abuse by adult children.",
            "Write to the Home Office",
            "Westdale Community Safety Partnership",
            "30/04/2025",
        ],
    ]


def lead_people_rows() -> list[list[Any]]:
    return [
        ["Recommendation", "Action", "Lead", "Target date"],
        ["1. Housing should flag repeat domestic abuse addresses.", "Add the flag", "Jane Holt", "31/03/2025"],
        [None, "Train officers", "Housing Options Manager", "30/04/2025"],
        [
            "2. Police should share notifications with schools.",
            "Extend Operation Encompass",
            "Northshire Police",
            "31/05/2025",
        ],
    ]
