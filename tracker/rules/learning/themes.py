"""Themes suggested from a recommendation's text: the cue terms of each theme on the starting list.

A theme is suggested when the text holds one of its cues (as `words.terms` reads them); the page also
offers the themes of the earlier recommendations that say the same thing. A person confirms every
suggestion: nothing here is saved.
"""

from __future__ import annotations

from tracker.rules.learning.words import terms

# Theme (as on the starting list, docs/domain.md) -> the terms that suggest it.
CUES: dict[str, frozenset[str]] = {
    name: frozenset(cues.split())
    for name, cues in {
        "Information sharing": "share information disclose",
        "Multi-agency working": "multiagency marac mash strategy_meeting",
        "Risk assessment and management (DASH, MARAC)": "dash marac risk",
        "Training and awareness": "train awareness brief",
        "Policies and procedures": "policy",
        "Professional curiosity": "curiosity",
        "Record keeping": "record chronology flag",
        "Referrals and thresholds": "refer threshold",
        "Voice of the victim or child": "voice",
        "Engagement and missed appointments": "missed_appointment engage",
        "Family and carer concerns": "family_member carer father mother",
        "Mental health": "mental_health dual_diagnosis suicide",
        "Substance use": "substance_use alcohol drug dual_diagnosis",
        "Coercive control and other abuse (economic abuse, stalking)": "coercive_control economic_abuse stalking",
        "Separation and relationship breakdown": "separation",
        "Domestic abuse and harm to children": "child baby",
        "Self-neglect": "self_neglect",
        "Mental capacity": "mental_capacity best_interests",
        "Equality, culture and interpreters": "interpreter language culture disability",
        "Leadership and organisational culture": "leadership org_culture",
        "Governance and assurance": "assure audit governance embed",
        "Workforce capacity": "workforce supervision",
        "Transitions and handover": "transition discharge custody",
        "Housing and multiple disadvantage": "housing homeless",
        "Carers and young carers": "carer young_carer",
        "Risks outside the family": "exploitation",
        "Access to services": "delay access",
        "Armed forces": "armed_forces",
        "Maternity": "maternity",
        "Perpetrator work": "perpetrator perpetrator_programme",
        "National policy and funding": "national home_office dhsc dfe moj nhs_england mhclg fund",
        "Recurring learning (known but not acted on)": "repeat",
    }.items()
}


def suggested_themes(text: str) -> list[str]:
    """The starting list's themes whose cues the text holds, in the list's order."""
    said = set(terms(text))
    return [name for name, cues in CUES.items() if said & cues]
