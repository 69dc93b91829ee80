"""The partnerships' own vocabulary, written here so that nothing is fetched: phrases to terms.

Each entry joins the ways practitioners say one thing (MARAC and "multi-agency risk assessment
conference"; GP, primary care and the family doctor; cuckooing and a home taken over by dealers) into
one term, so that two recommendations that say the same thing in other words come out as the same
terms (`tracker.rules.learning.words`). Single words are in `synonyms`, the words that say nothing
about the learning in `boilerplate`.
"""

from __future__ import annotations

# Phrases first (longest and most particular first), each to one or more terms. Patterns run on
# lower-case text in which every run of punctuation (but the apostrophe, & and -) became a space and
# possessives lost their 's ("the child's needs" reads "the child needs").
PHRASES: list[tuple[str, str]] = [
    (r"multi ?-? ?agency risk assessment conferences?|maracs?", "marac"),
    (
        r"domestic abuse,? stalking,? (?:and )?harassment(?: and honour ?-? ?based violence)?"
        r"(?: risk (?:identification )?(?:checklist|assessment|tool|form)s?)?|dash(?: ?ric)?"
        r"(?: risk)?(?: (?:checklist|assessment|tool|form)s?)?",
        "dash risk assess",
    ),
    (r"(?:domestic abuse |da )?risk identification checklists?|rics?", "dash risk assess"),
    (r"independent domestic (?:violence|abuse) (?:advis[eo]r|advocate)s?|idvas?", "idva"),
    (r"domestic abuse (?:advocate|caseworker|support worker|worker)s?", "idva"),
    (r"independent sexual violence advis[eo]rs?|isvas?", "isva"),
    (r"multi ?-? ?agency safeguarding hubs?|mash(?:es)?|(?:children'?s? )?front doors?", "mash"),
    (r"multi ?-? ?agency public protection arrangements?|mappa", "mappa"),
    (r"safeguarding adults? (?:partnership )?boards?|sabs?", "sab"),
    (r"community safety partnerships?|csps?", "csp"),
    (r"(?:local )?safeguarding children'?s? (?:partnerships?|boards?)|lscbs?|lscps?|scps?", "scp"),
    (r"domestic homicide reviews?|domestic abuse related death reviews?|dhrs?|dardrs?", "dhr"),
    (r"safeguarding adults? reviews?|sars?", "sar"),
    (r"(?:local )?child safeguarding practice reviews?|serious case reviews?|csprs?|scrs?", "cspr"),
    (r"coercive,? (?:and )?controlling behaviou?rs?|controlling,? (?:and )?coercive behaviou?rs?", "coercive_control"),
    (r"coercive control|coercion and control", "coercive_control"),
    (r"economic abuse|financial abuse|financial control|financially control\w*", "economic_abuse"),
    (r"(?:non ?-? ?fatal )?strangulation|choking|nfs", "strangulation"),
    (r"honour ?-? ?based (?:abuse|violence)|hba|hbv|forced marriages?", "honour_abuse"),
    (r"clare'?s? law|domestic (?:violence|abuse) disclosure scheme|ddvs", "clares_law"),
    (r"stalking protection orders?|spos?", "stalking_order"),
    (
        r"domestic (?:violence|abuse) protection (?:notices?|orders?)|dvpns?|dvpos?|dapns?|dapos?"
        r"|non ?-? ?molestation orders?",
        "protection_order",
    ),
    (r"(?:an? |the )?domestic (?:calls?|incidents?|call ?-? ?outs?|disputes?)", "domestic_abuse incident"),
    (r"domestic (?:abuse|violence)|intimate partner (?:violence|abuse)|dva|ipv|da|dv", "domestic_abuse"),
    (r"(?:person|people|those|man|men|adults?) (?:causing|who cause[sd]?|who caused) (?:the )?harm", "perpetrator"),
    (r"(?:people|those|men|persons?|someone|anyone) (?:who )?us(?:e|es|ing|ed) (?:domestic )?abuse", "perpetrator"),
    (
        r"perpetrator (?:intervention |behaviou?r change )?programmes?|behaviou?r change programmes?",
        "perpetrator_programme",
    ),
    (r"general practi(?:ce|tioner)s?|gp (?:practice|surger(?:y|ies))s?|gps?|primary care(?: services?)?", "gp"),
    (r"family doctors?|doctor'?s? surger(?:y|ies)", "gp"),
    (
        r"accident (?:and|&) emergency(?: departments?)?|a ?(?:&|and) ?e(?: departments?)?|emergency departments?|eds?",
        "emergency_department",
    ),
    # Services are those addressed (they weigh as agencies do), distinct from what they treat.
    (
        r"community mental health teams?|cmhts?|mental health (?:services?|trusts?|teams?)|psychiatric services?",
        "mental_health_service",
    ),
    (
        r"(?:drugs?|alcohol|substance (?:mis)?use|treatment)(?: and alcohol| and drugs?| or alcohol)? (?:treatment )?"
        r"services?",
        "substance_use_service",
    ),
    (r"mental health", "mental_health"),
    (r"capacity assessments?|assess\w* (?:\w+ ){0,2}(?:mental )?capacity", "mental_capacity assess"),
    (
        r"lack(?:s|ed|ing)? (?:mental )?capacity|(?:has|have|had) (?:mental )?capacity"
        r"|executive (?:function\w*|dysfunction)",
        "mental_capacity",
    ),
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
    (r"clutter (?:image )?(?:rating|scale)\w*", "self_neglect tool"),
    (r"graded care profiles?(?: 2)?|gcp ?2?", "neglect tool"),
    (r"hoard\w*|clutter\w*|squal\w*|(?:very )?poor (?:home |living )?conditions|unkempt", "self_neglect"),
    (
        r"cuckoo\w*|home (?:takeovers?|invasions?)|(?:homes?|flats?|propert(?:y|ies)) (?:are |is |being )?taken over"
        r"|taken over by (?:drug )?dealers",
        "cuckooing exploitation",
    ),
    (r"self ?-? ?harm\w*", "self_harm"),
    (
        r"miss(?:es|ed|ing)? (?:\w+ ){0,2}appointments?|did not attend|dnas?|(?:was|were|is|are) not brought"
        r"|(?:did|does|do) not bring|non ?-? ?attendance"
        r"|fail(?:ed|s|ing|ure)? to attend|not attend(?:ing|ed)?",
        "missed_appointment engage",
    ),
    (
        r"information ?-? ?sharing|shar(?:e|es|ing|ed) (?:of )?information|exchange (?:of )?information",
        "share information",
    ),
    (r"data protection(?: act| law| rules)?|gdpr|general data protection regulation|caldicott", "share information"),
    (r"record ?-? ?keeping", "record"),
    (r"professional curiosity|respectful uncertainty|at face value|healthy scepticism", "curiosity"),
    (
        r"probe (?:further|deeper)|dig deeper|look(?:ing)? beyond|(?:does|do|did) not (?:match|add up)"
        r"|inconsistent (?:accounts?|explanations?)|question what (?:they are|is|was) (?:told|said)",
        "curiosity",
    ),
    (r"voice of the (?:child|victim|adult|person)|lived experience|wishes and feelings", "voice"),
    (r"making safeguarding personal|msp|person ?-? ?cent(?:red|ered)|(?:at|in) the (?:centre|center) of", "voice"),
    (r"outcomes? (?:they|the person|the adult|people) want\w*|what (?:they|the person|the adult) wants?", "voice"),
    (
        r"(?:see|speak to|speak with|talk to|talk with) (?:the )?(?:child|children|young (?:person|people))"
        r" (?:on their own|alone)",
        "voice child alone",
    ),
    (r"multi ?-? ?agency|inter ?-? ?agency|partnership working|joint working|joined ?-? ?up", "multiagency"),
    (r"think family|whole ?-? ?family approach(?:es)?", "whole_family"),
    (
        r"impact on (?:the |their |any )?children|children in the (?:household|home|family)|(?:is|as) a parent"
        r"|(?:has|have) (?:dependent )?children|parental responsibilit\w*",
        "whole_family",
    ),
    (
        r"contextual safeguarding|extra ?-? ?familial (?:harm|abuse|risks?)|(?:harm|risks?|abuse) outside (?:the )?"
        r"(?:home|family)|peer ?-? ?on ?-? ?peer|peer groups?|peers",
        "contextual",
    ),
    (r"resolving professional (?:differences|disagreements)|professional (?:challenge|disagreements?)", "escalate"),
    (r"strategy (?:meetings?|discussions?)", "strategy_meeting"),
    (r"(?:child|children'?s?) social care|children'?s? services|cscs?", "childrens_social_care"),
    (r"adult social care|adults'? services|adult services|asc", "adult_social_care"),
    (r"social workers?", "social_worker"),
    (r"health visit(?:or|ing)s?|hvs?", "health_visitor"),
    (r"school nurses?|school nursing", "school_nurse"),
    (r"early years(?: settings?)?|nurser(?:y|ies)", "early_years"),
    (r"midwi(?:fe|ves|fery)|maternity|antenatal|ante-natal|pregnan(?:t|cy)", "maternity"),
    (r"self ?-? ?discharg\w*|(?:discharg\w* )?against medical advice", "self_discharge"),
    (
        r"hospital discharges?|discharg\w* from (?:the )?(?:hospital|ward)|discharge (?:planning|plans?|to assess)"
        r"|(?:leav\w*|sent home from|returns? home from|go\w* home from) (?:the )?(?:hospital|ward)",
        "hospital discharge",
    ),
    (r"acute trusts?|hospital trusts?", "hospital"),
    (
        r"releas\w* (?:from|out of) (?:custody|prison)|leav\w* (?:custody|prison)|prison leavers?|pre ?-? ?release"
        r"|(?:day|point|time|date) of release|walks? out of the gate|through the gate",
        "custody release",
    ),
    (r"ambulance (?:services?|crews?|staff)|crews?", "ambulance"),
    (r"fire (?:and rescue )?(?:services?|crews?)|fire and rescue", "fire"),
    (r"(?:housing|tenancy|estate|neighbourhood) officers?", "housing"),
    (r"probation (?:officers?|practitioners?)", "probation"),
    (r"(?:police )?officers?|constables?|police forces?", "police"),
    (r"learning disabilit(?:y|ies)", "learning_disability"),
    (r"easy ?-? ?read|accessible (?:information|formats?)|reasonable adjustments?", "accessible"),
    (r"young carers?", "young_carer"),
    (r"carers?'?s? assessments?|assessments? (?:of|for) (?:the |their )?carers?'?s? (?:own )?needs", "carer assess"),
    (
        r"look(?:s|ing|ed)? after (?:a |an |their |the |his |her )?(?:relative|partner|parent|person|husband|wife|son"
        r"|daughter|mother|father)|caring (?:role|responsibilit\w*)|caring for",
        "carer",
    ),
    (r"transitional safeguarding|transition to adult(?:hood| services)|preparing for adulthood", "transition"),
    (
        r"(?:move|moves|moving|transfer\w*) (?:on )?(?:from (?:children'?s?|child)(?: social care| services)? )?"
        r"to adult (?:social care|services)|(?:18th|eighteenth) birthday",
        "transition",
    ),
    (r"county lines|(?:child )?criminal exploitation|(?:child )?sexual exploitation|cce|cse", "exploitation"),
    (r"armed forces|veterans?|military|service (?:leavers|personnel)", "armed_forces"),
    (r"home visits?|visit(?:ed|ing|s)? (?:the |their )?home", "home_visit"),
    (r"face ?-? ?to ?-? ?face|in person", "face_to_face"),
    (r"trauma ?-? ?informed", "trauma_informed trauma"),
    (r"rough sleep\w*|homeless\w*|no fixed abode", "homeless"),
    (r"somewhere to live|a (?:place|home) to (?:live|go to)", "housing"),
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
    (r"not enough staff|under ?-? ?staffed|under ?-? ?resourced", "resource workforce"),
    (
        r"capacity (?:of|in|within|across) (?:the |its |their |a |an |each )?"
        r"|(?:service|team|workforce|staffing|system) capacity|spare capacity|lack of capacity in"
        r"|capacity to (?:meet|manage|cope with|respond to|deal with)",
        "resource",
    ),
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
    (r"learning events?|practitioner events?|seminars?|webinars?|briefings?|masterclass(?:es)?", "train"),
    (r"threat(?:s|ened)? to kill", "threat homicide"),
    (
        r"suicidal (?:ideation|thoughts?|feelings?)|attempt(?:ed|s)? (?:to take (?:his|her|their) own life|suicide)"
        r"|overdoses?",
        "suicide",
    ),
    (
        r"suicide attempts?|tr(?:y|ied|ying) to (?:take|end) (?:his|her|their) (?:own )?life"
        r"|(?:take|taking|end|ending) (?:his|her|their) (?:own )?life",
        "suicide",
    ),
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
    (
        r"rais\w* (?:a |an )?(?:safeguarding )?(?:concerns?|alerts?)|safeguarding (?:concerns?|alerts?|referrals?)"
        r"|make (?:a |an )?safeguarding referrals?",
        "safeguard refer",
    ),
    (r"care act(?: 2014)?", "care_act"),
    (r"care (?:and support )?(?:packages?|plans?)|packages? of care", "care_plan"),
    (
        r"co ?-? ?sleep\w*|bed ?-? ?sharing|shar\w* a bed|safer? sleep\w*|sleeping (?:safely|arrangements?)",
        "safe_sleep",
    ),
    (r"operation encompass(?: notifications?)?", "school inform police domestic_abuse incident"),
    (r"child and adolescent mental health services?|camhs", "mental_health child"),
    (r"(?:people|those|victims|adults|women|men|someone) (?:who are )?experienc\w* (?:domestic )?abuse", "victim"),
    (
        r"leav\w* (?:an? |the |their |her |his )?(?:abusive )?"
        r"(?:partner|relationship|husband|wife|boyfriend|girlfriend)",
        "separation",
    ),
    (r"it is recommended that|is asked to|are asked to", ""),
]
