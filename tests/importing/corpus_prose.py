"""Invented prose for the long corpus reports: paragraphs composed from sentence patterns, the same every run.

Nothing here is taken from a real review. The sentences are written for the corpus, and the people, places
and agencies they name are invented ("Northbridge", "Eastmere", "Westdale"); `Prose(seed)` picks among
them with its own random generator, so every regeneration gives the same documents.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip

ROLES = [
    "GP",
    "practice nurse",
    "health visitor",
    "police officer",
    "call handler",
    "housing officer",
    "social worker",
    "IDVA",
    "community psychiatric nurse",
    "paramedic",
    "school nurse",
    "probation officer",
    "support worker",
    "pharmacist",
    "midwife",
]
TOPICS = [
    "information sharing",
    "routine enquiry about abuse",
    "risk assessment",
    "professional curiosity",
    "record keeping",
    "supervision",
    "referral thresholds",
    "carers' assessments",
    "mental capacity",
    "missed appointments",
    "interpreting services",
    "hospital discharge",
    "substance use",
    "economic abuse",
    "coercive and controlling behaviour",
    "self-neglect",
    "multi-agency working",
    "follow-up of non-attendance",
]
CHRONOLOGY = [
    "{v} attended the {a} surgery and told the {role} that {pv} was not sleeping and felt anxious. "
    "A follow-up appointment was offered for {weeks} weeks later.",
    "Police were called by a neighbour who heard shouting at the address. Officers spoke to {v} and {o}; "
    "{v} said that nothing had happened and no offence was recorded.",
    "The housing officer visited to inspect a repair to the front door. The tenancy file notes the damage but "
    "not how it had happened.",
    "{v} did not attend an outpatient appointment at Eastmere General Hospital. A letter was sent to {pp} and "
    "a copy went to the GP.",
    "{o} was seen by the community mental health team after a referral from his GP. He described low mood and "
    "said that he was drinking more than he used to.",
    "A risk assessment was completed by an attending officer and scored {score}. It was graded as medium risk "
    "and no referral to the MARAC was made.",
    "{v} called the Westdale helpline and asked about housing options. She was given the number of the local "
    "outreach service, which has no record of a call.",
    "The pharmacist noticed that {v} had collected a prescription early twice and asked whether she was "
    "managing. The conversation is recorded in one line.",
    "An ambulance crew attended after {v} fell at home. The crew recorded bruising to both arms and a "
    "safeguarding concern was raised with Adult Social Care.",
    "Adult Social Care screened the concern and closed it the same day, recording that {v} had capacity and "
    "did not want any further contact.",
    "{o} appeared at Westdale Magistrates' Court for a driving offence. The court was not told of the "
    "earlier call-outs to the address.",
    "The school nurse saw {c} at a drop-in session. {c} said that home was 'noisy' and that {pc} did not "
    "like weekends.",
    "{v} told a friend, who has spoken to the review, that {o} checked her telephone and took her bank card.",
    "A support worker from the Northbridge recovery service visited {o} at home. {v} answered the door and "
    "the worker noted that she seemed 'on edge'.",
    "The GP practice received a discharge letter which said that {v} had taken an overdose of paracetamol. "
    "The practice coded the letter but did not contact her.",
    "Probation completed a pre-sentence report on {o}. The report author did not contact the police "
    "domestic abuse unit for information about the household.",
]
OPENINGS = [
    "{a} had {n} contacts with {v} during the period under review.",
    "The panel considered the contact that {a} had with the family in {year}.",
    "The agency's report sets out its contact in detail, and the panel is grateful for its openness.",
    "Practitioners from {a} met the review at the learning event in {month} {year2}.",
    "The records of {a} show a pattern of short contacts, each dealt with on its own.",
]
MIDDLES = [
    "The panel considered whether the {role} should have asked about abuse at this point.",
    "Routine enquiry is expected by the agency's own policy, but the records do not show that it took place.",
    "There is no record that this information was shared with {b}.",
    "Had it been shared, a fuller picture of the risk to {v} might have emerged sooner.",
    "Staff told the review that they were not confident to ask about abuse when a partner was present.",
    "The risk assessment was completed, but its answers were not used to plan what would happen next.",
    "The form was saved in the record and was not discussed with a supervisor.",
    "Practitioners described high caseloads during {year}, and the agency confirmed that the team had vacancies.",
    "The agency's guidance on {topic} was last revised in {year0} and does not mention {topic2}.",
    "Each contact was handled promptly, yet no one stepped back to look at the contacts together.",
    "The review heard that {v} often cancelled appointments at short notice, which was seen as her choice.",
    "Information about {o}'s drinking was held by one agency and was not known to the others.",
    "The threshold for a referral was understood differently by the two teams involved.",
    "The {role} recorded what {v} said but not what was seen, so the record gives only part of the picture.",
    "This was a missed opportunity for the kind of multi-agency conversation that the local procedures expect.",
    "The panel heard that the electronic record did not prompt staff to check for earlier concerns.",
    "Interpreting was not offered, although {v}'s first language was not English.",
    "There was no follow-up when the letter to {v} went unanswered.",
]
CLOSINGS = [
    "The panel found good practice here: the {role} followed up by telephone and wrote when calls went unanswered.",
    "The agency has already changed its practice in response, and the panel welcomes this.",
    "This theme recurs in the analysis below.",
    "The same pattern was seen in the contact of other agencies.",
    "The panel accepts the agency's account of why this happened.",
    "The analysis of this period is drawn from the records and from the conversation with practitioners.",
]


@dataclass(frozen=True)
class Cast:
    victim: str
    other: str
    child: str
    place: str
    agencies: tuple[str, ...]
    year: int


class Prose:
    """Paragraphs for one invented case, the same for the same seed."""

    def __init__(self, seed: int, cast: Cast) -> None:
        self.random = random.Random(seed)
        self.cast = cast

    def _fill(self, pattern: str, agency: str | None = None) -> str:
        c, r = self.cast, self.random
        other_agencies = [a for a in c.agencies if a != agency] or list(c.agencies)
        values = {
            "v": c.victim,
            "o": c.other,
            "c": c.child,
            "pv": "she",
            "pp": "her",
            "pc": "they",
            "a": agency or r.choice(c.agencies),
            "b": r.choice(other_agencies),
            "role": r.choice(ROLES),
            "topic": r.choice(TOPICS),
            "topic2": r.choice(TOPICS),
            "weeks": r.choice(["two", "three", "four", "six"]),
            "score": str(r.randint(8, 13)),
            "n": str(r.randint(6, 41)),
            "year": str(c.year - r.randint(0, 2)),
            "year0": str(c.year - r.randint(4, 9)),
            "year2": str(c.year + 1),
            "month": r.choice(MONTHS),
        }
        text = pattern.format(**values)
        return text[0].upper() + text[1:]

    def paragraph(self, agency: str | None = None, sentences: int | None = None) -> str:
        r = self.random
        count = sentences or r.randint(3, 5)
        parts = [self._fill(r.choice(OPENINGS), agency)]
        parts += [self._fill(s, agency) for s in r.sample(MIDDLES, count - 2)]
        parts.append(self._fill(r.choice(CLOSINGS), agency))
        return " ".join(parts)

    def chronology(self, count: int, start: date) -> list[str]:
        r = self.random
        day = start
        out = []
        for _ in range(count):
            day += timedelta(days=r.randint(9, 40))
            event = self._fill(r.choice(CHRONOLOGY))
            out.append(f"On {day.day} {MONTHS[day.month - 1]} {day.year}, {event[0].lower()}{event[1:]}")
        return out

    def sentence(self, patterns: list[str]) -> str:
        return self._fill(self.random.choice(patterns))


# Long words the PDF and text renderings may break at a line end, with where they break.
_BREAK_POINTS = """practi|tioners infor|mation safe|guarding recom|mendation recom|mendations appoint|ments
    assess|ment assess|ments profes|sional under|standing organi|sation respon|sibility neigh|bour
    manage|ment consider|ation relation|ship relation|ships docu|mented commis|sioned enquir|ies
    vulner|ability assur|ance proced|ures super|vision accommo|dation discus|sion"""
BREAKS = {w.replace("|", ""): w for w in _BREAK_POINTS.split()}


def soft_hyphens(text: str) -> str:
    """The text with a soft hyphen where each long word may break, as a typesetter's hyphenation would."""
    return re.sub(r"[A-Za-z]{8,}", lambda m: BREAKS.get(m[0], m[0]).replace("|", "\u00ad"), text)
