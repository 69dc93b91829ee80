"""Fictional recommendations, grouped: three wordings of the same learning, two of different learning
that share its words. Every review, agency and place named here is invented."""

from __future__ import annotations

GROUPS: list[dict[str, list[str]]] = [
    {
        "same": [
            "Agencies should refer all high-risk domestic abuse cases to MARAC.",
            "Where a DASH risk assessment identifies high risk, practitioners must make a referral to the "
            "multi-agency risk assessment conference.",
            "Eastwick Police should ensure officers refer victims assessed as high risk to the MARAC without delay.",
        ],
        "different": [
            "Agencies should ensure a representative attends every MARAC meeting and completes the actions "
            "allocated to them.",
            "The MARAC steering group should review the quality of information presented at MARAC meetings.",
        ],
    },
    {
        "same": [
            "GP practices should record disclosures of domestic abuse in the patient's record.",
            "Primary care should code domestic abuse when a patient discloses it, so that the next clinician can see it.",
            "General practitioners must document any disclosure of domestic violence in the medical notes.",
        ],
        "different": [
            "GP practices should invite patients who disclose domestic abuse to a follow-up appointment with a nurse.",
            "The ICB should commission domestic abuse training for receptionists in GP surgeries.",
        ],
    },
    {
        "same": [
            "Emergency department staff should complete a DASH risk assessment when a patient attends with "
            "injuries consistent with domestic abuse.",
            "A&E clinicians should assess domestic abuse risk using the DASH checklist for patients presenting "
            "with assault injuries.",
            "The acute trust should ensure that accident and emergency staff carry out a risk assessment when "
            "domestic abuse is suspected.",
        ],
        "different": [
            "Emergency department staff should record the name of any person accompanying a patient with injuries.",
            "The hospital should employ a hospital-based IDVA in the emergency department.",
        ],
    },
    {
        "same": [
            "The partnership should commission an independent domestic violence adviser service based in the hospital.",
            "Commissioners should fund a hospital IDVA post so that victims can be supported at the point they attend.",
            "Northmoor ICB should explore funding for a health-based independent domestic abuse advisor within "
            "the acute trust.",
        ],
        "different": [
            "The IDVA service should review its caseloads to ensure high-risk victims are contacted within 24 hours.",
            "Hospital staff should be trained to recognise domestic abuse in older patients.",
        ],
    },
    {
        "same": [
            "Practitioners should use professional interpreters, and never family members, when speaking to a "
            "victim of domestic abuse.",
            "Agencies must not rely on relatives or children to interpret where abuse may be taking place; "
            "an independent interpreter should be used.",
            "Staff should always book a professional interpreter rather than using the partner or family to translate.",
        ],
        "different": [
            "Agencies should publish information about domestic abuse services in the main community languages.",
            "Staff should record a person's first language and whether an interpreter is needed on the referral form.",
        ],
    },
    {
        "same": [
            "Agencies should not close cases solely because a person has missed appointments.",
            "Services should follow up disengagement rather than discharging an adult who did not attend.",
            "Missed appointments should prompt curiosity about the reasons, not automatic case closure.",
        ],
        "different": [
            "Agencies should send appointment reminders by text message to reduce missed appointments.",
            "Services should close cases only after a multi-agency closure meeting has agreed the plan.",
        ],
    },
    {
        "same": [
            "Practitioners should assess mental capacity where self-neglect puts a person's life at risk.",
            "Where an adult who is self-neglecting refuses support, staff should consider whether they have the "
            "capacity to make that decision.",
            "Mental Capacity Act assessments should be carried out when a person declines help and their "
            "self-neglect places them at serious risk.",
        ],
        "different": [
            "Practitioners should record the outcome of best interests decisions in the care plan.",
            "The board should publish a self-neglect leaflet for the public.",
        ],
    },
    {
        "same": [
            "The Safeguarding Adults Board should adopt a multi-agency self-neglect protocol.",
            "The SAB should introduce a self-neglect and hoarding policy that all partner agencies follow.",
            "A shared multi-agency procedure for responding to self-neglect should be developed and approved by "
            "the board.",
        ],
        "different": [
            "The Safeguarding Adults Board should audit the use of its existing self-neglect protocol.",
            "The SAB should adopt a protocol for responding to people in positions of trust.",
        ],
    },
    {
        "same": [
            "Health visitors should see children alone when there are concerns about their welfare.",
            "Practitioners should speak to the child on their own to hear their voice when concerns are raised.",
            "Where there are safeguarding concerns, professionals should make sure that they talk with children alone.",
        ],
        "different": [
            "Health visitors should see the family at home rather than at the clinic when concerns are raised.",
            "Children's social care should record the child's wishes and feelings in every assessment.",
        ],
    },
    {
        "same": [
            "Agencies should include fathers and male carers in assessments.",
            "Assessments should involve men in the household, including stepfathers and partners, and not only "
            "mothers.",
            "Practitioners should engage with fathers and other male carers when assessing risk to a child.",
        ],
        "different": [
            "Agencies should record the details of every adult living in the household.",
            "Maternity services should ask mothers about domestic abuse at every antenatal appointment.",
        ],
    },
    {
        "same": [
            "Mental health services should ask about domestic abuse routinely.",
            "The mental health trust should introduce routine enquiry about domestic abuse for every patient.",
            "Community mental health teams must routinely ask service users whether they are experiencing abuse "
            "at home.",
        ],
        "different": [
            "Mental health services should share risk information with the police when a patient is a danger "
            "to others.",
            "The mental health trust should review its policy on discharging patients who miss appointments.",
        ],
    },
    {
        "same": [
            "Agencies should recognise separation as a time of heightened risk in domestic abuse.",
            "Practitioners should be aware that the risk of homicide increases when a victim leaves or separates "
            "from an abusive partner.",
            "Risk assessments should treat a recent or planned separation as a factor that increases risk.",
        ],
        "different": [
            "Agencies should support victims to obtain a non-molestation order after separation.",
            "Housing should offer a sanctuary scheme to victims who wish to remain in their home after separation.",
        ],
    },
    {
        "same": [
            "Agencies should ask about coercive control, not only physical violence.",
            "Practitioners should explore controlling and coercive behaviour when assessing domestic abuse.",
            "Training should enable staff to identify patterns of coercive and controlling behaviour where there "
            "is no physical injury.",
        ],
        "different": [
            "The police should increase charges for the offence of controlling or coercive behaviour.",
            "Agencies should ask about economic abuse when assessing a victim's finances.",
        ],
    },
    {
        "same": [
            "Housing should consider domestic abuse when handling rent arrears.",
            "Housing officers should ask whether domestic or economic abuse lies behind a tenant's rent arrears "
            "before taking enforcement action.",
            "The landlord should check for signs of abuse before starting possession proceedings for arrears.",
        ],
        "different": [
            "Housing should prioritise repairs for tenants who are victims of domestic abuse.",
            "Housing should refer tenants with rent arrears to debt advice.",
        ],
    },
    {
        "same": [
            "Stalking should be recognised and recorded as a pattern of behaviour, not as separate incidents.",
            "The police should link stalking reports so that the course of conduct is seen as a whole.",
            "Officers should treat repeated reports of harassment as a single course of conduct and record it "
            "as stalking.",
        ],
        "different": [
            "Agencies should use stalking protection orders where the criteria are met.",
            "The police should train call handlers to recognise stalking when victims call.",
        ],
    },
    {
        "same": [
            "Agencies should apply for stalking protection orders where the criteria are met.",
            "The police should make full use of stalking protection orders to protect victims.",
            "Officers should consider seeking a Stalking Protection Order in every case that meets the threshold.",
        ],
        "different": [
            "The police should monitor breaches of stalking protection orders and act on every breach.",
            "Officers should consider a domestic abuse protection notice at every domestic incident.",
        ],
    },
    {
        "same": [
            "Victims should be told what happens to their reports.",
            "The police should keep victims informed about the progress of their case.",
            "Agencies should give victims regular updates on the outcome of what they have reported.",
        ],
        "different": [
            "Victims should be able to report abuse online.",
            "The police should record the victim's account in their own words.",
        ],
    },
    {
        "same": [
            "Agencies should share information when an adult refuses services.",
            "A refusal of care should not stop practitioners from sharing safeguarding concerns with partner agencies.",
            "When a person at risk declines support, staff should still pass on information to other "
            "organisations involved.",
        ],
        "different": [
            "Agencies should respect an adult's refusal of services and record the reasons they give.",
            "Agencies should share information about adults who refuse services with the GP only with consent.",
        ],
    },
    {
        "same": [
            "Hospital discharge should include a home environment check for people who self-neglect.",
            "Before discharging a patient who self-neglects, the ward should arrange for someone to check the "
            "condition of their home.",
            "Discharge planning for adults who neglect themselves should include a visit to assess the home "
            "environment.",
        ],
        "different": [
            "Hospital discharge summaries should be sent to the GP within 24 hours.",
            "Hospitals should not discharge homeless patients to the street.",
        ],
    },
    {
        "same": [
            "Agencies should assess the impact of domestic abuse on children in the household.",
            "Where domestic abuse is reported, practitioners must consider the harm to children who live there.",
            "Children living with domestic abuse should be recognised as victims and their needs assessed.",
        ],
        "different": [
            "Schools should be told the next morning when police attend a domestic abuse incident at a child's home.",
            "Agencies should assess the risk to children from an adult's substance use.",
        ],
    },
    {
        "same": [
            "Schools should be notified when police attend a domestic abuse incident at a pupil's home.",
            "The partnership should adopt Operation Encompass so that schools are told before the start of the "
            "next school day about domestic abuse incidents.",
            "Police should inform the child's school the following morning after attending domestic violence at "
            "the family home.",
        ],
        "different": [
            "Schools should teach pupils about healthy relationships.",
            "Police should inform children's social care of every domestic abuse incident where a child is present.",
        ],
    },
    {
        "same": [
            "The partnership should strengthen the response to injuries in non-mobile babies.",
            "Any bruise on a baby who is not yet crawling should lead to a safeguarding referral.",
            "Practitioners should follow the bruising protocol for infants who are not independently mobile.",
        ],
        "different": [
            "Practitioners should give parents advice on safe sleeping for babies.",
            "The partnership should strengthen the response to injuries in older children who self-harm.",
        ],
    },
    {
        "same": [
            "Practitioners should show professional curiosity and not accept explanations at face value.",
            "Staff should be curious about what they see and hear, and check what families tell them.",
            "Professionals should apply respectful uncertainty and test the accounts given by parents.",
        ],
        "different": [
            "Practitioners should check the identity of every adult in the home.",
            "Staff should accept the family's choice of interpreter.",
        ],
    },
    {
        "same": [
            "Alcohol-related harm should be treated as a safeguarding concern where care needs are unmet.",
            "Practitioners should raise a safeguarding concern when an adult's drinking leaves their care and "
            "support needs unmet.",
            "Adults whose alcohol dependence means their needs go unmet should be considered for a section 42 enquiry.",
        ],
        "different": [
            "Alcohol services should offer assertive outreach to dependent drinkers who do not attend.",
            "Hospitals should screen every patient for alcohol use on admission.",
        ],
    },
    {
        "same": [
            "The Department of Health and Social Care should fund alcohol assertive outreach nationally.",
            "Government should provide national funding for assertive outreach to change-resistant drinkers.",
            "The board will write to the DHSC asking for national investment in assertive alcohol outreach teams.",
        ],
        "different": [
            "The Home Office should fund perpetrator programmes nationally.",
            "The local authority should fund an alcohol outreach worker from its own budget.",
        ],
    },
    {
        "same": [
            "The Home Office should make perpetrator programmes available in every area.",
            "Government should fund behaviour change programmes for perpetrators of domestic abuse across the country.",
            "The partnership will write to the Home Office about the lack of perpetrator intervention "
            "programmes locally.",
        ],
        "different": [
            "Probation should refer perpetrators to accredited programmes while on licence.",
            "The Home Office should update the statutory guidance for domestic homicide reviews.",
        ],
    },
    {
        "same": [
            "The partnership should review the capacity of the front door to manage demand.",
            "The multi-agency safeguarding hub does not have enough staff for the number of contacts it receives; "
            "staffing should be reviewed.",
            "Leaders should assess whether the MASH is resourced to respond to the volume of referrals.",
        ],
        "different": [
            "The front door should screen referrals within 24 hours.",
            "The partnership should publish the MASH threshold document for partners.",
        ],
    },
    {
        "same": [
            "Schools and early years settings should record and share low-level concerns.",
            "Nurseries and schools should keep a record of minor worries about a child and pass them on when "
            "they build a picture.",
            "Education settings should document small concerns and share them with children's social care when "
            "they accumulate.",
        ],
        "different": [
            "Schools should record attendance and follow up unexplained absence.",
            "Early years settings should train staff in first aid.",
        ],
    },
    {
        "same": [
            "Agencies should use trauma-informed approaches with people facing multiple disadvantage.",
            "Practitioners working with people who are homeless and use substances should work in a "
            "trauma-informed way.",
            "Services for adults with multiple and complex needs should adopt trauma-informed practice.",
        ],
        "different": [
            "Housing should provide emergency accommodation to people sleeping rough in winter.",
            "Agencies should screen people with multiple disadvantage for brain injury.",
        ],
    },
    {
        "same": [
            "Mental health and substance use services should work jointly with people who have a dual diagnosis.",
            "People with co-occurring mental health and alcohol or drug problems should not be passed between "
            "services; a joint care plan is needed.",
            "The mental health trust and the drug and alcohol service should agree a shared pathway for dual "
            "diagnosis.",
        ],
        "different": [
            "Mental health services should not refuse patients who are intoxicated at the time of assessment.",
            "The drug and alcohol service should offer naloxone to everyone leaving treatment.",
        ],
    },
    {
        "same": [
            "Probation, housing and health should plan together before a person is released from custody.",
            "Release planning should begin early so that accommodation and health care are in place on the day "
            "of release from prison.",
            "Agencies should hold a pre-release meeting to arrange housing and a GP for people leaving prison.",
        ],
        "different": [
            "Probation should assess domestic abuse risk before a perpetrator is released.",
            "Prisons should share healthcare records with community mental health teams.",
        ],
    },
    {
        "same": [
            "Practitioners should recognise bereavement and loss as risk factors for adults who self-neglect.",
            "Services should ask about recent bereavement and offer support when an adult's self-care declines.",
            "The impact of grief on an adult's ability to look after themselves should be explored by professionals.",
        ],
        "different": [
            "Agencies should offer bereavement support to the families of DHR victims.",
            "Practitioners should recognise hoarding as a form of self-neglect.",
        ],
    },
    {
        "same": [
            "The partnership should assure itself that learning from domestic homicide reviews is embedded.",
            "The CSP should seek evidence that DHR recommendations have changed practice, not only that actions "
            "are complete.",
            "The board should test whether practice has changed as a result of previous review recommendations.",
        ],
        "different": [
            "The partnership should publish domestic homicide reviews on its website.",
            "The CSP should complete domestic homicide reviews within six months.",
        ],
    },
    {
        "same": [
            "Digital stalking should be part of every stalking assessment.",
            "Risk assessments for stalking should ask about tracking, spyware and online harassment.",
            "Practitioners should assess technology-enabled stalking, such as monitoring of phones and social media.",
        ],
        "different": [
            "The police should seize the suspect's devices in stalking investigations.",
            "Agencies should assess the risk of stalking after separation.",
        ],
    },
    {
        "same": [
            "Agencies should ask whether an adult is a carer and offer a carer's assessment.",
            "Practitioners should identify unpaid carers and tell them of their right to an assessment of their "
            "own needs.",
            "Adult social care should make sure family carers are offered an assessment of the support they need.",
        ],
        "different": [
            "Agencies should ask whether a child is a young carer at school.",
            "Adult social care should review care packages every year.",
        ],
    },
    {
        "same": [
            "Agencies should ask whether people are veterans or have served in the armed forces.",
            "Services should routinely ask about military service so that veterans can be offered specialist support.",
            "Practitioners should identify ex-service personnel by asking about armed forces history.",
        ],
        "different": [
            "Armed forces welfare officers should attend MARAC when a serving soldier is involved.",
            "Services should ask about gambling as well as alcohol.",
        ],
    },
    {
        "same": [
            "Maternity services should ask about domestic abuse at every antenatal contact.",
            "Midwives should routinely enquire about domestic violence during pregnancy, seeing the woman on her own.",
            "Routine enquiry about abuse should take place at each pregnancy appointment.",
        ],
        "different": [
            "Maternity services should share information about unborn babies with health visitors.",
            "Midwives should ask about substance use at the booking appointment.",
        ],
    },
    {
        "same": [
            "Practitioners should have access to regular reflective supervision for complex cases.",
            "Managers should provide staff with protected time for supervision that challenges their thinking "
            "about difficult cases.",
            "Supervision should give practitioners space to reflect on risk in complex work.",
        ],
        "different": [
            "Managers should audit case records every quarter.",
            "Practitioners should be supervised by a qualified social worker when making decisions about closure.",
        ],
    },
    {
        "same": [
            "Practitioners should escalate concerns when they disagree with another agency's decision.",
            "Staff should use the resolving professional differences policy when they are not satisfied with a "
            "response.",
            "Professionals should challenge and escalate decisions by partner agencies they believe leave a "
            "person at risk.",
        ],
        "different": [
            "Practitioners should escalate concerns about a colleague's conduct to the designated officer.",
            "Staff should record the outcome of strategy meetings.",
        ],
    },
    {
        "same": [
            "A multi-agency chronology should be kept for adults who are the subject of repeated safeguarding "
            "concerns.",
            "Agencies should pool their records into a single timeline when concerns about an adult recur.",
            "Where there are repeated concerns, the lead agency should compile a shared chronology from all partners.",
        ],
        "different": [
            "Agencies should keep their chronologies of individual cases up to date.",
            "The lead agency should call a strategy meeting when concerns recur.",
        ],
    },
    {
        "same": [
            "Young people moving to adult services should have a transition plan from the age of 16.",
            "Transitional safeguarding arrangements should begin before a child turns 18 so that support does not "
            "stop.",
            "Children's and adult services should plan together early for young people approaching adulthood.",
        ],
        "different": [
            "Young people leaving care should be offered accommodation.",
            "Adult services should assess 18-year-olds within 28 days.",
        ],
    },
    {
        "same": [
            "Agencies should recognise the criminal exploitation of children through county lines.",
            "Practitioners should identify children being exploited to sell drugs as victims, not offenders.",
            "Child criminal exploitation should be treated as child abuse, and children involved in drug dealing "
            "seen as victims.",
        ],
        "different": [
            "The police should disrupt county lines by targeting the adults who run them.",
            "Agencies should refer children at risk of sexual exploitation to the MASH.",
        ],
    },
    {
        "same": [
            "Police should check for previous domestic abuse history when attending an incident.",
            "Officers attending a domestic should look at prior incidents involving the couple before assessing risk.",
            "Responding officers must review the history of domestic calls at the address as part of the risk "
            "assessment.",
        ],
        "different": [
            "Police should wear body-worn cameras at every domestic abuse incident.",
            "Officers should check on the welfare of children present at a domestic incident.",
        ],
    },
    {
        "same": [
            "Non-fatal strangulation should be recognised as a marker of high risk.",
            "Practitioners should treat any report of choking or strangulation as an indicator of serious danger.",
            "Training should make clear that strangulation by a partner is a significant risk factor for homicide.",
        ],
        "different": [
            "Police should charge non-fatal strangulation as a specific offence.",
            "Emergency departments should photograph neck injuries.",
        ],
    },
    {
        "same": [
            "Agencies should make use of the domestic violence disclosure scheme.",
            "Police should proactively use Clare's Law to tell people about a partner's history of abuse.",
            "Practitioners should help people to apply for disclosure under Clare's Law when they are worried "
            "about a new partner.",
        ],
        "different": [
            "Agencies should publicise how to report domestic abuse.",
            "Police should tell the victim when a perpetrator is released from custody.",
        ],
    },
    {
        "same": [
            "GPs should be invited to and contribute to child protection conferences.",
            "Primary care should provide a report for every initial child protection conference.",
            "General practice should share what it knows with child protection conferences, in writing if it "
            "cannot attend.",
        ],
        "different": [
            "GPs should be trained to recognise neglect in children.",
            "Child protection conferences should be held within 15 days of the strategy discussion.",
        ],
    },
    {
        "same": [
            "Safeguarding training should cover domestic abuse in older people.",
            "Practitioners should be trained to recognise that older adults also experience domestic abuse, "
            "including from adult children.",
            "Domestic abuse awareness training should include abuse of elderly people by partners and family members.",
        ],
        "different": [
            "Safeguarding training should be refreshed every three years.",
            "Older people should be offered a falls assessment.",
        ],
    },
    {
        "same": [
            "The Safeguarding Adults Board should seek assurance that agencies apply the Mental Capacity Act.",
            "The SAB should audit how well partner agencies are using the MCA in practice.",
            "The board should obtain evidence that mental capacity assessments are carried out and recorded properly.",
        ],
        "different": [
            "The Safeguarding Adults Board should seek assurance that hospital discharge is safe.",
            "The SAB should publish an easy-read guide to the Mental Capacity Act.",
        ],
    },
    {
        "same": [
            "Agencies should record and share information about a perpetrator's risk with MARAC.",
            "Probation should pass on what it knows about the perpetrator's history to the risk assessment conference.",
            "Information about the person causing harm should be shared with MARAC so that risk is fully understood.",
        ],
        "different": [
            "Probation should share information about perpetrators with the victim's employer.",
            "Agencies should record the victim's views on MARAC actions.",
        ],
    },
    {
        "same": [
            "People with no recourse to public funds should be able to get emergency support when fleeing abuse.",
            "The council should provide accommodation for victims of domestic abuse who have no recourse to "
            "public funds.",
            "Migrant victims with NRPF conditions should not be turned away from refuges.",
        ],
        "different": [
            "Agencies should check the immigration status of every victim.",
            "Refuges should provide accessible rooms for disabled women.",
        ],
    },
]
