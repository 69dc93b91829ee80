"""Corpus: a long Safeguarding Adults Review and a long Local Child Safeguarding Practice Review, each listing its
recommendations twice (briefly near the front, in full at the end). Every name in them is invented."""

from __future__ import annotations

from tests.importing.corpus_long import Block, Report, cover, standard_body
from tests.importing.corpus_prose import Cast, Prose

BOARD = "Westdale Safeguarding Adults Board"
MRS_T = Cast(
    victim="Mrs T",
    other="Paul",
    child="Ellen",
    place="Westdale",
    agencies=(
        "Westdale Council Adult Social Care",
        "Westdale Integrated Care Board",
        "Westdale Homes",
        "Westdale Fire and Rescue Service",
        "Westdale Hospitals NHS Trust",
        "Westdale Mental Health Partnership",
        "Northshire Police",
    ),
    year=2023,
)
# (short form for the summary, full recommendation, addressed to, scope)
SAR_RECOMMENDATIONS = [
    ("Assurance that the self-neglect procedure is used.",
     "The Board should seek assurance from partner agencies that the self-neglect procedure is used when a person "
     "repeatedly declines care and support, and that its use is audited each year.", BOARD, "Local"),
    ("Record mental capacity assessments, including executive capacity.",
     "Westdale Council Adult Social Care should ensure that mental capacity assessments about care at home are "
     "recorded, including whether the person can carry out the decisions they make.",
     "Westdale Council Adult Social Care", "Local"),
    ("Follow up missed long-term condition reviews.",
     "Westdale Integrated Care Board should review how GP practices follow up people who miss diabetes and other "
     "long-term condition reviews, so that repeated non-attendance prompts a conversation rather than a letter.",
     "Westdale Integrated Care Board", "Local"),
    ("Refer hoarding to Fire and Rescue.",
     "Westdale Homes should refer tenants to Fire and Rescue for a home safety visit whenever hoarding is seen, "
     "and record that the referral was made.", "Westdale Homes", "Local"),
    ("Share the outcome of home safety visits.",
     "Westdale Fire and Rescue Service should share the outcome of home safety visits with the agency that "
     "referred the person, including when the visit could not take place.",
     "Westdale Fire and Rescue Service", "Local"),
    ("Involve community services in discharge planning.",
     "Westdale Hospitals NHS Trust should involve community services in discharge planning for people who live "
     "alone and decline care, before the day of discharge.", "Westdale Hospitals NHS Trust", "Local"),
    ("Offer carers' assessments to family carers.",
     "Westdale Council Adult Social Care should offer carers' assessments to family members who provide care, "
     "even when the person they care for declines services.", "Westdale Council Adult Social Care", "Local"),
    ("Guidance on working with people who are hard to engage.",
     "The Board should develop multi-agency guidance on working with people who are hard to engage, drawing on "
     "the experience of practitioners who took part in this review.", BOARD, "Local"),
    ("Discuss discharge after non-attendance with the GP.",
     "Westdale Mental Health Partnership should ensure that discharge from its services after non-attendance is "
     "discussed with the GP before the case is closed.", "Westdale Mental Health Partnership", "Local"),
    ("Share welfare concerns through the referral route.",
     "Northshire Police should share concerns found during welfare checks with Adult Social Care through the "
     "agreed referral route, on the day of the check.", "Northshire Police", "Local"),
    ("Assurance that the escalation policy is used.",
     "The Board should seek assurance that the escalation policy is understood and used by frontline staff, "
     "through a survey and an audit of cases escalated in the year.", BOARD, "Local"),
    ("Write to DHSC about national guidance on self-neglect.",
     "The Board should write to the Department of Health and Social Care about the lack of national guidance on "
     "self-neglect and hoarding, and share this review with it.", BOARD, "National"),
]  # fmt: skip
RATIONALE = (
    " The review found that {v}'s situation was known to several agencies, each of which saw only part of it. "
    "Practitioners told the review that they would welcome clearer expectations."
)


def sar_mrs_t() -> list[Block]:
    """SAR 'Mrs T': a summary list in the executive summary, then the full recommendations in a long ruled table
    that runs over several pages with its header row repeated."""
    r = Report(Prose(2023, MRS_T))
    r.add(*cover("Safeguarding Adults Review: 'Mrs T'", [f"{BOARD} (SAR-2023-04)", "Independent reviewer: J. Mercer",
                                                         "Published March 2024"]))  # fmt: skip
    r.contents_here()
    r.add(("h1", "Executive summary"),
          ("p", "Mrs T was 79 and lived alone in a flat in Westdale. She died in hospital after a fall at home, "
                "having declined most offers of care for three years."),
          ("p", "This summary sets out the main findings. The full recommendations are at section 13."),
          ("h2", "Key findings"),
          ("bullet", "Mrs T's refusals of care were accepted without exploring why she refused."),
          ("bullet", "No agency used the self-neglect procedure, although its criteria were met."),
          ("bullet", "Agencies should have shared what they knew about the hoarding sooner."),
          ("h2", "Summary of recommendations"))  # fmt: skip
    for n, (short, *_rest) in enumerate(SAR_RECOMMENDATIONS, start=1):
        r.add(("li", short, str(n), "summary"))
    r.add(("page",))
    standard_body(r, MRS_T, partnership=BOARD, kind="Safeguarding Adults Review", analysis=420, chronology=70,
                  opening=["This review looks at how agencies worked with Mrs T, who lived alone and declined care, "
                           "in the three years before her death in 2023.",
                           "Mrs T had diabetes, arthritis and a long history of hoarding. Her son Paul visited "
                           "each week and was worried about her."])  # fmt: skip
    r.chapter("Recommendations")
    r.para("The Board accepted all twelve recommendations. They are set out below with the agency each is "
           "addressed to.")  # fmt: skip
    rows = [["No.", "Recommendation", "Addressed to", "Scope"]]
    for n, (_short, full, agency, scope) in enumerate(SAR_RECOMMENDATIONS, start=1):
        rows.append([str(n), full + RATIONALE.format(v=MRS_T.victim), agency, scope])
    r.add(("table", rows, [34, 270, 110, 50]))
    r.add(("h1", "Appendix: Glossary"), ("p", "Executive capacity: being able to carry out a decision once made."))
    return r.finish()


CHILD_L = Cast(
    victim="Child L's mother",
    other="Mr S",
    child="Child L",
    place="Eastmere",
    agencies=(
        "Eastmere Children's Social Care",
        "Eastmere NHS Trust",
        "Eastmere Primary School",
        "Northshire Police",
        "Eastmere Early Help Service",
    ),
    year=2023,
)
PARTNERSHIP = "Eastmere Safeguarding Children Partnership"
CSPR_RECOMMENDATIONS = [
    ("Health visitors to see children at home when neglect is suspected.",
     f"The {PARTNERSHIP} should seek assurance that health visitors see children in the home at every contact "
     "when neglect is suspected.",
     "Two of the five health visiting contacts took place at the clinic, where the state of the home could not "
     "be seen."),
    ("Include fathers and other men in the household in assessments.",
     "Eastmere Children's Social Care should ensure that fathers and other men in the household are identified "
     "and included in every assessment.",
     "Mr S lived in the home for most of the period but was not spoken to by any agency."),
    ("Follow up children's missed health appointments as a possible sign of neglect.",
     "Eastmere NHS Trust should review how missed health appointments for children are followed up, so that a "
     "pattern of non-attendance is recognised as a possible sign of neglect.",
     "Child L missed seven appointments in a year; each was dealt with on its own."),
    ("Schools to record concerns about presentation and share those that persist.",
     "Schools in Eastmere should record each concern about a child's presentation, such as hunger or poor "
     "hygiene, and share concerns that persist with the designated safeguarding lead.",
     "Staff noticed that Child L was often hungry, but the concerns were not recorded together."),
    ("Relaunch the neglect toolkit and audit its use.",
     f"The {PARTNERSHIP} should relaunch the neglect toolkit and audit its use in a sample of cases six months "
     "later.",
     "Few practitioners who took part in the review had used the toolkit."),
    ("Record the child's voice in assessments and plans.",
     "Eastmere Children's Social Care should ensure that the child's own words and experience are recorded in "
     "assessments and plans.",
     "Child L's views appear once in the records, in a school note."),
    ("Promote and monitor the use of the escalation policy.",
     f"The {PARTNERSHIP} should remind practitioners of the escalation policy and seek assurance that it is used "
     "when they disagree with a decision.",
     "Two practitioners disagreed with the decision to close the case but did not escalate it."),
    ("Write to the Department for Education about guidance on neglect and parental alcohol use.",
     "The Partnership should write to the Department for Education asking that national guidance on neglect "
     "include the needs of children whose parents misuse alcohol. (National)",
     "There is no national guidance that brings the two together."),
]  # fmt: skip


def cspr_child_l() -> list[Block]:
    """CSPR 'Child L': paragraphs numbered 1, 2, 3... under unnumbered headings; a short "Summary of recommendations"
    in the executive summary; the full recommendations at the end, each under its own "Recommendation N" heading
    with a bold lead sentence and the reasons below it."""
    r = Report(Prose(2311, CHILD_L), continuous=True)
    r.add(*cover("Local Child Safeguarding Practice Review: 'Child L'",
                 [f"{PARTNERSHIP} – CSPR-2023-11", "Lead reviewer: A. Osei", "January 2024"]))  # fmt: skip
    r.contents_here()
    r.add(("h1", "Executive summary"),
          ("p", "Child L was six when she was taken into care after a neighbour reported that she had been left "
                "alone for two days. This review looks at the two years before that."),
          ("p", "The review found that each agency held part of the picture of neglect, and that no one put the "
                "parts together."),
          ("h2", "Summary of recommendations"),
          ("p", "The review makes eight recommendations, set out in full in the final section:"))  # fmt: skip
    for n, (short, _full, _why) in enumerate(CSPR_RECOMMENDATIONS, start=1):
        r.add(("li", short, str(n), "summary"))
    r.add(("page",))
    standard_body(r, CHILD_L, partnership=PARTNERSHIP, kind="Child Safeguarding Practice Review", analysis=330,
                  chronology=60, notes=False,
                  opening=["This review was commissioned after Child L was found alone at home in 2023.",
                           "Child L lived with her mother and, for most of the period, her mother's partner Mr S. "
                           "She has a younger brother."])  # fmt: skip
    r.chapter("Recommendations")
    for n, (_short, full, why) in enumerate(CSPR_RECOMMENDATIONS, start=1):
        lead, _, rest = full.partition(" should ")
        r.add(("h3", f"Recommendation {n}"), ("lead", f"{lead} should {rest}", why),
              ("p", "The Partnership will ask for evidence of the difference this has made within a year."))  # fmt: skip
    r.add(("h1", "Appendix A: Terms of reference"),
          ("p", "The review was asked to consider how agencies recognised and responded to neglect."))  # fmt: skip
    return r.finish()
