"""The partnerships' own vocabulary, written here so that nothing is fetched: phrases and words to terms.

Each entry joins the ways practitioners say one thing (MARAC and "multi-agency risk assessment
conference"; GP, primary care and the family doctor) into one term, so that two recommendations that
say the same thing in other words come out as the same terms (`tracker.rules.learning.words`).
"""

from __future__ import annotations

# Phrases first (longest and most particular first), each to one or more terms. Patterns run on
# lower-case text in which every run of punctuation (but the apostrophe, & and -) became a space.
PHRASES: list[tuple[str, str]] = [
    (r"multi ?-? ?agency risk assessment conferences?|maracs?", "marac"),
    (
        r"domestic abuse,? stalking,? (?:and )?harassment(?: and honour ?-? ?based violence)?"
        r"(?: risk (?:identification )?(?:checklist|assessment|tool|form)s?)?|dash(?: ?ric)?"
        r"(?: risk)?(?: (?:checklist|assessment|tool|form)s?)?",
        "dash risk assess",
    ),
    (r"independent domestic (?:violence|abuse) (?:advis[eo]r|advocate)s?|idvas?", "idva"),
    (r"domestic abuse (?:advocate|caseworker|support worker|worker)s?", "idva"),
    (r"independent sexual violence advis[eo]rs?|isvas?", "isva"),
    (r"multi ?-? ?agency safeguarding hubs?|mash(?:es)?|(?:children'?s )?front doors?", "mash"),
    (r"safeguarding adults? (?:partnership )?boards?|sabs?", "sab"),
    (r"community safety partnerships?|csps?", "csp"),
    (r"(?:local )?safeguarding children'?s? (?:partnerships?|boards?)|lscbs?|scps?", "scp"),
    (r"domestic homicide reviews?|domestic abuse related death reviews?|dhrs?|dardrs?", "dhr"),
    (r"safeguarding adults? reviews?|sars?", "sar"),
    (r"(?:local )?child safeguarding practice reviews?|serious case reviews?|csprs?|scrs?", "cspr"),
    (r"coercive,? (?:and )?controlling behaviou?rs?|controlling,? (?:and )?coercive behaviou?rs?", "coercive_control"),
    (r"coercive control|coercion and control", "coercive_control"),
    (r"economic abuse|financial abuse|financial control|financially control\w*", "economic_abuse"),
    (r"(?:non ?-? ?fatal )?strangulation|choking|nfs", "strangulation"),
    (r"honour ?-? ?based (?:abuse|violence)|hba|hbv|forced marriages?", "honour_abuse"),
    (r"clare'?s law|domestic (?:violence|abuse) disclosure scheme|ddvs", "clares_law"),
    (r"stalking protection orders?|spos?", "stalking_order"),
    (
        r"domestic (?:violence|abuse) protection (?:notices?|orders?)|dvpns?|dvpos?|dapns?|dapos?"
        r"|non ?-? ?molestation orders?",
        "protection_order",
    ),
    (r"(?:an? |the )?domestic (?:calls?|incidents?|call ?-? ?outs?|disputes?)", "domestic_abuse incident"),
    (r"domestic (?:abuse|violence)|intimate partner (?:violence|abuse)|dva|ipv|da|dv", "domestic_abuse"),
    (r"(?:person|people|those|man|men|adults?) (?:causing|who cause[sd]?|who caused) (?:the )?harm", "perpetrator"),
    (
        r"perpetrator (?:intervention |behaviou?r change )?programmes?|behaviou?r change programmes?",
        "perpetrator_programme",
    ),
    (r"general practi(?:ce|tioner)s?|gp (?:practice|surger(?:y|ies))s?|gps?|primary care(?: services?)?", "gp"),
    (r"family doctors?|doctor'?s surger(?:y|ies)", "gp"),
    (
        r"accident (?:and|&) emergency(?: departments?)?|a ?(?:&|and) ?e(?: departments?)?|emergency departments?|eds?",
        "emergency_department",
    ),
    (
        r"community mental health teams?|cmhts?|mental health (?:services?|trusts?|teams?)|psychiatric services?",
        "mental_health",
    ),
    (r"mental health", "mental_health"),
    (
        r"mental capacity(?: act)?|mca|capacity to (?:make (?:the |a |that |this |such |their own |those )?decisions?"
        r"|decide|consent|understand)",
        "mental_capacity",
    ),
    (r"best interests? (?:decisions?|meetings?)", "mental_capacity best_interests"),
    (r"dual diagnosis|co ?-? ?occurring (?:conditions|needs)", "dual_diagnosis mental_health substance_use"),
    (r"substance (?:mis)?use|drugs? (?:and|or) alcohol|alcohol (?:and|or) drugs?", "substance_use"),
    (
        r"self ?-? ?neglect\w*|hoarding|neglect\w* (?:themselves|himself|herself|their own (?:care|health|needs))",
        "self_neglect",
    ),
    (r"self ?-? ?harm\w*", "self_harm"),
    (
        r"missed appointments?|did not attend|dnas?|was not brought|were not brought|non ?-? ?attendance"
        r"|fail(?:ed|s|ing|ure)? to attend|not attend(?:ing|ed)?",
        "missed_appointment engage",
    ),
    (
        r"information ?-? ?sharing|shar(?:e|es|ing|ed) (?:of )?information|exchange (?:of )?information",
        "share information",
    ),
    (r"record ?-? ?keeping", "record"),
    (r"professional curiosity|respectful uncertainty|at face value", "curiosity"),
    (r"voice of the (?:child|victim|adult|person)|lived experience|wishes and feelings", "voice"),
    (
        r"(?:see|speak to|speak with|talk to|talk with) (?:the )?(?:child|children|young (?:person|people))"
        r" (?:on their own|alone)",
        "voice child alone",
    ),
    (r"multi ?-? ?agency|inter ?-? ?agency|partnership working|joint working|joined ?-? ?up", "multiagency"),
    (r"think family|whole ?-? ?family approach(?:es)?", "whole_family"),
    (r"resolving professional (?:differences|disagreements)|professional (?:challenge|disagreements?)", "escalate"),
    (r"strategy (?:meetings?|discussions?)", "strategy_meeting"),
    (r"(?:child|children'?s) social care|children'?s services|csc", "childrens_social_care"),
    (r"adult social care|adults'? services|adult services|asc", "adult_social_care"),
    (r"social workers?", "social_worker"),
    (r"health visit(?:or|ing)s?|hvs?", "health_visitor"),
    (r"school nurses?|school nursing", "school_nurse"),
    (r"early years(?: settings?)?|nurser(?:y|ies)", "early_years"),
    (r"midwi(?:fe|ves|fery)|maternity|antenatal|ante-natal|pregnan(?:t|cy)", "maternity"),
    (r"hospital discharge|discharg\w* from hospital", "hospital discharge"),
    (r"acute trusts?|hospital trusts?", "hospital"),
    (
        r"releas\w* (?:from|out of) (?:custody|prison)|leav\w* (?:custody|prison)|prison leavers?|pre ?-? ?release",
        "custody release",
    ),
    (r"ambulance services?", "ambulance"),
    (r"learning disabilit(?:y|ies)", "learning_disability"),
    (r"young carers?", "young_carer"),
    (r"carer'?s assessments?", "carer assess"),
    (r"transitional safeguarding|transition to adult(?:hood| services)|moving (?:on )?to adult services", "transition"),
    (r"county lines|(?:child )?criminal exploitation|(?:child )?sexual exploitation|cce|cse", "exploitation"),
    (r"armed forces|veterans?|military|service (?:leavers|personnel)", "armed_forces"),
    (r"home visits?|visit(?:ed|ing|s)? (?:the |their )?home", "home_visit"),
    (r"face ?-? ?to ?-? ?face|in person", "face_to_face"),
    (r"trauma ?-? ?informed", "trauma_informed"),
    (r"rough sleep\w*|homeless\w*|no fixed abode", "homeless"),
    (r"no recourse to public funds|nrpf", "nrpf"),
    (r"older (?:people|adults?|persons?)|elderly", "older_people"),
    (r"organisational culture", "org_culture"),
    (r"home office", "home_office"),
    (r"department of health(?: and social care)?|dhsc", "dhsc"),
    (r"department for education|dfe", "dfe"),
    (r"ministry of justice|moj", "moj"),
    (r"nhs england|nhse", "nhs_england"),
    (r"ministry of housing\w*(?: communities)?(?: and local government)?|mhclg|dluhc", "mhclg"),
    (r"out of hours", "out_of_hours"),
    (r"waiting (?:lists?|times?)", "delay"),
    (r"case (?:closure|closing)|clos(?:e|es|ed|ing) (?:the |a )?cases?", "close_case"),
    (r"dip ?-? ?sampl\w*|case (?:file )?audits?", "audit"),
    (r"high ?-? ?risk", "high risk"),
    (r"non ?-? ?mobile|not (?:yet )?(?:independently )?mobile|not yet crawling|pre ?-? ?mobile", "non_mobile baby"),
    (r"course of conduct|join(?:ed)? up the dots", "pattern"),
    (r"pass(?:es|ed|ing)? on|passed to|hand(?:s|ed)? on", "share"),
    (r"family members?|relatives?|next of kin", "family_member"),
    (r"(?:turn(?:s|ing)?|reach(?:es|ing)?|approaching|age of) (?:18|16|adulthood)|adulthood", "transition"),
    (r"not enough staff|under ?-? ?staffed|under ?-? ?resourced", "capacity workforce"),
    (r"turn(?:ed|s)? away", "refuse"),
    (r"follow ?-? ?ups?|followed up|follow(?:ing)? up|chase up", "follow_up"),
    (r"keep (?:\w+ )?(?:informed|updated)|let (?:\w+ )?know", "inform"),
    (r"without delay|straight away|the (?:next|following) (?:morning|day)|within 24 hours|promptly", "prompt"),
    (r"(?:changed|change in|changes to) practice|practice (?:has )?changed", "embed"),
    (r"low ?-? ?level|minor|lower ?-? ?level|small (?:concerns?|worries|incidents?)", "low_level concern"),
    (r"build(?:s|ing)? (?:up )?(?:a|the) (?:full |whole )?picture|accumulat\w*|cumulative", "pattern"),
    (r"education (?:settings?|providers?)|schools? and colleges?|colleges?", "school"),
    (
        r"what (?:happens|happened|will happen|has happened) (?:to|with|next)|progress of (?:their|the|a) case",
        "outcome",
    ),
    (r"safe and well (?:checks?|visits?)|welfare (?:checks?|visits?)", "welfare_check"),
    (r"safety plan\w*|safety ?-? ?planning", "safety_plan"),
    (r"care homes?|nursing homes?|residential care", "care_home"),
    (r"local authorit(?:y|ies)|borough councils?|county councils?|district councils?|councils?", "council"),
    (r"young (?:person|people)|teenagers?|adolescents?", "child"),
    (
        r"mental (?:ill ?-? ?health|illness(?:es)?|disorders?)|psychiatric|depress\w*|anxiety|psychosis|psychotic",
        "mental_health",
    ),
    (r"peri ?-? ?natal|post ?-? ?natal|new (?:mothers?|parents?)", "maternity"),
    (r"management oversight|line managers?|managers?", "supervision"),
    (r"quality assur\w*", "assure"),
    (r"immediately|urgent(?:ly)?|timely|in a timely (?:way|manner)|as soon as possible|at the earliest", "prompt"),
    (r"paramedics?", "ambulance"),
    (r"emergency (?:accommodation|housing)|temporary accommodation", "housing"),
    (r"liais\w*|communicat\w*", "share"),
    (r"call handlers?|control rooms?|force control", "police contact"),
    (r"offender managers?|community rehabilitation compan(?:y|ies)|crcs?", "probation"),
    (r"integrated care boards?|icbs?|clinical commissioning groups?|ccgs?", "icb"),
    (r"designated safeguarding (?:leads?|officers?)|dsls?|safeguarding leads?", "safeguarding_lead"),
    (
        r"urgent (?:care|treatment) cent(?:re|er)s?|walk ?-? ?in cent(?:re|er)s?|minor injur(?:y|ies) units?",
        "emergency_department",
    ),
    (r"(?:drug|alcohol|substance (?:mis)?use|treatment) (?:and alcohol )?services?", "substance_use"),
    (r"learning events?|practitioner events?|seminars?|webinars?|briefings?|masterclass(?:es)?", "train"),
    (r"threat(?:s|ened)? to kill", "threat homicide"),
    (r"suicidal ideation|attempt(?:ed|s)? (?:to take (?:his|her|their) own life|suicide)|overdoses?", "suicide"),
    (r"child protection (?:plans?|conferences?|enquir(?:y|ies))|section 47|s47", "child_protection"),
    (r"children in need|child in need|section 17", "child_in_need"),
    (r"looked ?-? ?after|in care|care leavers?|children in care", "looked_after"),
    (r"(?:case|records?) management systems?|electronic (?:patient |health )?records?", "record"),
    (r"lgbt\w*|same ?-? ?sex|gay|lesbian|bisexual|trans(?:gender)?", "lgbt"),
    (r"universal credit|benefits?|debts?|arrears", "money"),
    (r"dementia|cognitive impairment", "dementia"),
    (r"(?:unpaid|family) carers?", "carer"),
    (r"test(?:s|ing|ed)? (?:the |their |what )?accounts?|take (?:\w+ ){0,3}at face value", "curiosity"),
    (r"possession (?:proceedings|orders?)|evict\w*|enforcement action", "evict"),
    (r"(?:use|using|uses|used) (?:of )?(?:drugs|substances)|substances", "substance_use"),
    (
        r"social media|spyware|tracking devices?|online|digital|technology ?-? ?(?:enabled|facilitated)|cyber\w*",
        "digital",
    ),
    (r"put in place|set up|bring in|roll out|rolled out|rolling out", "introduce"),
    (r"routine (?:enquiry|enquiries|questions?)|routinely ask|ask routinely", "routine ask"),
    (r"raise awareness|awareness ?-? ?raising", "train"),
    (r"e ?-? ?learning|learning and development|continuing professional development|cpd", "train"),
    (r"section 42(?: enquir(?:y|ies))?|s42|safeguarding enquir(?:y|ies)", "s42_enquiry"),
]

# Single words to a term (before endings are trimmed). A word may stand for more than one term.
WORDS: dict[str, str] = {
    **dict.fromkeys(["share", "shares", "shared", "sharing", "exchange", "exchanged", "exchanging"], "share"),
    **dict.fromkeys(["record", "records", "recorded", "recording", "document", "documented", "documenting"], "record"),
    **dict.fromkeys(["documentation", "log", "logged", "logging", "code", "coded", "coding", "notes"], "record"),
    **dict.fromkeys(["train", "training", "trained", "trainings", "upskill", "upskilled", "awareness"], "train"),
    **dict.fromkeys(["workshop", "workshops", "course", "courses"], "train"),
    **dict.fromkeys(["refer", "refers", "referral", "referrals", "referred", "referring"], "refer"),
    **dict.fromkeys(["assess", "assessed", "assessment", "assessments", "assessing", "screen", "screening"], "assess"),
    **dict.fromkeys(
        ["ask", "asks", "asked", "asking", "enquire", "enquiry", "enquiries", "inquire", "question"], "ask"
    ),
    **dict.fromkeys(["questions", "questioning", "explore", "exploring", "explored"], "ask"),
    **dict.fromkeys(["policy", "policies", "procedure", "procedures", "protocol", "protocols", "guidance"], "policy"),
    **dict.fromkeys(["pathway", "pathways", "framework", "frameworks", "process", "processes"], "policy"),
    **dict.fromkeys(["victim", "victims", "survivor", "survivors"], "victim"),
    **dict.fromkeys(["perpetrator", "perpetrators", "abuser", "abusers", "offender", "offenders"], "perpetrator"),
    **dict.fromkeys(["child", "children", "childrens", "youngster", "youngsters", "pupil", "pupils"], "child"),
    **dict.fromkeys(["baby", "babies", "infant", "infants", "newborn", "newborns"], "baby"),
    **dict.fromkeys(["father", "fathers", "dad", "dads", "stepfather", "stepfathers"], "father male"),
    **dict.fromkeys(["mother", "mothers", "mum", "mums"], "mother"),
    **dict.fromkeys(["signpost", "signposted", "signposting"], "refer"),
    **dict.fromkeys(["phone", "phoned", "telephone", "telephoned", "calls", "called", "calling", "ring"], "contact"),
    **dict.fromkeys(["speak", "spoke", "spoken", "talk", "talked", "conversation", "conversations"], "speak"),
    **dict.fromkeys(["discuss", "discussed", "discussion", "discussions"], "speak"),
    **dict.fromkeys(["harm", "harmed", "harms", "abuse", "abused", "abusive", "violence", "violent"], "abuse"),
    **dict.fromkeys(["assault", "assaulted", "assaults", "attack", "attacked", "attacks"], "abuse"),
    **dict.fromkeys(["weapon", "weapons", "knife", "knives", "firearm", "firearms", "gun", "guns"], "weapon"),
    **dict.fromkeys(["frail", "frailty"], "older_people"),
    **dict.fromkeys(["consent", "consents", "consented", "agreement"], "consent"),
    **dict.fromkeys(["support", "supports", "supported", "supporting", "help", "helps", "helped", "assist"], "support"),
    **dict.fromkeys(["advice", "advise", "advised", "advocacy", "advocate", "assistance"], "support"),
    **dict.fromkeys(["check", "checks", "checked", "checking", "verify", "verified", "confirm", "confirmed"], "check"),
    **dict.fromkeys(["attend", "attends", "attended", "attending", "attendance", "present", "presents"], "attend"),
    **dict.fromkeys(["presented", "presenting", "presentation", "presentations"], "attend"),
    **dict.fromkeys(["clinician", "clinicians", "clinical", "nurse", "nurses", "nursing", "health"], "health"),
    **dict.fromkeys(["lesson", "lessons", "learning", "learnt", "learned"], "learning"),
    **dict.fromkeys(["tool", "tools", "toolkit", "toolkits", "template", "templates", "checklist"], "tool"),
    **dict.fromkeys(["vulnerable", "vulnerability", "vulnerabilities"], "vulnerable"),
    **dict.fromkeys(["employer", "employers", "employment", "employee", "employees", "workplace"], "employ"),
    **dict.fromkeys(["parent", "parents", "parental", "parenting"], "parent"),
    **dict.fromkeys(["domestic", "domestics"], "domestic_abuse"),
    **dict.fromkeys(["sign", "signs", "indicator", "indicators", "symptom", "symptoms"], "sign"),
    **dict.fromkeys(["probation", "probationer"], "probation"),
    **dict.fromkeys(["interpreter", "interpreters", "interpreting", "translator", "translators"], "interpreter"),
    **dict.fromkeys(
        ["interpret", "interprets", "interpreted", "translate", "translated", "translation"], "interpreter"
    ),
    **dict.fromkeys(
        ["homicide", "homicides", "killed", "killing", "murder", "murdered", "death", "deaths"], "homicide"
    ),
    **dict.fromkeys(["complex", "complexity", "difficult", "challenging"], "complex"),
    **dict.fromkeys(["outcome", "outcomes", "progress"], "outcome"),
    **dict.fromkeys(["police", "constabulary", "constabularies"], "police"),
    **dict.fromkeys(["housing", "landlord", "landlords", "tenancy", "tenancies", "tenant", "tenants"], "housing"),
    **dict.fromkeys(["school", "schools", "teacher", "teachers", "education"], "school"),
    **dict.fromkeys(["hospital", "hospitals", "ward", "wards", "inpatient"], "hospital"),
    **dict.fromkeys(["prison", "prisons", "custody", "custodial"], "custody"),
    **dict.fromkeys(["alcohol", "drinking", "drinker", "drink"], "alcohol substance_use"),
    **dict.fromkeys(["drug", "drugs", "cannabis", "heroin", "cocaine", "opiate", "opiates"], "drug substance_use"),
    **dict.fromkeys(["curious", "curiosity"], "curiosity"),
    **dict.fromkeys(["escalate", "escalated", "escalating", "escalation", "challenge", "challenged"], "escalate"),
    **dict.fromkeys(["chronology", "chronologies", "timeline", "timelines"], "chronology"),
    **dict.fromkeys(["audit", "audits", "audited", "auditing"], "audit"),
    **dict.fromkeys(["assure", "assured", "assurance", "assuring"], "assure"),
    **dict.fromkeys(["threshold", "thresholds", "criteria", "eligibility", "eligible"], "threshold"),
    **dict.fromkeys(["delay", "delays", "delayed"], "delay"),
    **dict.fromkeys(
        ["caseload", "caseloads", "staffing", "workload", "workloads", "vacancy", "vacancies"], "workforce"
    ),
    **dict.fromkeys(["recruitment", "retention", "workforce"], "workforce capacity"),
    **dict.fromkeys(["leadership", "leaders", "leader"], "leadership"),
    **dict.fromkeys(["culture", "cultural", "culturally", "ethnicity", "faith", "religion", "religious"], "culture"),
    **dict.fromkeys(["disability", "disabilities", "disabled"], "disability"),
    **dict.fromkeys(["bereavement", "bereaved", "grief", "loss"], "bereavement"),
    **dict.fromkeys(["trauma", "traumatic"], "trauma"),
    **dict.fromkeys(["suicide", "suicidal"], "suicide"),
    **dict.fromkeys(["autism", "autistic"], "autism"),
    **dict.fromkeys(
        ["engage", "engaged", "engagement", "engaging", "disengage", "disengaged", "disengagement"], "engage"
    ),
    **dict.fromkeys(["transition", "transitions", "handover", "handovers", "transfer", "transfers"], "transition"),
    **dict.fromkeys(["exploitation", "exploited", "grooming", "groomed"], "exploitation"),
    **dict.fromkeys(
        ["develop", "develops", "developed", "introduce", "introduced", "establish", "established"], "introduce"
    ),
    **dict.fromkeys(["create", "created", "adopt", "adopted", "implement", "implemented", "launch"], "introduce"),
    **dict.fromkeys(["update", "updated", "revise", "revised", "refresh", "refreshed", "amend", "amended"], "update"),
    **dict.fromkeys(["routine", "routinely", "always", "every", "each", "consistently"], "routine"),
    **dict.fromkeys(["carer", "carers", "caregiver", "caregivers"], "carer"),
    **dict.fromkeys(["stalking", "stalked", "stalker", "stalkers"], "stalking"),
    **dict.fromkeys(["separation", "separate", "separated", "separating", "leaving"], "separation"),
    **dict.fromkeys(["supervision", "supervisor", "supervisors"], "supervision"),
    **dict.fromkeys(["interpreting", "language", "languages"], "language"),
    **dict.fromkeys(["fund", "funds", "funded", "funding", "commission", "commissioned", "commissioning"], "fund"),
    **dict.fromkeys(["letter", "letters", "write", "writes", "wrote", "written"], "write"),
    **dict.fromkeys(["government", "national", "nationally", "department", "minister", "ministers"], "national"),
    **dict.fromkeys(["disclose", "discloses", "disclosed", "disclosure", "disclosures", "disclosing"], "disclose"),
    **dict.fromkeys(["injury", "injuries", "injured", "bruise", "bruises", "bruising", "fracture"], "injury"),
    **dict.fromkeys(["neglect", "neglected", "neglectful"], "neglect"),
    **dict.fromkeys(["capacity", "resource", "resources", "resourced", "demand", "volume", "staffed"], "capacity"),
    **dict.fromkeys(
        ["refuse", "refuses", "refused", "refusal", "refusing", "decline", "declines", "declined"], "refuse"
    ),
    **dict.fromkeys(["declining", "reject", "rejects", "rejected", "rejecting"], "refuse"),
    **dict.fromkeys(["notify", "notified", "notifying", "notification", "updates"], "inform"),
    **dict.fromkeys(["previous", "prior", "history", "historic", "historical", "past", "earlier"], "history"),
    **dict.fromkeys(["repeat", "repeated", "repeatedly", "recur", "recurs", "recurring", "recurrent"], "repeat"),
    **dict.fromkeys(["concern", "concerns", "concerned", "worry", "worries", "worried"], "concern"),
    **dict.fromkeys(["home", "homes", "household", "households", "address", "addresses", "house"], "home"),
    **dict.fromkeys(["incident", "incidents", "callout", "callouts", "call-out", "call-outs"], "incident"),
    **dict.fromkeys(["danger", "dangerous", "risk", "risks", "risky"], "risk"),
    **dict.fromkeys(["male", "males", "men", "man"], "male"),
    **dict.fromkeys(["accommodation", "rehouse", "rehoused", "rehousing", "refuge", "refuges"], "housing"),
    **dict.fromkeys(["migrant", "migrants", "immigration", "asylum"], "immigration"),
    **dict.fromkeys(["evidence", "evidenced"], "assure"),
    **dict.fromkeys(["embed", "embedded", "embedding", "sustained"], "embed"),
    **dict.fromkeys(["pattern", "patterns", "link", "links", "linked", "linking", "connect", "connected"], "pattern"),
    **dict.fromkeys(["listen", "listened", "listening", "hear", "heard", "voice", "voices"], "voice"),
    **dict.fromkeys(["jointly", "together", "collaborate", "collaboration", "collaboratively", "joint"], "multiagency"),
    **dict.fromkeys(["disagree", "disagrees", "disagreement", "disagreements", "dispute", "disputes"], "escalate"),
    **dict.fromkeys(["arrange", "arranged", "arranging", "book", "booked", "organise", "organised"], "arrange"),
    **dict.fromkeys(["discharge", "discharged", "discharging"], "discharge"),
    **dict.fromkeys(["gp", "gps", "doctor", "doctors"], "gp"),
    **dict.fromkeys(["ed", "a&e"], "emergency_department"),
    **dict.fromkeys(["flag", "flags", "flagged", "flagging", "alert", "alerts", "marker", "markers"], "flag"),
    **dict.fromkeys(["meeting", "meetings", "conference", "conferences"], "meeting"),
    **dict.fromkeys(["plan", "plans", "planning", "planned"], "plan"),
    **dict.fromkeys(["visit", "visits", "visited", "visiting"], "visit"),
    **dict.fromkeys(["monitor", "monitored", "monitoring", "oversight", "oversee"], "monitor"),
    **dict.fromkeys(["contact", "contacts", "contacted", "contacting"], "contact"),
    **dict.fromkeys(["tell", "told", "inform", "informed", "informing", "update them", "feedback"], "inform"),
}

# Words that carry no learning of their own in a recommendation.
STOPWORDS = frozenset(
    """
    a about above across after again against all also am an and any are as at be because been before being
    below between both but by can cannot could did do does doing done down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your must
    may might shall ensure ensures ensuring agencies agency organisation organisations partner partners
    partnership partnerships service services staff practitioner practitioners professional professionals
    worker workers team teams relevant appropriate appropriately consider considers considered considering
    make makes made sure need needs needed use used uses using take takes taken work works working review
    reviews reviewed recommendation recommendations local area areas clear clearly effective effectively
    robust better improve improved improving improvement improvements strengthen strengthened including
    include includes included within whether its per via ie eg etc one two three new all identify identified
    identifies identifying understand understanding know known aware able ability people person persons
    individual individuals adult adults family families case cases client clients patient patients resident
    residents user users including also place places way ways part where whilst recognise recognised
    recognises recognising recognition treat treated treats seen see sees given give gives provide provides
    provided offer offers offered ensure day days time times things thing complete completes completed
    completing carry carries carried undertake undertakes undertaken apply applies applied still only solely
    rather instead whose spot spots spotted detect detected notice noticed
    """.split()  # noqa: SIM905  (a paragraph of words reads better than a list of strings)
)
