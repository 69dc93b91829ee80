"""The sector's wider glossary, area by area: bodies and roles, harms, ways of working, the law, adults and health.

These phrases are read before the thesaurus's (`tracker.rules.learning.words`), so a particular phrase
("communication needs", "paid carers") is taken before a general one ("communicate", "carers") can be.
"""

from __future__ import annotations

PHRASES: list[tuple[str, str]] = [
    # Bodies and roles.
    (r"emergency duty teams?|edts?|out ?-? ?of ?-? ?hours (?:social work|services?|teams?)", "out_of_hours"),
    (r"cafcass|children and family court advisory and support service|family court advis[eo]rs?", "family_court"),
    (
        r"family courts?|child arrangements? orders?|contact arrangements?|private law (?:proceedings|cases?)",
        "family_court",
    ),
    (r"youth offending (?:teams?|services?)|yots?|youth justice(?: services?)?", "youth_justice"),
    (r"early help(?: services?| hubs?| assessments?)?", "early_help"),
    (r"district nurs\w*|community nurs\w*", "health community_nurse"),
    (
        r"paid carers?|domiciliary care(?: agenc(?:y|ies)| providers?| workers?)?"
        r"|home care (?:agenc(?:y|ies)|providers?|workers?)|care (?:agenc(?:y|ies)|providers?|workers?|staff)",
        "care_provider",
    ),
    (r"residential (?:providers?|settings?|homes?)", "care_home"),
    (r"care quality commission|cqc|the regulator|ofsted", "regulator"),
    (r"contract (?:monitoring|managers?|officers?|management)|contracts?", "commission monitor"),
    (
        r"key workers?|lead professionals?|care co ?-? ?ordinators?|named workers?|single point of contact",
        "lead_professional",
    ),
    (r"independent (?:mental capacity )?advoca\w*|imcas?|care act advoca\w*|advocacy|advocates?", "advocacy support"),
    (r"pharmac(?:y|ies|ists?)", "pharmacy"),
    (r"dentists?|dental(?: services?| practices?)?", "dental"),
    (r"jobcentre(?: plus)?|dwp|department for work and pensions", "dwp"),
    (
        r"crisis (?:teams?|lines?|services?)|home treatment teams?|street triage|place of safety|section 136|s136",
        "mental_health crisis",
    ),
    (r"approved mental health professionals?|amhps?|mental health act|sectioned|detained under", "mental_health_act"),
    # Harms.
    (r"modern slavery|(?:human )?traffick\w*|forced labour|national referral mechanism|nrm", "modern_slavery"),
    (r"female genital mutilation|fgm|harmful practices?", "harmful_practice"),
    (r"(?:child )?sexual (?:abuse|violence|assault|offences?|offending)|rape|csa", "sexual_abuse"),
    (r"intra ?-? ?familial", "family_member"),
    (
        r"technology ?-? ?(?:facilitated|enabled)|tech ?-? ?(?:facilitated|enabled)|tracking apps?|location tracking",
        "digital",
    ),
    (
        r"(?:child|adolescent|children) to parent (?:violence|abuse)|capva|apva|abuse of (?:a |their )?parents?",
        "parent_abuse",
    ),
    (
        r"teenage relationship (?:abuse|violence)|(?:abuse|violence) in (?:teenage|young people'?s?) relationships",
        "teen_relationship domestic_abuse",
    ),
    (r"relationship abuse between (?:young people|teenagers|under ?-? ?18s)", "teen_relationship domestic_abuse"),
    (r"elder abuse|abuse of older (?:people|adults)", "older_people abuse"),
    (r"pressure (?:ulcers?|sores?|damage|injur(?:y|ies)|care)|bed ?-? ?sores?|tissue viability", "pressure_ulcer"),
    (r"malnutrition|malnourish\w*|dehydrat\w*|weight loss", "neglect"),
    (
        r"missing (?:children|episodes?|from home|from care)|went missing|goes missing|return home interviews?",
        "missing",
    ),
    # Ways of working.
    (r"chronolog\w*|timelines? of (?:contacts?|events?)", "chronology"),
    (
        r"worker ?-? ?to ?-? ?worker|professional ?-? ?to ?-? ?professional|direct conversations?|warm handovers?",
        "speak transition",
    ),
    (
        r"out of (?:the )?area|cross ?-? ?(?:border|boundary)|(?:between|another|other) (?:local )?authorit(?:y|ies)"
        r"|moves? (?:to|into) (?:another|a new|the) area",
        "cross_boundary",
    ),
    (r"positive action|arrest\w*", "arrest"),
    (r"bail(?: conditions?)?|released under investigation|rui|pre ?-? ?charge", "bail"),
    (r"(?:elective(?:ly)? )?home educat\w*|educated at home|ehe", "home_education"),
    (
        r"children missing (?:from )?education|missing (?:from )?(?:school|education)"
        r"|(?:persistent|school) absence|cme",
        "missing_education",
    ),
    (r"private fostering", "private_fostering"),
    (r"pshe|rshe?|relationships (?:and sex )?education|healthy relationships", "relationships_education"),
    (r"register\w* with (?:a |their |the )?gp|gp registration", "gp register"),
    (r"adverse childhood experiences|aces|childhood trauma", "trauma"),
    (
        r"newly qualified(?: social workers?)?|asye|first year (?:in|of) practice|inexperienced (?:staff|workers?)",
        "newly_qualified",
    ),
    (r"multiple (?:disadvantages?|and complex needs|needs)|complex needs", "multiple_disadvantage"),
    (r"change ?-? ?resistant|treatment ?-? ?resistant|blue light", "refuse engage"),
    (r"target hardening|sanctuary schemes?", "sanctuary"),
    (r"(?:home )?fire safety (?:visits?|checks?)|safe and well visits?", "fire safety_visit"),
    (r"home oxygen|oxygen (?:therapy|cylinders?)|emollients?|paraffin ?-? ?based (?:creams?|products?)", "fire_risk"),
    (r"spot ?-? ?checks?|unannounced(?: visits?| inspections?)?|without (?:prior )?notice", "unannounced"),
    (
        r"communication needs|communicat\w* needs|(?:preferred|own) (?:way|method|means) of communicat\w*",
        "communication_needs",
    ),
    (r"review (?:process|panels?)|panels?|terms of reference|independent chairs?|scoping", "review_process"),
    (r"advocacy after fatal domestic abuse|aafda", "bereavement advocacy support"),
    (r"annual health checks?|health checks?", "health_check"),
    (r"leder|learning from lives and deaths", "learning_disability homicide"),
    (r"medication|medicines?|prescri\w*", "medication"),
    # The law.
    (r"children act(?: 1989| 2004)?|section 11|s11", "children_act"),
    (r"deprivation of liberty(?: safeguards)?|dols|liberty protection safeguards", "dols"),
    (r"court of protection|inherent jurisdiction", "court_of_protection"),
    (r"occupation orders?|restraining orders?", "protection_order"),
]
