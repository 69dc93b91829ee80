"""A fictional partnership: every name, case and person here is invented.

Each action names a `state` that `demo.py` turns into a status and dates relative to
the day the demo is loaded, so that every RAG colour is present whenever it runs.
"""

from __future__ import annotations

THEMES = [
    "Information sharing",
    "Multi-agency working",
    "Risk assessment and management (DASH, MARAC)",
    "Training and awareness",
    "Policies and procedures",
    "Professional curiosity",
    "Record keeping",
    "Referrals and thresholds",
    "Voice of the victim or child",
    "Engagement and missed appointments",
    "Family and carer concerns",
    "Mental health",
    "Substance use",
    "Coercive control and other abuse (economic abuse, stalking)",
    "Separation and relationship breakdown",
    "Domestic abuse and harm to children",
    "Self-neglect",
    "Mental capacity",
    "Equality, culture and interpreters",
    "Leadership and organisational culture",
    "Governance and assurance",
    "Workforce capacity",
    "Transitions and handover",
    "Housing and multiple disadvantage",
    "Carers and young carers",
    "Risks outside the family",
    "Access to services",
    "Armed forces",
    "Maternity",
    "Perpetrator work",
    "National policy and funding",
    "Recurring learning (known but not acted on)",
]

PARTNERSHIPS = [
    ("Safer Northbridge Partnership", "CSP", "Northbridge"),
    ("Northbridge Safeguarding Adults Board", "SAB", "Northbridge"),
    ("Northbridge Safeguarding Children Partnership", "SCP", "Northbridge"),
]

# (name, short name, aliases)
AGENCIES = [
    ("Northshire Police", "Police", "Northshire Constabulary\nNorthbridge Police"),
    ("Northbridge City Council Adult Social Care", "ASC", "Adult Social Care\nAdults' Services"),
    ("Northbridge City Council Children's Social Care", "CSC", "Children's Services\nChildren's Social Care"),
    ("Northbridge City Council Housing Services", "Housing", "Housing Options\nHousing"),
    ("Northbridge and Westdale Integrated Care Board", "ICB", "CCG\nClinical Commissioning Group\nGP practices"),
    ("Northbridge Teaching Hospitals NHS Foundation Trust", "NTH", "Northbridge General Hospital\nAcute Trust"),
    ("Northshire Mental Health NHS Trust", "NMHT", "Mental Health Trust\nCommunity Mental Health Team"),
    ("Probation Service Northshire", "Probation", "National Probation Service\nCRC"),
    ("Northbridge Domestic Abuse Service", "NDAS", "IDVA service\nWomen's refuge"),
    ("Northbridge Recovery Partnership", "Recovery", "Drug and alcohol service\nSubstance misuse service"),
    ("Northbridge Community Safety Team", "CST", "Community Safety\nDHR coordinator"),
]

# (email, name, role, agency short name)
USERS = [
    ("admin@northbridge.example", "Priya Shah", "admin", None),
    ("subgroup@northbridge.example", "Tom Okafor", "subgroup", None),
    ("board@northbridge.example", "Margaret Ellis", "board", None),
    ("police.lead@northbridge.example", "DI Sam Carter", "agency_lead", "Police"),
    ("asc.lead@northbridge.example", "Helen Moore", "agency_lead", "ASC"),
    ("mentalhealth.lead@northbridge.example", "Dr Ravi Patel", "agency_lead", "NMHT"),
]

# A recommendation: (number, title, text, scope, themes, actions)
# An action: (lead short name, owner, description, expected outcome, state)
REVIEWS = [
    {
        "reference": "DHR-2021-03",
        "type": "DHR",
        "title": "Domestic Homicide Review into the death of Ann",
        "subjects": "Ann; Mark (perpetrator)",
        "partnership": "Safer Northbridge Partnership",
        "commissioned_days_ago": 1500,
        "completed_days_ago": 1000,
        "published_days_ago": 900,
        "summary": "Ann was killed by her former partner shortly after separation. Several agencies knew of "
        "the abuse but no agency held the whole picture, and no referral to MARAC was made.",
        "recommendations": [
            (
                "1",
                "Agencies should refer high-risk cases to MARAC in line with the DASH threshold.",
                "Two DASH assessments scored 14 or more but no referral followed.",
                "local",
                ["Risk assessment and management (DASH, MARAC)", "Referrals and thresholds"],
                [
                    (
                        "Police",
                        "DI Sam Carter",
                        "Audit 50 DASH assessments scoring 14 or more to check MARAC referral.",
                        "Every high-risk DASH leads to a MARAC referral; the audit shows 95% compliance.",
                        "assured",
                    ),
                    (
                        "NTH",
                        "Safeguarding lead nurse",
                        "Train emergency department staff in DASH and the MARAC pathway.",
                        "ED staff complete DASH and refer; the referral rate from ED rises.",
                        "red",
                    ),
                ],
            ),
            (
                "2",
                "Agencies should ask about coercive control at separation.",
                "Separation was a known escalation point and was not recognised as such.",
                "local",
                [
                    "Coercive control and other abuse (economic abuse, stalking)",
                    "Separation and relationship breakdown",
                ],
                [
                    (
                        "NDAS",
                        "IDVA service manager",
                        "Add separation as a risk prompt to the IDVA assessment.",
                        "IDVAs record separation risk in every assessment.",
                        "submitted",
                    ),
                    (
                        "Police",
                        "Head of Public Protection",
                        "Issue a briefing on separation as a risk factor to response officers.",
                        "Officers identify separation risk at domestic incidents.",
                        "amber_due",
                    ),
                    (
                        "ASC",
                        "Principal social worker",
                        "Include coercive control in the adult safeguarding training refresh.",
                        "Practitioners can name coercive control in case discussions.",
                        "green",
                    ),
                ],
            ),
            (
                "3",
                "GP practices should record domestic abuse disclosures and share them when risk is high.",
                "Ann disclosed abuse to her GP twice; neither disclosure was coded or shared.",
                "local",
                ["Information sharing", "Record keeping"],
                [
                    (
                        "ICB",
                        "Designated nurse for safeguarding adults",
                        "Roll out IRIS domestic abuse training to all GP practices.",
                        "Practices code disclosures and refer to the advocate-educator.",
                        "amber_drift",
                    ),
                    (
                        "ICB",
                        "Named GP",
                        "Publish template wording for recording disclosures safely.",
                        "Records show disclosures coded with the agreed template.",
                        "assured",
                    ),
                ],
            ),
            (
                "4",
                "The partnership should write to the Home Office about the availability of perpetrator programmes.",
                "No community perpetrator programme was available locally.",
                "national",
                ["Perpetrator work", "National policy and funding"],
                [
                    (
                        "CST",
                        "Community safety manager",
                        "Send the partnership's letter to the Home Office and report the reply.",
                        "A reply is received and reported to the board.",
                        "closed",
                    )
                ],
            ),
            (
                "5",
                "Mental health services should ask about domestic abuse routinely.",
                "Mark was seen by the crisis team three times; no one asked about his relationship.",
                "local",
                ["Mental health", "Professional curiosity"],
                [
                    (
                        "NMHT",
                        "Head of safeguarding",
                        "Add routine enquiry about domestic abuse to crisis team assessments.",
                        "Audit of crisis assessments shows the question asked in 90% of cases.",
                        "returned",
                    ),
                    (
                        "NMHT",
                        "Training lead",
                        "Deliver domestic abuse awareness sessions to crisis and home treatment teams.",
                        "Staff confidence survey improves by 20 points.",
                        "in_progress_red",
                    ),
                ],
            ),
            (
                "6",
                "Housing should consider domestic abuse when handling rent arrears and repairs.",
                "Arrears built up after economic abuse and were treated as a tenancy matter only.",
                "local",
                ["Housing and multiple disadvantage", "Coercive control and other abuse (economic abuse, stalking)"],
                [
                    (
                        "Housing",
                        "Tenancy services manager",
                        "Add a domestic abuse prompt to the arrears procedure.",
                        "Arrears cases with abuse indicators are referred for advice.",
                        "green_not_started",
                    ),
                    (
                        "Housing",
                        "Housing options team leader",
                        "Achieve DAHA accreditation.",
                        "Accreditation awarded.",
                        "submitted",
                    ),
                ],
            ),
            (
                "7",
                "Agencies should use interpreters, never family members, when abuse may be present.",
                "Ann's partner interpreted at two appointments.",
                "local",
                ["Equality, culture and interpreters"],
                [
                    (
                        "NTH",
                        "Patient experience lead",
                        "Update the interpreting policy to prohibit family interpreters where abuse may be present.",
                        "Policy published; audit finds no family interpreting in flagged cases.",
                        "assured",
                    ),
                    (
                        "ICB",
                        "Primary care quality lead",
                        "Remind GP practices of the interpreting policy.",
                        "Practices confirm receipt; spot check shows compliance.",
                        "red_not_started",
                    ),
                ],
            ),
            (
                "8",
                "The partnership should assure itself that DHR learning is embedded.",
                "Learning from a 2017 DHR recurred in this case.",
                "local",
                ["Governance and assurance", "Recurring learning (known but not acted on)"],
                [
                    (
                        "CST",
                        "DHR coordinator",
                        "Hold a learning event six months after publication and report the impact.",
                        "Agencies report what changed and show evidence.",
                        "green",
                    )
                ],
            ),
        ],
    },
    {
        "reference": "SAR-2022-01",
        "type": "SAR",
        "title": "Safeguarding Adults Review: Adult R",
        "subjects": "Adult R",
        "partnership": "Northbridge Safeguarding Adults Board",
        "commissioned_days_ago": 1100,
        "completed_days_ago": 700,
        "published_days_ago": 650,
        "summary": "Adult R, a man in his sixties who self-neglected and used alcohol, died after a fall at home. "
        "Agencies closed cases after missed appointments and mental capacity was assumed rather than assessed.",
        "recommendations": [
            (
                "1",
                "Agencies should not close cases solely because appointments were missed.",
                "Three services discharged Adult R for non-attendance.",
                "local",
                ["Engagement and missed appointments", "Self-neglect"],
                [
                    (
                        "NTH",
                        "Outpatients manager",
                        "Change the did-not-attend policy to require a safeguarding check before discharge.",
                        "No vulnerable adult is discharged for non-attendance without a check.",
                        "assured",
                    ),
                    (
                        "Recovery",
                        "Service manager",
                        "Introduce assertive outreach after two missed appointments.",
                        "Re-engagement rate after missed appointments improves.",
                        "amber_due",
                    ),
                    (
                        "NMHT",
                        "Community services director",
                        "Audit discharges for non-attendance.",
                        "Audit shows safeguarding checks recorded.",
                        "red",
                    ),
                ],
            ),
            (
                "2",
                "Practitioners should assess mental capacity when self-neglect puts life at risk.",
                "Capacity was assumed for decisions about care and alcohol use.",
                "local",
                ["Mental capacity", "Self-neglect"],
                [
                    (
                        "ASC",
                        "Principal social worker",
                        "Deliver executive capacity training to adult social care teams.",
                        "Case audit finds capacity assessments recorded for complex decisions.",
                        "submitted",
                    ),
                    (
                        "ICB",
                        "Mental Capacity Act lead",
                        "Publish practice guidance on capacity and addiction.",
                        "Guidance in use across primary care.",
                        "green",
                    ),
                ],
            ),
            (
                "3",
                "The board should adopt a multi-agency self-neglect protocol.",
                "There was no shared framework to escalate concern.",
                "local",
                ["Self-neglect", "Policies and procedures", "Multi-agency working"],
                [
                    (
                        "ASC",
                        "Head of safeguarding adults",
                        "Agree and launch the self-neglect and hoarding protocol.",
                        "Protocol launched; referrals under it are tracked.",
                        "assured",
                    ),
                    (
                        "Housing",
                        "Housing options team leader",
                        "Train housing officers on the protocol.",
                        "Housing officers escalate under the protocol.",
                        "amber_drift",
                    ),
                ],
            ),
            (
                "4",
                "Agencies should share information when an adult refuses services.",
                "Each agency knew part of the picture.",
                "local",
                ["Information sharing"],
                [
                    (
                        "Police",
                        "Vulnerability coordinator",
                        "Share welfare-check outcomes with adult social care the next working day.",
                        "Welfare checks are shared within one working day.",
                        "returned",
                    ),
                    (
                        "Recovery",
                        "Clinical lead",
                        "Join the multi-agency risk management meeting.",
                        "Recovery attends and contributes to risk plans.",
                        "closed",
                    ),
                ],
            ),
            (
                "5",
                "Alcohol-related harm should be treated as a safeguarding concern where care needs are unmet.",
                "Alcohol use was seen as a lifestyle choice.",
                "local",
                ["Substance use", "Professional curiosity"],
                [
                    (
                        "Recovery",
                        "Service manager",
                        "Run joint training with adult social care on alcohol and care needs.",
                        "Joint cases show shared plans.",
                        "green_not_started",
                    ),
                    (
                        "ASC",
                        "Safeguarding adults manager",
                        "Review thresholds guidance to include alcohol-related self-neglect.",
                        "Guidance updated and briefed.",
                        "red_not_started",
                    ),
                ],
            ),
            (
                "6",
                "The Department of Health and Social Care should fund alcohol assertive outreach nationally.",
                "Local outreach capacity was not sufficient.",
                "national",
                ["National policy and funding", "Substance use"],
                [
                    (
                        "ASC",
                        "Director of adult services",
                        "Write to the Department on behalf of the board.",
                        "A reply is received and reported to the board.",
                        "green",
                    )
                ],
            ),
            (
                "7",
                "Hospital discharge should include a home environment check for people who self-neglect.",
                "Adult R was discharged home to conditions that were known to be unsafe.",
                "local",
                ["Transitions and handover", "Self-neglect"],
                [
                    (
                        "NTH",
                        "Discharge team lead",
                        "Add a home environment check to the discharge checklist.",
                        "Checklist used in all discharges of people known to self-neglect.",
                        "in_progress_red",
                    ),
                    (
                        "ASC",
                        "Hospital social work team manager",
                        "Agree a joint discharge pathway with the hospital.",
                        "Pathway agreed and audited.",
                        "submitted",
                    ),
                ],
            ),
        ],
    },
    {
        "reference": "CSPR-2023-02",
        "type": "CSPR",
        "title": "Child Safeguarding Practice Review: Child M",
        "subjects": "Child M",
        "partnership": "Northbridge Safeguarding Children Partnership",
        "commissioned_days_ago": 700,
        "completed_days_ago": 300,
        "published_days_ago": 240,
        "summary": "Child M, aged 4, suffered serious injuries at home. Domestic abuse between the adults was known "
        "to several agencies but its impact on the child was not assessed.",
        "recommendations": [
            (
                "1",
                "Agencies should assess the impact of domestic abuse on children in the household.",
                "The focus stayed on the adults.",
                "local",
                ["Domestic abuse and harm to children", "Voice of the victim or child"],
                [
                    (
                        "CSC",
                        "Principal social worker",
                        "Introduce a child impact section in domestic abuse assessments.",
                        "Assessments record the child's lived experience.",
                        "green",
                    ),
                    (
                        "Police",
                        "Public protection unit manager",
                        "Ensure child notifications are made for every domestic incident with children present.",
                        "Notifications are made in 100% of cases.",
                        "amber_due",
                    ),
                    (
                        "NDAS",
                        "Children and young people's worker",
                        "Offer support to children in IDVA cases.",
                        "Children are offered support within 10 days.",
                        "green_not_started",
                    ),
                ],
            ),
            (
                "2",
                "Health visitors should see children alone where there are concerns.",
                "Child M was never seen without a parent present.",
                "local",
                ["Voice of the victim or child", "Professional curiosity"],
                [
                    (
                        "ICB",
                        "Designated nurse for children",
                        "Audit health visiting records for the child seen alone.",
                        "Audit shows improvement over two quarters.",
                        "red",
                    ),
                    (
                        "NTH",
                        "Named nurse for children",
                        "Train paediatric ED staff on seeing the child alone.",
                        "ED records show the child seen alone where appropriate.",
                        "submitted",
                    ),
                ],
            ),
            (
                "3",
                "The partnership should strengthen the response to non-mobile babies and toddlers with injuries.",
                "A bruise at 14 months was not escalated.",
                "local",
                ["Policies and procedures", "Referrals and thresholds"],
                [
                    (
                        "ICB",
                        "Named GP",
                        "Relaunch the bruising in non-mobile children protocol in primary care.",
                        "GPs refer every bruise in a non-mobile child.",
                        "assured",
                    ),
                    (
                        "CSC",
                        "Front door service manager",
                        "Apply the protocol at the front door.",
                        "Front door decisions audited against the protocol.",
                        "returned",
                    ),
                ],
            ),
            (
                "4",
                "Agencies should include fathers and male carers in assessments.",
                "Child M's mother's partner was invisible to services.",
                "local",
                ["Family and carer concerns", "Professional curiosity"],
                [
                    (
                        "CSC",
                        "Principal social worker",
                        "Publish practice guidance on involving fathers and male carers.",
                        "Guidance in use; audit shows male carers assessed.",
                        "amber_drift",
                    ),
                    (
                        "Probation",
                        "Head of public protection",
                        "Share information about men on probation living with children.",
                        "Information shared at every relevant referral.",
                        "green",
                    ),
                ],
            ),
            (
                "5",
                "The partnership should review the capacity of the front door to manage demand.",
                "Referrals waited four days for a decision.",
                "local",
                ["Workforce capacity", "Leadership and organisational culture"],
                [
                    (
                        "CSC",
                        "Assistant director",
                        "Report front door demand and capacity to the partnership.",
                        "Decisions made within one working day.",
                        "in_progress_red",
                    )
                ],
            ),
            (
                "6",
                "Schools and early years settings should record and share low-level concerns.",
                "The nursery held concerns that were not shared.",
                "local",
                ["Information sharing", "Record keeping"],
                [
                    (
                        "CSC",
                        "Education safeguarding lead",
                        "Issue a chronology template to early years settings.",
                        "Settings keep chronologies and share them.",
                        "green",
                    )
                ],
            ),
        ],
    },
    {
        "reference": "THEM-2024-01",
        "type": "THEMATIC",
        "title": "Thematic review: learning from deaths of people with multiple disadvantage",
        "subjects": "Five adults (anonymised)",
        "partnership": "Northbridge Safeguarding Adults Board",
        "commissioned_days_ago": 400,
        "completed_days_ago": 120,
        "published_days_ago": 90,
        "summary": "Five adults with combined homelessness, substance use and mental ill health died within 18 months.",
        "recommendations": [
            (
                "T1",
                "Trauma-informed practice",
                "Services should be designed so that people who have been harmed can use them.",
                "local",
                ["Housing and multiple disadvantage", "Access to services"],
                [
                    (
                        "ICB",
                        "Commissioning manager",
                        "Commission trauma-informed training across the partnership.",
                        "Staff across agencies trained; service user feedback improves.",
                        "green",
                    ),
                    (
                        "Housing",
                        "Homelessness manager",
                        "Review hostel rules that exclude people for missed key-work sessions.",
                        "Fewer exclusions from supported accommodation.",
                        "amber_due",
                    ),
                ],
            ),
            (
                "T2",
                "Dual diagnosis",
                "Mental health and substance use services should work together, not refer between each other.",
                "local",
                ["Mental health", "Substance use", "Multi-agency working"],
                [
                    (
                        "NMHT",
                        "Dual diagnosis lead",
                        "Agree a joint working protocol with the recovery service.",
                        "No one is refused by both services.",
                        "green_not_started",
                    ),
                    (
                        "Recovery",
                        "Clinical lead",
                        "Place a recovery worker in the community mental health team.",
                        "Joint caseload established.",
                        "red",
                    ),
                ],
            ),
            (
                "T3",
                "Release from custody",
                "People leaving prison should have accommodation and treatment on release.",
                "regional",
                ["Transitions and handover", "Housing and multiple disadvantage"],
                [
                    (
                        "Probation",
                        "Head of resettlement",
                        "Ensure a housing referral 12 weeks before release.",
                        "Everyone released has an accommodation plan.",
                        "returned",
                    ),
                    (
                        "Recovery",
                        "Criminal justice team leader",
                        "Meet people at the gate on release.",
                        "Treatment continues within 48 hours of release.",
                        "green",
                    ),
                ],
            ),
            (
                "T4",
                "Bereavement and loss",
                "Losing a child to care or a partner to death should prompt extra support.",
                "local",
                ["Mental health", "Professional curiosity"],
                [
                    (
                        "ASC",
                        "Team manager",
                        "Add loss as a prompt in care act assessments.",
                        "Assessments identify recent loss.",
                        "amber_drift",
                    ),
                    (
                        "NMHT",
                        "Psychological therapies lead",
                        "Offer bereavement support through talking therapies.",
                        "Referrals for bereavement support increase.",
                        "green",
                    ),
                ],
            ),
        ],
    },
]

REVIEWS.append(
    {
        "reference": "LLR-2024-02",
        "type": "LLR",
        "title": "Local Learning Review: Jay, stalking and harassment",
        "subjects": "Jay",
        "partnership": "Safer Northbridge Partnership",
        "commissioned_days_ago": 500,
        "completed_days_ago": 200,
        "published_days_ago": None,
        "summary": "Jay was seriously injured by a former partner after months of stalking "
        "reported to several agencies.",
        "recommendations": [
            (
                "1",
                "Stalking should be recognised and recorded as a pattern, not as separate incidents.",
                "Eleven reports were recorded as separate harassment incidents.",
                "local",
                ["Coercive control and other abuse (economic abuse, stalking)", "Record keeping"],
                [
                    (
                        "Police",
                        "Head of Public Protection",
                        "Introduce stalking screening on repeat harassment reports.",
                        "Repeat reports are screened and linked.",
                        "submitted",
                    ),
                    (
                        "Police",
                        "Training manager",
                        "Deliver stalking awareness training to call handlers.",
                        "Call handlers identify stalking in call audits.",
                        "green",
                    ),
                    (
                        "NDAS",
                        "IDVA service manager",
                        "Train IDVAs to use the stalking risk checklist.",
                        "Stalking risk recorded in IDVA assessments.",
                        "assured",
                    ),
                ],
            ),
            (
                "2",
                "Victims should be told what happens to their reports.",
                "Jay was not told that reports had been filed without action.",
                "local",
                ["Voice of the victim or child", "Access to services"],
                [
                    (
                        "Police",
                        "Victim care manager",
                        "Contact victims within five days of each report.",
                        "Victim satisfaction survey improves.",
                        "red",
                    ),
                    (
                        "CST",
                        "Community safety manager",
                        "Publish a leaflet on reporting stalking.",
                        "Leaflet available in all partner venues.",
                        "assured",
                    ),
                    (
                        "NDAS",
                        "Service manager",
                        "Offer advocacy to every stalking victim referred.",
                        "Take-up of advocacy rises.",
                        "green_not_started",
                    ),
                ],
            ),
            (
                "3",
                "Agencies should use stalking protection orders where criteria are met.",
                "No protection order was considered.",
                "local",
                ["Risk assessment and management (DASH, MARAC)", "Perpetrator work"],
                [
                    (
                        "Police",
                        "Legal services manager",
                        "Review every high-risk stalking case for a protection order.",
                        "Orders applied for in eligible cases.",
                        "amber_due",
                    ),
                    (
                        "Probation",
                        "Senior probation officer",
                        "Monitor protection order conditions for people on licence.",
                        "Breaches are acted on the same day.",
                        "green",
                    ),
                    (
                        "CST",
                        "DHR coordinator",
                        "Report stalking protection order use to the partnership every quarter.",
                        "Quarterly figures reported.",
                        "amber_drift",
                    ),
                ],
            ),
            (
                "4",
                "Digital stalking should be part of every stalking assessment.",
                "Tracking devices and social media abuse were not explored.",
                "regional",
                ["Coercive control and other abuse (economic abuse, stalking)", "Training and awareness"],
                [
                    (
                        "Police",
                        "Digital forensics manager",
                        "Provide digital stalking checks for high-risk victims.",
                        "Checks offered within 48 hours.",
                        "returned",
                    ),
                    (
                        "NDAS",
                        "Service manager",
                        "Train advocates in digital safety planning.",
                        "Safety plans cover devices and accounts.",
                        "green",
                    ),
                    (
                        "Housing",
                        "Housing options team leader",
                        "Include digital safety in sanctuary scheme visits.",
                        "Sanctuary visits check devices.",
                        "closed",
                    ),
                    (
                        "ICB",
                        "Designated nurse for safeguarding adults",
                        "Brief GP practices on digital stalking.",
                        "Practices recognise and refer digital stalking.",
                        "red_not_started",
                    ),
                ],
            ),
        ],
    }
)
