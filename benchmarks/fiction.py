"""Fictional places, agencies, people and wording for the generated data: nothing here is from a real review."""

from __future__ import annotations

import random

_STARTS = [
    "Ash", "Bram", "Cold", "Dun", "Elm", "Fen", "Gar", "Hol", "Ivy", "Kes", "Lang", "Marl", "Nor", "Oak",
    "Pen", "Quar", "Rud", "Stan", "Thorn", "Ul", "Ver", "Wick", "Yar", "Brack", "Cran", "Fal", "Hart", "Lin",
]  # fmt: skip
_ENDS = ["ford", "bridge", "ton", "moor", "ley", "wick", "field", "combe", "stead", "holme", "borough", "dale"]

# Agencies that cover a region (several partnerships), and those of one place.
REGIONAL_KINDS = [
    ("{r} Police", "Police"),
    ("{r} NHS Foundation Trust", "Acute trust"),
    ("{r} Mental Health Partnership Trust", "Mental health"),
    ("{r} Integrated Care Board", "ICB"),
    ("{r} Probation Delivery Unit", "Probation"),
    ("{r} Ambulance Service", "Ambulance"),
    ("{r} Fire and Rescue Service", "Fire"),
    ("{r} Domestic Abuse Service", "DA service"),
    ("{r} Community Health Services", "Community health"),
    ("{r} Drug and Alcohol Service", "Substance use"),
]
LOCAL_KINDS = [
    ("{p} Council Adult Social Care", "ASC"),
    ("{p} Council Children's Social Care", "CSC"),
    ("{p} Housing Services", "Housing"),
    ("{p} Education Services", "Education"),
]
PARTNERSHIP_KINDS = [
    ("CSP", "{p} Community Safety Partnership", ["DHR", "DHR", "DHR", "DARDR", "THEMATIC"]),
    ("SAB", "{p} Safeguarding Adults Board", ["SAR", "SAR", "SAR", "LLR", "THEMATIC"]),
    ("SCP", "{p} Safeguarding Children Partnership", ["CSPR", "CSPR", "LLR", "LLR", "OTHER"]),
]
THEMES = [
    "Information sharing", "Multi-agency working", "Risk assessment and management (DASH, MARAC)",
    "Training and awareness", "Policies and procedures", "Professional curiosity", "Record keeping",
    "Referrals and thresholds", "Voice of the victim or child", "Engagement and missed appointments",
    "Family and carer concerns", "Mental health", "Substance use", "Coercive control and other abuse",
    "Separation and relationship breakdown", "Domestic abuse and harm to children", "Self-neglect",
    "Mental capacity", "Equality, culture and interpreters", "Leadership and organisational culture",
    "Governance and assurance", "Workforce capacity", "Transitions and handover",
    "Housing and multiple disadvantage", "Carers and young carers", "Risks outside the family",
    "Access to services", "Armed forces", "Maternity", "Perpetrator work",
]  # fmt: skip
_PEOPLE = ["Adult", "Child", "Mr", "Ms", "Mrs", "Baby"]
_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
_FIRST = ["Amira", "Ben", "Carys", "Dev", "Eilidh", "Femi", "Gail", "Hamza", "Iona", "Jonah", "Kiran", "Lena",
          "Marcus", "Nia", "Owen", "Priya", "Rhys", "Sana", "Tomasz", "Una", "Viktor", "Wren", "Yusuf"]  # fmt: skip
_SURNAMES = ["Okafor", "Lindqvist", "Marsh", "Patel", "Ross", "Nowak", "Hughes", "Adeyemi", "Byrne", "Cole",
             "Das", "Evans", "Fraser", "Grant", "Hale", "Iqbal", "Jones", "Kerr", "Lowe", "Mensah"]  # fmt: skip
_JOBS = ["safeguarding lead", "head of service", "named nurse", "detective inspector", "team manager",
         "designated safeguarding lead", "service manager", "practice lead", "quality lead"]  # fmt: skip
_VERBS = ["Deliver", "Review", "Audit", "Publish", "Embed", "Update", "Introduce", "Agree", "Test", "Reissue",
          "Evaluate", "Commission", "Strengthen", "Brief staff on", "Monitor"]  # fmt: skip
_OBJECTS = [
    "refresher training on coercive control", "the referral pathway to MARAC", "the DASH risk checklist",
    "the missed-appointments policy", "guidance on professional curiosity", "the information-sharing agreement",
    "the escalation policy", "routine enquiry about domestic abuse", "the self-neglect protocol",
    "the mental capacity assessment template", "the transition protocol from children's to adults' services",
    "the interpreter booking process", "the carers' assessment offer", "supervision records",
    "the hospital discharge checklist", "the multi-agency chronology template", "the housing allocation policy",
    "joint visits where risk is high", "the stalking screening questions", "case recording standards",
]  # fmt: skip
_WHO = ["for frontline officers", "for GP practices", "across adult social care", "for health visitors",
        "for housing officers", "for ward staff", "in the contact centre", "for the early help teams",
        "for probation practitioners", "across the partnership"]  # fmt: skip
_WHEN = ["by the end of the year", "within six months", "before the next audit", "by March",
         "within the quarter", "by the autumn", "as part of the annual plan"]  # fmt: skip
_RECOMMENDS = [
    "Agencies should make sure that {o} is understood and used {w}.",
    "The partnership should seek assurance that {o} is in place {w}.",
    "{O} should be revised so that risk is shared {w}.",
    "The board should receive evidence that {o} works in practice {w}.",
]  # fmt: skip
_UPDATES = [
    "Half of the teams have completed the training; the rest are booked for next quarter.",
    "The draft has been shared with partners for comment and comes back to the subgroup next month.",
    "An audit of 40 cases found the new questions asked in most of them; we are following up the gaps.",
    "Staff briefings are done. The policy is on the intranet and managers have been asked to check use.",
    "Delayed by vacancies in the team; a new date is proposed and the work is now resourced.",
    "The pathway is live. Referrals have risen and the first review of them is planned.",
    "We met the other agencies to agree the wording; sign-off is at the next governance meeting.",
]  # fmt: skip
_OUTCOMES = [
    "Every team has been trained and a dip-sample shows the change in practice.",
    "The revised policy is published and an audit shows it is followed.",
    "Referrals are now made on the day risk is identified; the audit attached shows it.",
]  # fmt: skip


def places(count: int, rng: random.Random) -> list[str]:
    names = [a + b for a in _STARTS for b in _ENDS]
    rng.shuffle(names)
    return names[:count]


def pseudonym(rng: random.Random) -> str:
    return f"{rng.choice(_PEOPLE)} {rng.choice(_LETTERS)}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_SURNAMES)}"


def owner(rng: random.Random) -> str:
    return f"{person(rng)}, {rng.choice(_JOBS)}"


def action_text(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_WHO)} {rng.choice(_WHEN)}."


def recommendation_text(rng: random.Random) -> str:
    thing, who = rng.choice(_OBJECTS), rng.choice(_WHO)
    return rng.choice(_RECOMMENDS).format(o=thing, O=thing[0].upper() + thing[1:], w=who)


def update_text(rng: random.Random) -> str:
    return rng.choice(_UPDATES)


def outcome_text(rng: random.Random) -> str:
    return rng.choice(_OUTCOMES)
