"""Corpus: whole review reports and executive summaries. Every place, person and review is invented."""

from __future__ import annotations

from typing import Any

Block = tuple[Any, ...]

CONTENTS = [
    ("h1", "Contents"),
    ("toc", "1 Introduction ............................................ 3"),
    ("toc", "1.1 Brief facts ......................................... 3"),
    ("toc", "2 Terms of reference ..................................... 4"),
    ("toc", "3 Chronology ............................................. 6"),
    ("toc", "4 Analysis ............................................... 9"),
    ("toc", "5 Recommendations ....................................... 14"),
]

PURPOSES = [
    ("h1", "2 Terms of reference"),
    ("p", "2.1 The purpose of a Domestic Homicide Review is to:"),
    ("p", "a) establish what lessons are to be learned from the homicide about the way professionals work together;"),
    ("p", "b) identify clearly what those lessons are and how they will be acted on;"),
    ("p", "c) apply these lessons to service responses, including changes to policies and procedures;"),
    ("p", "d) contribute to a better understanding of the nature of domestic abuse."),
]

ANALYSIS = [
    ("h1", "4 Analysis"),
    (
        "p",
        "4.1 The GP should have asked about domestic abuse when Mrs B attended with a wrist injury in March. "
        "The practice told the review that staff were not confident to ask.",
    ),
    (
        "p",
        "4.2 Officers attended three calls from the address. The second call should have led to a referral to "
        "MARAC, as the risk assessment scored 14.",
    ),
    ("p", "4.3 The housing officer knew that Mr B had returned to the home but did not share this."),
]


def dhr_overview_docx() -> list[Block]:
    return [
        ("title", "Domestic Homicide Review: Overview Report into the death of Mrs B"),
        ("p", "Safer Eastmere Partnership – DHR-2022-04"),
        ("p", "Report author: Independent Chair, March 2024"),
        *CONTENTS,
        ("h1", "1 Introduction"),
        ("p", "1.1 Mrs B was 47 when she was killed by her husband at their home in Eastmere in 2022."),
        ("p", "1.2 The review was commissioned by the Safer Eastmere Partnership in June 2022."),
        *PURPOSES,
        ("h1", "3 Chronology"),
        ("p", "3.1 In January 2021 Mrs B told her GP that she was not sleeping."),
        ("p", "3.2 In March 2021 police attended the home after a neighbour called."),
        *ANALYSIS,
        ("h1", "5 Recommendations"),
        ("h2", "Single agency recommendations"),
        ("h3", "Northshire Police"),
        ("num", "Northshire Police should audit how repeat calls from one address are flagged to supervisors."),
        ("num", "Northshire Police should remind officers to complete the risk assessment with the victim alone."),
        ("h3", "Eastmere Integrated Care Board"),
        ("num", "The ICB should train GP practices to ask about domestic abuse when patients present with injuries."),
        ("num", "The ICB should add a domestic abuse prompt to the practice consultation template."),
        ("h2", "Multi-agency recommendations"),
        ("num", "The Partnership should publish an information sharing agreement for domestic abuse cases."),
        ("num", "The Partnership should seek assurance that MARAC referrals are made when risk is high."),
        ("h1", "Appendix A: Glossary"),
        ("p", "1. MARAC: Multi-Agency Risk Assessment Conference."),
    ]


def _restart(blocks: list[Block]) -> list[Block]:
    # Each agency's list restarts at 1 in a real report: Word does it with a new list; here the numbers
    # are written out so every format shows the same.
    out: list[Block] = []
    n = 0
    for block in blocks:
        if block[0] in {"h2", "h3"}:
            n = 0
        if block[0] == "num":
            n += 1
            block = ("p", f"{n}. {block[1]}")
        out.append(block)
    return out


def dhr_overview_restarting() -> list[Block]:
    return _restart(dhr_overview_docx())


def dhr_overview_pdf() -> list[Block]:
    return [
        ("title", "Domestic Homicide Review – Overview Report – 'Adult D'"),
        ("p", "Westdale Community Safety Partnership"),
        ("h1", "Contents"),
        ("p", "1 Introduction ................................................ 2"),
        ("p", "20 Conclusions .............................................. 2"),
        ("p", "21 Recommendations ....................................... 3"),
        ("h1", "1 Introduction"),
        ("p", "1.1 Adult D was 71 and lived with her son, who cared for her. She died in hospital in 2021."),
        ("p", "1.2 The review panel met six times. Agencies were asked to provide chronologies and reports."),
        ("h1", "20 Conclusions"),
        ("p", "20.1 Agencies saw Adult D as a vulnerable adult, not as a victim of domestic abuse by her son."),
        ("page",),
        ("h1", "21 Recommendations"),
        ("p", "21.1 The Partnership should commission training on abuse of older people by adult family members."),
        ("p", "21.2 Westdale Council Adult Social Care should ask carers about the strain of caring at each review."),
        ("p", "21.10 The Partnership should ask the Home Office to:"),
        ("p", "21.10.1 include older victims in the next national awareness campaign;"),
        ("p", "21.10.2 publish guidance on domestic abuse by adult children. (National)"),
        ("h1", "22 Glossary"),
        ("p", "22.1 ASC: Adult Social Care."),
    ]


def sar_overview_text() -> list[Block]:
    return [
        ("title", "Safeguarding Adults Review: Mr F (SAR-2023-02)"),
        ("p", "Northbridge Safeguarding Adults Board"),
        ("h1", "Contents"),
        ("p", "1.1 Brief facts ....... 1"),
        ("p", "3.4.1. Process ....... 2"),
        ("p", "5 Recommendations ....... 4"),
        ("h1", "1 Introduction"),
        ("p", "1.1 Mr F was 63, lived alone and had diabetes. He died after a long period of self-neglect."),
        ("h1", "3 Review process"),
        ("p", "3.1 The Board agreed the review in May 2023."),
        ("p", "3.2 Agencies provided chronologies."),
        ("p", "3.4.1. Practitioners met at a learning event in October."),
        ("p", "3.4.4 Mr F's brother contributed to the review."),
        ("h1", "5 Recommendations"),
        (
            "p",
            "5.1 The Board should seek assurance that the self-neglect protocol is used when a person declines care.",
        ),
        ("p", "5.2 Adult Social Care should record mental capacity assessments for decisions about care at home."),
        ("p", "5.3 The ICB should review how GP practices follow up missed diabetes appointments."),
        ("p", "5.4 Housing should refer to Fire and Rescue when they see hoarding."),
        ("h1", "6 Conclusion"),
        ("p", "6.1 Mr F's death might have been prevented if agencies had worked together sooner."),
    ]


def cspr_markdown() -> list[Block]:
    return [
        ("title", "Child Safeguarding Practice Review: 'Child H' – Executive summary"),
        ("p", "Westdale Safeguarding Children Partnership (CSPR-2023-07)"),
        ("h1", "Background"),
        ("p", "Child H was three when she was admitted to hospital with a head injury."),
        ("h1", "Recommendations"),
        (
            "table",
            [
                ["#", "Recommendation", "Addressed to"],
                [
                    "1",
                    "Health visitors should see the child in the home at every contact. Two visits took place "
                    "at the clinic.",
                    "Westdale NHS Trust",
                ],
                [
                    "2",
                    "Children's Social Care should involve fathers in assessments.",
                    "Westdale Children's Social Care",
                ],
                [
                    "3",
                    "The Partnership should audit the use of the neglect toolkit.",
                    "Westdale Safeguarding Children Partnership",
                ],
            ],
        ),
        ("h1", "Next steps"),
        ("p", "1. Share this summary with your team."),
    ]


def exec_summary_table() -> list[Block]:
    return [
        ("title", "Domestic Homicide Review 'Joan' – Executive Summary"),
        ("p", "Safe in the City Partnership"),
        ("h1", "Recommendations"),
        (
            "table",
            [
                ["No.", "Recommendation", "Addressed to", "Scope"],
                [
                    "1",
                    "Agencies should record the first language of victims and use interpreters.",
                    "Northshire Police",
                    "Local",
                ],
                [
                    "2",
                    "The Partnership should fund an IDVA based in the emergency department.",
                    "Safe in the City Partnership",
                    "Local",
                ],
                [
                    "3",
                    "The Home Office should include economic abuse in its statutory guidance.",
                    "Her Majesty's Government",
                    "National",
                ],
            ],
        ),
        ("h1", "Conclusion"),
        ("p", "The panel thanks Joan's family for their help."),
    ]


def single_agency_table() -> list[Block]:
    return [
        ("title", "Bassetlaw, Newark and Sherwood Community Safety Partnership"),
        ("p", "Domestic Homicide Review 'Sam' – Overview report (DHR-2021-09)"),
        ("h1", "Single agency recommendations"),
        (
            "table",
            [
                ["Agency", "No.", "Recommendation"],
                ["Northshire Police", "1", "Review the handling of third-party reports of domestic abuse."],
                ["Northshire Police", "2", "Train call handlers to ask about children in the home."],
                ["Eastmere Housing Service", "1", "Flag tenancies where a perpetrator has been excluded."],
                ["Eastmere Housing Service", "2", "Share tenancy changes with the IDVA service."],
            ],
        ),
        ("h1", "Multi-agency recommendations"),
        ("p", "1. The Partnership should review its domestic abuse strategy in the light of this review."),
    ]


def pdf_recommendation_table() -> list[Block]:
    return [
        ("title", "DHR 'Peter' – Executive Summary"),
        ("p", "Westdale Community Safety Partnership (DHR-2020-12)"),
        ("h1", "Recommendations"),
        (
            "table",
            [
                ["No.", "Recommendation", "Addressed to"],
                ["1", "Review the safeguarding training offered to pharmacists.", "Westdale Integrated Care Board"],
                ["2", "Include male victims in the next domestic abuse campaign.", "Her Majesty's Government"],
                ["3", "Audit how probation officers share risk with housing providers.", "Probation Service"],
            ],
        ),
        ("h1", "Acknowledgements"),
        ("p", "The panel thanks everyone who contributed."),
    ]


def whole_report_no_recs() -> list[Block]:
    return [
        ("title", "Learning Review: Overview of agency contact with 'Leo'"),
        ("p", "Northbridge Safeguarding Children Partnership"),
        *CONTENTS[:4],
        ("h1", "1 Introduction"),
        *[
            (
                "p",
                f"{n}. The review considered the contact agencies had with Leo and his family during period {n}. "
                "Staff should have shared information sooner.",
            )
            for n in range(1, 14)
        ],
        ("h1", "2 Analysis"),
        *[
            (
                "p",
                f"{n}. Practitioners told the review that agencies should work together earlier and must listen "
                "to the child.",
            )
            for n in range(14, 40)
        ],
        ("h1", "3 Conclusion"),
        ("p", "The partnership will publish its response separately."),
    ]
