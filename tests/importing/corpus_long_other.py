"""Corpus: a long learning review whose analysis talks about recommendations, a long Domestic Homicide Review
copied out of a PDF as text, and a long review that makes no recommendations. Every name in them is invented."""

from __future__ import annotations

from tests.importing.corpus_long import Block, Report, cover, standard_body
from tests.importing.corpus_prose import Cast, Prose

SAB = "Westdale Safeguarding Adults Board"
GRACE = Cast(
    victim="Grace",
    other="Alan",
    child="Ella",
    place="Westdale",
    agencies=(
        "Westdale Integrated Care Board",
        "Westdale Council Adult Social Care",
        "Northshire Police",
        "Westdale Hospitals NHS Trust",
        "Westdale Homes",
    ),
    year=2022,
)
GRACE_RECOMMENDATIONS = [
    "Westdale Integrated Care Board should ensure that GP practices review patients who have been prescribed "
    "opiates for more than a year, and ask about their wider circumstances at the review.",
    "Westdale Council Adult Social Care should consider a carer's assessment whenever a family member is providing "
    "personal care.",
    "Northshire Police should share welfare concerns about older adults with Adult Social Care on the same day.",
    "Westdale Hospitals NHS Trust should include a safeguarding check in discharge planning for patients who live "
    "with a family carer.",
    f"The {SAB} should publish a briefing on the signs of carer strain and where to refer.",
    f"The {SAB} should seek assurance that agencies understand and use the escalation policy.",
]
GRACE_TRAPS = {
    "Westdale Integrated Care Board": [
        "The panel recommends that the ICB reviews its prescribing guidance; see recommendation 1.",
        "Recommendation 1 below asks the ICB to act on this.",
    ],
    "Westdale Council Adult Social Care": [
        "The panel recommends that staff are reminded of the duty to offer carers' assessments (recommendation 2).",
        "This is reflected in recommendation 4.",
    ],
    "Northshire Police": [
        "The force's own review recommended a change to its welfare check guidance, which the panel welcomes."
    ],
}


def llr_grace() -> list[Block]:
    """LLR 'Grace': the analysis says "the panel recommends..." and "see recommendation 4", quotes an agency's own
    recommendations, and has "Key learning" and "Implications for practice" headings; the only recommendations are
    those in the Recommendations chapter."""
    r = Report(Prose(2302, GRACE))
    r.add(*cover("Local Learning Review: 'Grace'", [f"{SAB} – LLR-2023-02", "Reviewer: S. Patel", "June 2023"]))
    r.contents_here()
    standard_body(r, GRACE, partnership=SAB, kind="Local Learning Review", analysis=260, chronology=50,
                  traps={k: list(v) for k, v in GRACE_TRAPS.items()}, notes=False,
                  opening=["This review looks at how agencies supported Grace, who was 81 and cared for by her "
                           "husband Alan, in the two years before she was admitted to hospital with serious "
                           "injuries in 2022.",
                           "Grace was not subject to a statutory review because she survived; the Board agreed "
                           "that there was learning for agencies in what happened."])  # fmt: skip
    r.para("The Trust's own review made two recommendations for its staff, which the panel supports:")
    r.add(("p", "a) ward staff will record who provides care at home;"),
          ("p", "b) discharge co-ordinators will speak to the carer before the day of discharge."))  # fmt: skip
    r.chapter("Learning from this review")
    r.add(("h2", "Key learning"))
    r.para("Carers can reach breaking point without anyone noticing, particularly when they are themselves old.")
    r.para("A person who depends on a carer may not feel able to speak about the care they receive.")
    r.add(("h2", "Implications for practice"))
    r.para("Ask carers how they are coping, and see the person cared for on their own.")
    r.chapter("Recommendations")
    for n, text in enumerate(GRACE_RECOMMENDATIONS, start=1):
        r.add(("lead", f"Recommendation {n}:", text))
    r.add(("h1", "Appendix: Agencies that contributed"),
          *[("p", agency) for agency in GRACE.agencies])  # fmt: skip
    return r.finish()


CSP = "Westdale Community Safety Partnership"
RUTH = Cast(
    victim="Ruth",
    other="Colin",
    child="Amy",
    place="Westdale",
    agencies=(
        "Northshire Police",
        "Westdale Integrated Care Board",
        "Westdale Council Housing",
        "Westdale Probation Service",
        "Westdale Drug and Alcohol Service",
        "Westdale Hospitals NHS Trust",
    ),
    year=2020,
)
RUTH_RECOMMENDATIONS: list[tuple[str | None, str]] = [
    ("Single agency recommendations",
     "Northshire Police should ensure that officers who attend a domestic abuse incident check for earlier "
     "incidents at the address and with the same people."),
    (None, "Westdale Integrated Care Board should remind GP practices to code disclosures of domestic abuse so "
           "that they can be seen at later appointments."),
    (None, "Westdale Probation Service should share risk information about people on licence with the housing "
           "provider when they move address."),
    (None, "Westdale Drug and Alcohol Service should ask about domestic abuse, as victim or perpetrator, at every "
           "assessment and review."),
    ("Multi-agency recommendations",
     f"The {CSP} should seek assurance that agencies understand the link between alcohol misuse and domestic "
     "abuse, and train staff accordingly."),
    (None, f"The {CSP} should review the MARAC referral pathway so that repeat victims are identified."),
    ("National recommendation",
     "The Home Office should consider including the experience of older victims in its statutory guidance. "
     "(National)"),
]  # fmt: skip


def dhr_ruth() -> list[Block]:
    """DHR 'Ruth', for its plain-text copy: numbered paragraphs throughout, and recommendations that continue the
    chapter's numbering (13.2...) under single-agency, multi-agency and national sub-headings."""
    r = Report(Prose(2008, RUTH))
    r.add(*cover("Domestic Homicide Review into the death of 'Ruth'",
                 [f"{CSP} (DHR-2020-08)", "Overview report", "Author: D. Hughes"]))  # fmt: skip
    r.contents_here()
    standard_body(r, RUTH, partnership=CSP, kind="Domestic Homicide Review", analysis=330, chronology=60,
                  notes=False)  # fmt: skip
    r.chapter("Recommendations")
    r.para("The panel makes the following recommendations, listed by the agencies that will lead them.")
    for heading, text in RUTH_RECOMMENDATIONS:
        if heading:
            r.add(("h2", heading))
        r.para(text)
    r.add(("h1", "Glossary"), ("p", "MARAC: Multi-Agency Risk Assessment Conference."))
    return r.finish()


EASTMERE_SAB = "Eastmere Safeguarding Adults Board"
MARIA = Cast(
    victim="Maria",
    other="Tony",
    child="Luca",
    place="Eastmere",
    agencies=(
        "Eastmere Council Adult Social Care",
        "Eastmere Integrated Care Board",
        "Northshire Police",
        "Eastmere NHS Trust",
        "Eastmere Housing Association",
    ),
    year=2022,
)


def llr_maria() -> list[Block]:
    """LLR 'Maria': a whole report with a contents page, terms of reference (which mention making recommendations),
    numbered paragraphs that say what agencies should do, findings and lessons, and no recommendations."""
    r = Report(Prose(2205, MARIA))
    r.add(*cover("Local Learning Review: 'Maria'", [f"{EASTMERE_SAB} – LLR-2022-05", "Reviewer: K. Adeyemi",
                                                    "Final report, November 2022"]))  # fmt: skip
    r.contents_here()
    standard_body(r, MARIA, partnership=EASTMERE_SAB, kind="Local Learning Review", analysis=240, chronology=50,
                  notes=False)  # fmt: skip
    r.chapter("Findings")
    for finding in [
        "Agencies should have shared information about Tony's drinking sooner.",
        "Maria's wish to stay at home was respected, but the risks of staying were not discussed with her.",
        "Practitioners must be supported to challenge decisions they disagree with.",
    ]:
        r.para(finding)
    r.chapter("Next steps")
    r.para("The panel has not made formal recommendations. Each agency has already changed its practice, and "
           "the Board will share the learning from this review through a briefing and a practitioner event.")  # fmt: skip
    return r.finish()
