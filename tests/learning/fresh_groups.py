"""A second, fresh set of fictional recommendations, written apart from pair_groups.py and in other
shapes: imperatives, headings, "it is recommended that", the board's voice, abbreviations where the
first set spells out and the reverse, one line against a paragraph. Every review, agency and place
named here is invented, and none of the wording comes from a real report.

Each group holds wordings of one piece of learning ("same") and pieces of different learning that
share its words ("different"). CROSS pairs learning from two groups that share words but not learning.
"""

from __future__ import annotations

GROUPS: list[dict[str, list[str]]] = [
    {
        "same": [
            "Training on coercive control for GPs.",
            "Primary care clinicians should receive training to recognise controlling and coercive behaviour "
            "in their patients' relationships.",
            "The ICB is asked to make sure general practice staff learn how to spot coercive control, including "
            "where there are no physical injuries.",
        ],
        "different": [
            "GP information sharing with MARAC.",
            "The ICB should audit how quickly GP practices respond to subject access requests.",
        ],
    },
    {
        "same": [
            "GP information sharing with MARAC.",
            "General practices should answer MARAC research requests and pass relevant health information to the "
            "meeting before it sits.",
            "Primary care must contribute what it holds about both the victim and the alleged perpetrator to the "
            "multi agency risk assessment conference.",
        ],
        "different": [
            "GPs should attend safeguarding training on domestic abuse every year.",
            "The MARAC coordinator should send the meeting's actions to every agency within two working days.",
        ],
    },
    {
        "same": [
            "Acute hospitals must not discharge a patient with care and support needs until a safe discharge "
            "plan, agreed with adult social care, is in place.",
            "Before someone leaves hospital, ward staff and ASC should jointly confirm that the care package is "
            "ready at home.",
            "Hospital discharge: check the home situation and have services arranged before the person is sent "
            "home from the ward.",
        ],
        "different": [
            "The hospital trust should review its procedure for patients who self-discharge against medical advice.",
            "Adult social care should complete Care Act needs assessments within 28 days of a referral.",
        ],
    },
    {
        "same": [
            "Unpaid carers should be offered an assessment of their own needs under the Care Act.",
            "Where a relative is providing a lot of care, ASC must tell them they are entitled to a carer's "
            "assessment and offer one.",
            "Identify family members who look after the person and assess whether they can cope with caring, "
            "and what support they need to carry on.",
        ],
        "different": [
            "Paid carers from home care agencies should be trained to notice and report signs of neglect.",
            "Care Act assessments should record the person's own views in their own words.",
        ],
    },
    {
        "same": [
            "Use the clutter image rating scale to assess hoarding and share the score with fire and housing.",
            "Practitioners who visit homes with an extreme build-up of belongings should grade it on a "
            "recognised clutter scale and let the fire service know.",
        ],
        "different": [
            "The fire and rescue service should offer home fire safety visits to smokers who use paraffin-based "
            "skin creams.",
            "People who hoard should be referred to psychology for therapy.",
        ],
    },
    {
        "same": [
            "Police and housing should work together to identify and protect vulnerable tenants whose homes "
            "are taken over by drug dealers.",
            "Agencies should recognise cuckooing as the exploitation of an adult at risk and respond under "
            "adult safeguarding procedures.",
            "Where dealers have moved into a vulnerable person's flat, treat it as abuse of the tenant, not as "
            "antisocial behaviour by them.",
        ],
        "different": [
            "The police should share intelligence about county lines dealers with schools.",
            "Housing should offer tenancy sustainment support to tenants with substance misuse problems.",
        ],
    },
    {
        "same": [
            "Adult mental health and substance misuse services should always ask whether a patient has children "
            "or caring responsibilities, and consider the impact on them.",
            "Think Family: workers supporting a parent must consider the child's needs, not only the adult in "
            "front of them.",
            "When an adult client is a parent, staff in adult services should record the children in the "
            "household and think about their welfare.",
        ],
        "different": [
            "Children's social care should involve fathers in child protection plans.",
            "Adult services should record a client's next of kin at first contact.",
        ],
    },
    {
        "same": [
            "Young people with care needs should have a plan for the move from children's to adult services, "
            "started by the age of 14.",
            "Transfer from CSC to ASC at 18 must be planned early so that support does not stop on the young "
            "person's birthday.",
            "It is recommended that the partnership secures a smooth handover for disabled young people and care "
            "leavers as they reach adulthood.",
        ],
        "different": [
            "Children's services should identify and assess young carers in the household.",
            "Adult social care should review every package of care once a year.",
        ],
    },
    {
        "same": [
            "Staff should use the escalation policy when they disagree with another agency's decision.",
            "Front-line workers must be confident to challenge and escalate when a referral they made is closed "
            "without action.",
            "The partnership should relaunch its resolving professional differences protocol and check that "
            "practitioners know how to use it.",
        ],
        "different": [
            "Agencies should escalate overdue audit actions to the partnership's executive group.",
            "Practitioners should challenge a family's explanation of a child's injuries.",
        ],
    },
    {
        "same": [
            "Practitioners should understand that data protection law does not prevent sharing information to "
            "keep someone safe.",
            "Staff must not let worries about GDPR or consent stop them passing on safeguarding concerns.",
            "Build confidence in lawful information sharing without consent where there is a risk of serious harm.",
        ],
        "different": [
            "Agencies should sign the partnership's data sharing agreement for the performance dashboard.",
            "Staff should seek a family's consent before making a referral to early help.",
        ],
    },
    {
        "same": [
            "Officers should complete the DA risk identification checklist with the victim at every incident.",
            "Police must carry out a DASH RIC at each domestic call-out rather than relying on an earlier grading.",
            "A fresh risk assessment should be done at every reported domestic incident instead of being carried "
            "over from the last one.",
        ],
        "different": [
            "Completed DASH risk assessments should be shared with the victim's GP.",
            "Police should attend domestic incidents within the target response time.",
        ],
    },
    {
        "same": [
            "The MASH should apply the threshold document consistently when deciding which contacts become referrals.",
            "Decisions at the multi-agency safeguarding hub about whether a child meets the threshold for "
            "statutory social care should be consistent and recorded with reasons.",
        ],
        "different": [
            "Health should have a nurse based in the MASH.",
            "The threshold document should be updated to cover criminal exploitation.",
        ],
    },
    {
        "same": [
            "The partnership should commission multi-agency domestic abuse training for all frontline staff.",
            "A joint training programme on DA should be run across partner organisations.",
            "Roll out domestic violence training that brings practitioners from different agencies together to "
            "learn side by side.",
        ],
        "different": [
            "The partnership should evaluate the impact of its training on practice.",
            "Frontline staff should be given protected time to attend MARAC.",
        ],
    },
    {
        "same": [
            "Drug and alcohol services should routinely ask clients about domestic abuse.",
            "Substance misuse workers must screen for DA as part of every assessment.",
            "Routine enquiry about domestic violence should be built into treatment services for people who use "
            "alcohol or drugs.",
        ],
        "different": [
            "Substance misuse services should share information with mental health services about people with a "
            "dual diagnosis.",
            "Alcohol services should offer assertive outreach to dependent drinkers who do not engage.",
        ],
    },
    {
        "same": [
            "Capacity assessments should consider whether the person can actually carry out a decision, not only "
            "whether they can talk about it.",
            "Practitioners should take account of executive functioning when assessing mental capacity.",
            "Where someone says they can manage but repeatedly fails to, the MCA assessment should look at their "
            "ability to act on what they decide.",
        ],
        "different": [
            "Mental capacity assessments should be recorded on the standard template.",
            "Best interests decisions should involve the person's family.",
        ],
    },
    {
        "same": [
            "Section 42 enquiries should be made when the criteria are met, even if the adult is not engaging.",
            "Adult social care should open a safeguarding enquiry under the Care Act whenever an adult with care "
            "needs is experiencing abuse and cannot protect themselves.",
        ],
        "different": [
            "The outcome of s42 enquiries should be fed back to the person who raised the concern.",
            "Adult social care should carry out Care Act needs assessments for people who hoard.",
        ],
    },
    {
        "same": [
            "Practitioners should ask the adult what outcomes they want from the safeguarding process.",
            "Apply Making Safeguarding Personal: the person's own wishes should shape the safeguarding response.",
            "Adults at risk should be at the centre of safeguarding decisions made about them, and involved in "
            "making them.",
        ],
        "different": [
            "The SAB should publish its annual report in an easy read version.",
            "Practitioners should ask the adult about their finances and who manages their money.",
        ],
    },
    {
        "same": [
            "Agencies should recognise that victims of domestic abuse may be at risk of suicide, and assess it.",
            "Risk assessments for people experiencing abuse should include questions about self-harm and suicidal "
            "thoughts.",
            "The link between DA and suicide should be understood: a victim who talks about ending their life "
            "needs a safety plan.",
        ],
        "different": [
            "The partnership should commission a thematic review of suicides among young men.",
            "Risk assessments should include questions about access to firearms.",
        ],
    },
    {
        "same": [
            "Police firearms licensing should check for a history of domestic abuse before granting or renewing a "
            "certificate.",
            "When reviewing a shotgun licence, the licensing team must consider any reports of domestic violence "
            "involving the holder.",
        ],
        "different": [
            "GPs should place a firearms marker on the records of patients who hold a certificate.",
            "Officers should remove weapons from the address when they attend a domestic incident.",
        ],
    },
    {
        "same": [
            "Agencies should recognise financial control as a form of domestic abuse.",
            "Practitioners must understand economic abuse, such as a partner taking control of wages or benefits.",
        ],
        "different": [
            "Adult social care should investigate financial abuse by paid carers.",
            "Agencies should refer victims with debts to money advice.",
        ],
    },
    {
        "same": [
            "Commissioners should fund a behaviour change programme for people who cause harm in relationships.",
            "The CSP should commission a perpetrator intervention so that those using abuse are challenged to change.",
            "Invest in work with abusers themselves, not only in services for victims.",
        ],
        "different": [
            "Probation should monitor perpetrators released on licence.",
            "Commissioners should fund refuge places for male victims.",
        ],
    },
    {
        "same": [
            "Use the graded care profile to assess neglect in families.",
            "Practitioners should apply a recognised neglect assessment tool, such as GCP2, when they are worried "
            "about the care a child is getting.",
        ],
        "different": [
            "Schools should report attendance concerns to children's social care.",
            "The LSCP should refresh its neglect strategy.",
        ],
    },
    {
        "same": [
            "Health providers should treat a child's missed appointment as 'was not brought' and follow it up.",
            "When children miss health appointments, services should recognise that a parent did not bring them "
            "and consider whether this is neglect.",
        ],
        "different": [
            "Dental services should offer appointments outside school hours.",
            "Health providers should send appointment letters in the patient's first language.",
        ],
    },
    {
        "same": [
            "Housing options should not require victims of domestic abuse to prove they are homeless with "
            "evidence from the police.",
            "Victims fleeing abuse should not be asked for a crime reference before the council accepts a "
            "homelessness duty.",
        ],
        "different": [
            "Housing options should give victims fleeing domestic abuse priority on the housing register.",
            "The council should increase its supply of temporary accommodation.",
        ],
    },
    {
        "same": [
            "Agencies should place a marker on the records of high-risk victims so that all staff can see the risk.",
            "Case management systems should carry an alert when someone has been heard at MARAC.",
            "Flag high risk DA cases on each agency's electronic records.",
        ],
        "different": [
            "Agencies should keep MARAC minutes secure and separate from case records.",
            "Staff should read previous records before a home visit.",
        ],
    },
    {
        "same": [
            "Managers should review open cases regularly and record their decisions on file.",
            "There should be evidence of management oversight on case files, with recorded direction at key "
            "decision points.",
        ],
        "different": [
            "Managers should make sure staff complete mandatory training.",
            "Case files should be closed within 30 days of the last contact.",
        ],
    },
    {
        "same": [
            "Information about safeguarding should be provided in easy read for people with learning disabilities.",
            "Agencies must make reasonable adjustments so that adults with a learning disability can understand "
            "the support on offer.",
        ],
        "different": [
            "Annual health checks should be offered to all adults with a learning disability.",
            "The learning disability partnership board should monitor deaths reviewed under the national programme.",
        ],
    },
    {
        "same": [
            "The LSCP should develop a contextual safeguarding approach to harm outside the home.",
            "Partners should assess risks to adolescents in places and peer groups, not only within the family.",
        ],
        "different": [
            "The LSCP should develop a neglect strategy.",
            "Police should patrol the town centre on Friday nights.",
        ],
    },
    {
        "same": [
            "Probation should make sure people leaving prison have somewhere to live on the day of release.",
            "Release planning must secure accommodation before the prisoner walks out of the gate.",
        ],
        "different": [
            "Probation should tell victims when the offender is due for release.",
            "Prisons should send health records to the person's community GP on release.",
        ],
    },
    {
        "same": [
            "Families should be invited to contribute to the review and be offered an advocate.",
            "The review panel must engage the victim's relatives and refer them to specialist advocacy for "
            "bereaved families.",
        ],
        "different": [
            "The review should be published within a month of Home Office approval.",
            "Agencies should offer counselling to staff involved in the case.",
        ],
    },
    {
        "same": [
            "Maternity services should refer to children's social care early in pregnancy where there are "
            "safeguarding concerns, so that a pre-birth assessment can be done.",
            "Pre-birth assessments should start by 20 weeks of pregnancy.",
        ],
        "different": [
            "Midwives should ask about domestic abuse when the woman is seen alone.",
            "Children's social care should complete assessments within 45 working days.",
        ],
    },
    {
        "same": [
            "Health visitors and midwives should give safe sleeping advice, including the dangers of co-sleeping "
            "after drinking alcohol.",
            "Parents should be told about the risks of sharing a bed with a baby, especially when they have been "
            "drinking or using drugs.",
        ],
        "different": [
            "Health visitors should see every new baby within 14 days of birth.",
            "Alcohol services should ask parents about their children.",
        ],
    },
    {
        "same": [
            "Schools should be told by the next morning when police attend a domestic incident involving a pupil.",
            "Operation Encompass notifications should reach the designated safeguarding lead before the school "
            "day starts.",
        ],
        "different": [
            "Schools should record safeguarding concerns on an electronic system.",
            "Police should wear body-worn video when they attend domestic incidents.",
        ],
    },
    {
        "same": [
            "Every partner agency should have a domestic abuse policy for its own employees.",
            "Employers in the partnership must support staff who are themselves experiencing DA, through a "
            "workplace policy.",
        ],
        "different": [
            "Every partner agency should have a named safeguarding lead.",
            "Agencies should review their domestic abuse policies for service users.",
        ],
    },
    {
        "same": [
            "Ambulance crews should make safeguarding referrals when they find an adult living in squalor.",
            "Paramedics attending people in very poor home conditions must raise a safeguarding concern.",
        ],
        "different": [
            "Ambulance crews should record who was present at the scene.",
            "Paramedics should be trained in the Mental Capacity Act.",
        ],
    },
    {
        "same": [
            "Primary care should look at the pattern of repeated attendances for minor injuries rather than "
            "treating each one alone.",
            "GPs should review the whole history when a patient keeps presenting with unexplained injuries.",
        ],
        "different": [
            "Primary care should review repeat prescriptions for opioids.",
            "Emergency departments should record injuries on body maps.",
        ],
    },
    {
        "same": [
            "Agencies should recognise abuse of a parent by their adult son or daughter as domestic abuse.",
            "Adult family violence, where grown-up children harm their parents, should be assessed under domestic "
            "abuse processes, including MARAC.",
        ],
        "different": [
            "Parents of disabled children should be offered short breaks.",
            "Agencies should recognise abuse of residents in care homes.",
        ],
    },
    {
        "same": [
            "Practitioners should be alert to so-called honour-based abuse and forced marriage.",
            "Training should cover HBA, including the risk from extended family and members of the community.",
        ],
        "different": [
            "Agencies should publish leaflets in community languages.",
            "The police should monitor breaches of forced marriage protection orders.",
        ],
    },
    {
        "same": [
            "Professional curiosity: practitioners should not take explanations at face value and should explore "
            "what lies behind them.",
            "Staff need to probe further when what they are told does not match what they see.",
            "Encourage respectful uncertainty, so that workers check and test accounts rather than accept them.",
        ],
        "different": [
            "Practitioners should explain to families what will happen after a referral.",
            "Staff should be told what they can claim for travel to home visits.",
        ],
    },
    {
        "same": [
            "The Board should seek assurance that mental health trusts follow up people discharged after a "
            "suicide attempt within 72 hours.",
            "Patients leaving psychiatric inpatient care after trying to take their own life must be contacted "
            "within three days.",
        ],
        "different": [
            "The Board should seek assurance that carers are offered an assessment.",
            "Mental health trusts should reduce out of area placements.",
        ],
    },
    {
        "same": [
            "A&E should refer frequent attenders with alcohol problems to the alcohol liaison nurse.",
            "Emergency department staff should use the hospital's alcohol care team when a patient keeps "
            "coming in drunk.",
        ],
        "different": [
            "A&E should record the postcode of every assault victim.",
            "The alcohol liaison nurse should teach ward staff about alcohol withdrawal.",
        ],
    },
    {
        "same": [
            "IDVAs should be co-located in the MASH.",
            "Place an independent domestic violence advocate in the multi agency safeguarding hub so that "
            "specialist advice is on hand at the front door.",
        ],
        "different": [
            "IDVAs should hold caseloads of no more than 100 victims a year.",
            "The MASH should include a probation officer.",
        ],
    },
    {
        "same": [
            "Consider a DAPO where a perpetrator keeps contacting the victim after bail ends.",
            "Police should make greater use of domestic abuse protection orders to keep victims safe between "
            "arrest and charge.",
        ],
        "different": [
            "Police should not release perpetrators under investigation without conditions when a victim is "
            "at high risk.",
            "Courts should list breaches of protection orders quickly.",
        ],
    },
    {
        "same": [
            "Adult social care should not close a self-neglect case just because the adult refuses help; keep "
            "trying to build a relationship.",
            "Where someone who neglects themselves declines support, practitioners should persist with "
            "engagement over time rather than closing the case.",
        ],
        "different": [
            "Adult social care should close cases only with a manager's agreement.",
            "Practitioners should offer self-neglect cases a referral to the fire service.",
        ],
    },
]

CROSS: list[tuple[str, str]] = [
    (
        "Multi-agency training on self-neglect and hoarding should be offered to all frontline staff.",
        "The SAB should adopt a multi-agency self-neglect and hoarding protocol.",
    ),
    (
        "Adult social care should complete carers' assessments promptly.",
        "ASC should complete section 42 enquiries promptly.",
    ),
    (
        "Police should refer high risk domestic abuse victims to MARAC.",
        "Police should refer children at risk of exploitation to the MASH.",
    ),
    (
        "The Board should seek assurance that transitions to adult services are planned.",
        "The Board should seek assurance that hospital discharges are planned.",
    ),
    (
        "GPs should ask about coercive control.",
        "GPs should ask about gambling.",
    ),
    (
        "Agencies should ensure their staff receive training on the Mental Capacity Act.",
        "Agencies should ensure their staff receive training on information sharing.",
    ),
    (
        "Mental health services should ask patients about domestic abuse.",
        "Mental health services should ask patients about their children.",
    ),
    (
        "The MARAC should review repeat referrals.",
        "The MASH should review repeat referrals.",
    ),
    (
        "Probation should share risk information with children's social care.",
        "Probation should share risk information with the victim's IDVA.",
    ),
    (
        "Housing should carry out a risk assessment before placing a family in temporary accommodation.",
        "Housing should carry out a fire risk assessment of every flat used as temporary accommodation.",
    ),
    (
        "Hospital staff should be trained to recognise cuckooing.",
        "Hospital staff should be trained to recognise self-neglect.",
    ),
    (
        "The IDVA service should receive referrals from A&E.",
        "The IDVA service should receive referrals from maternity.",
    ),
    (
        "The partnership should audit the quality of DASH risk assessments.",
        "The partnership should audit the quality of carers' assessments.",
    ),
    (
        "Agencies should share information about transitions with the young person's GP.",
        "GPs should share information about young people with CAMHS.",
    ),
]
