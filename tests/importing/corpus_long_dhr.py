"""Corpus: long Domestic Homicide Review overview reports. Every person, place, agency and review is invented."""

from __future__ import annotations

from tests.importing.corpus_long import Block, Report, cover, standard_body
from tests.importing.corpus_prose import Cast, Prose

ANNA = Cast(
    victim="Anna",
    other="Mark",
    child="Sam",
    place="Northbridge",
    agencies=(
        "Northshire Police",
        "Northbridge Integrated Care Board",
        "Northbridge Council Housing",
        "Northbridge Council Adult Social Care",
        "Eastmere NHS Trust",
        "Northbridge Recovery Service",
        "Westdale Probation Service",
    ),
    year=2022,
)
ANNA_RECOMMENDATIONS = [
    "Northshire Police should review how officers record the wishes of victims who do not support a prosecution, "
    "and how those wishes are passed to the domestic abuse unit.",
    "Northbridge Integrated Care Board should ensure that GP practices ask about domestic abuse when a patient "
    "presents with anxiety, low mood or an injury, and that the answer is recorded.",
    "Northbridge Council Housing should include questions about domestic abuse in tenancy visits and in repair "
    "reports where damage to a property is not explained.",
    "Eastmere NHS Trust should seek assurance that patients who attend the emergency department after an overdose "
    "are asked about their home circumstances before they are discharged. Anna was discharged twice without "
    "anyone asking who she lived with, although the notes record bruising on both occasions and the liaison "
    "team had capacity to see her. The Trust told the panel that its discharge checklist has no question about "
    "home circumstances, and that the checklist is being revised.",
    "Northbridge Council Adult Social Care should review how safeguarding concerns that are closed on the day "
    "they are received are checked by a manager.",
    "The Safer Northbridge Partnership should commission multi-agency training on coercive and controlling "
    "behaviour, including economic abuse, for frontline staff in every partner agency.",
    "The Safer Northbridge Partnership should seek assurance that the MARAC receives referrals where "
    "professional judgement indicates high risk, whatever the risk assessment scores.",
]
ANNA_TRAPS = {
    "Northshire Police": [
        "The panel recommends that Northshire Police reviews how officers record what victims want to happen; "
        "this is reflected in recommendation 13.2.",
        "See recommendation 13.8.",
    ],
    "Northbridge Integrated Care Board": ["The panel recommends routine enquiry; see recommendation 13.3."],
    "Northbridge Council Housing": ["The panel recommends that repair reports are read with care (recommendation 4)."],
    "Northbridge Council Adult Social Care": [
        "The agency's own report recommended that same-day closures be checked by a manager, and the panel agrees."
    ],
}


def dhr_anna() -> list[Block]:
    """DHR 'Anna': numbered chapters and paragraphs throughout; its recommendations continue the numbering (13.2...),
    after a paragraph that introduces them, and end with a lead-in whose parts are addressed to the Home Office."""
    r = Report(Prose(2022, ANNA))
    r.add(*cover("Domestic Homicide Review: Overview Report into the death of 'Anna'",
                 ["Safer Northbridge Partnership – DHR-2022-07", "Report author: R. Ashby, Independent Chair",
                  "Completed: October 2023", "OFFICIAL-SENSITIVE"]))  # fmt: skip
    r.contents_here()
    standard_body(r, ANNA, partnership="Safer Northbridge Partnership", kind="Domestic Homicide Review",
                  analysis=790, chronology=95, traps={k: list(v) for k, v in ANNA_TRAPS.items()})  # fmt: skip
    r.chapter("Recommendations")
    r.para("The review panel makes the following recommendations. Each names the agency it is addressed to, and the "
           "Safer Northbridge Partnership will oversee the action plan.")  # fmt: skip
    for n, text in enumerate(ANNA_RECOMMENDATIONS):
        if n == 3:
            r.add(("fill", 2))  # the recommendation runs on to the next page
        r.para(text)
    r.para("The Safer Northbridge Partnership should write to the Home Office to ask that:")
    r.sub("the statutory guidance for these reviews gives examples of how to involve friends and colleagues;")
    r.sub("national awareness campaigns include older women and economic abuse. (National)")
    r.add(("h1", "Appendix A: Glossary"),
          ("p", "DASH: the domestic abuse, stalking and harassment risk checklist."),
          ("p", "MARAC: Multi-Agency Risk Assessment Conference."),
          ("p", "IMR: Individual Management Review, an agency's report on its own contact."),
          ("h1", "Appendix B: Action plan"),
          ("p", "The action plan for this review is published separately by the Safer Northbridge Partnership."))  # fmt: skip
    return r.finish()


KAY = Cast(
    victim="Kay",
    other="Dean",
    child="Ruby",
    place="Eastmere",
    agencies=(
        "Northshire Police",
        "Eastmere Integrated Care Board",
        "Eastmere Council Housing Service",
        "Eastmere Children's Social Care",
        "Eastmere NHS Trust",
        "Eastmere Domestic Abuse Service",
    ),
    year=2021,
)
POLICE = "Northshire Police"
ICB = "Eastmere Integrated Care Board"
HOUSING = "Eastmere Council Housing Service"
CSP = "Eastmere Community Safety Partnership"
# (list, agency heading or None, text, [(action, lead, milestone, target, completion)])
KAY_RECOMMENDATIONS: list[tuple[str, str | None, str, list[tuple[str, str, str, str, str]]]] = [
    ("police", POLICE, "Northshire Police should review how call handlers identify repeat calls from one address, so "
     "that officers know the history before they attend.",
     [("Add a repeat-address flag to the call handling system.", POLICE, "Change requested", "March 2023", ""),
      ("Brief all call handlers on the flag and audit its use after three months.", POLICE, "", "30/06/2023",
       "")]),
    ("police", POLICE, "Northshire Police should ensure that officers complete the risk assessment with the victim "
     "away from the suspect.",
     [("Remind response officers through the monthly briefing.", POLICE, "Briefing issued", "31/01/2023",
       "Completed 14/02/2023. Briefing read by 412 officers")]),
    ("icb", ICB, "Eastmere Integrated Care Board should provide training for GP practices on asking about domestic "
     "abuse when a patient attends with low mood or anxiety.",
     [("Deliver two training sessions for each primary care network.", ICB, "Six sessions held", "Q2 2023/24", ""),
      ("Add domestic abuse prompts to the consultation template.", "Dr H. Varma", "", "September 2023", "")]),
    ("icb", ICB, "Eastmere Integrated Care Board should audit how practices respond to letters reporting an "
     "overdose.",
     [("Audit 30 discharge letters across ten practices.", ICB, "", "December 2023", "")]),
    ("housing", HOUSING, "Eastmere Council Housing Service should record the reason for damage to a property and "
     "consider whether it indicates domestic abuse.",
     [("Change the repair report form to ask how the damage happened.", "Head of Housing Options", "",
       "Ongoing", "")]),
    ("multi", None, f"The {CSP} should publish a protocol for sharing information about domestic abuse between "
     "housing providers, health services and the police.",
     [("Draft the protocol with the three agencies.", CSP, "First draft agreed", "June 2023", ""),
      ("Publish the protocol and hold a launch event.", CSP, "", "October 2023", "")]),
    ("multi", None, f"The {CSP} should seek assurance that children living with domestic abuse are referred to "
     "Children's Social Care when abuse is reported.",
     [("Audit police notifications to Children's Social Care for one quarter.", "Eastmere Children's Social Care",
       "", "Q4 2023/24", "")]),
    ("multi", None, f"The {CSP} should run a campaign to help friends, family and colleagues recognise coercive "
     "control and know where to get advice.",
     [("Design the campaign with survivors.", "Eastmere Domestic Abuse Service", "", "May 2024", ""),
      ("Run the campaign in workplaces.", CSP, "", "November 2024", "")]),
    ("national", None, "The Home Office should publish guidance on involving employers and colleagues in these "
     "reviews.",
     [("Write to the Home Office with the panel's findings.", CSP, "Letter sent", "31/03/2023",
       "Completed 20/03/2023. Letter sent")]),
    ("national", None, "The Department of Health and Social Care should ask NHS England to include routine enquiry "
     "about domestic abuse in the standard mental health assessment.",
     [("Write to the Department of Health and Social Care.", CSP, "", "31/03/2023", "")]),
]  # fmt: skip
KAY_SECTIONS = {"multi": "Multi-agency recommendations", "national": "National recommendations"}


def dhr_kay() -> list[Block]:
    """DHR 'Kay': typed paragraph numbers; recommendations under single-agency (one list per agency, each restarting
    at 1), multi-agency and national headings; an appendix action plan that repeats them with their actions."""
    r = Report(Prose(2021, KAY))
    r.add(*cover("Domestic Homicide Review – Overview Report – 'Kay'",
                 [f"{CSP} (DHR-2021-12)", "Independent Chair and Author: P. Lindqvist", "Final version, May 2022"]))  # fmt: skip
    r.contents_here()
    standard_body(r, KAY, partnership=CSP, kind="Domestic Homicide Review", analysis=400, chronology=60,
                  notes=False)  # fmt: skip
    r.chapter("Recommendations")
    r.para("The recommendations below are grouped by the agency or agencies that will lead them. The action plan at "
           "Appendix B sets out the actions agreed for each.")  # fmt: skip
    r.add(("h2", "Single agency recommendations"))
    heading = None
    counts: dict[str, int] = {}
    for key, agency, text, _ in KAY_RECOMMENDATIONS:
        shown = agency or KAY_SECTIONS[key]
        if shown != heading:
            r.add(("h3", agency) if agency else ("h2", shown))
            heading = shown
        counts[key] = counts.get(key, 0) + 1
        r.add(("li", text, str(counts[key]), key))
    r.add(("h1", "Appendix A: Glossary"),
          ("p", "ICB: Integrated Care Board, which plans and pays for local health services."),
          ("h1", "Appendix B: Action plan"),
          ("p", "The actions agreed by each agency. Progress is reported to the Partnership every quarter."),
          ("table", kay_plan(), [88, 40, 90, 62, 53, 59, 59]))  # fmt: skip
    return r.finish()


def kay_plan() -> list[list[str]]:
    rows: list[list[str]] = [
        [
            "Recommendation",
            "Scope of recommendation",
            "Action to take",
            "Lead agency",
            "Key milestones achieved in enacting recommendation",
            "Target date",
            "Date of completion and outcome",
        ]
    ]
    heading = None
    counts: dict[str, int] = {}
    for key, agency, text, actions in KAY_RECOMMENDATIONS:
        shown = agency or KAY_SECTIONS[key]
        if shown != heading:
            rows.append([shown])
            heading = shown
        counts[key] = counts.get(key, 0) + 1
        scope = "National" if key == "national" else "Local"
        for n, (action, lead, milestone, target, done) in enumerate(actions):
            first = [f"{counts[key]}. {text}", scope] if n == 0 else ["^", "^"]
            rows.append([*first, action, lead, milestone, target, done])
    return rows
