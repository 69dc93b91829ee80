"""A third set of fictional recommendations, never used to choose anything in the matcher: it was written
before the matcher's present thesaurus, weights and threshold, and measured once they were settled.
Every review, agency and place named here is invented, and none of the wording comes from a real report.

As in fresh_groups.py: each group holds wordings of one piece of learning ("same") and pieces of
different learning that share its words ("different"); CROSS pairs share words but not learning.
"""

from __future__ import annotations

GROUPS: list[dict[str, list[str]]] = [
    {
        "same": [
            "Midwives should ask every pregnant woman about domestic abuse at least once when her partner is not "
            "in the room.",
            "Antenatal care: routine DA enquiry must take place with the woman seen on her own.",
            "Maternity staff need to create a safe opportunity, without the partner present, to ask about abuse "
            "during pregnancy.",
        ],
        "different": [
            "Midwives should record the partner's details in the maternity notes.",
            "Maternity services should offer support to stop smoking during pregnancy.",
        ],
    },
    {
        "same": [
            "Where several agencies are involved with an adult at risk, a combined chronology should be drawn up.",
            "Bring together each agency's timeline of contacts into one shared chronology so the whole picture "
            "can be seen.",
        ],
        "different": [
            "Agencies should send their chronologies to the review panel on time.",
            "Agencies should keep case notes up to date.",
        ],
    },
    {
        "same": [
            "A lead professional should be named to coordinate the plan when many agencies are involved.",
            "Complex multi-agency cases need one identified key worker who holds the overview.",
        ],
        "different": [
            "Each agency should name a lead officer for the review.",
            "Multi-agency plans should be reviewed every three months.",
        ],
    },
    {
        "same": [
            "The emergency duty team should be able to see daytime case records.",
            "Out-of-hours social workers must have access to the same case information as the day teams.",
        ],
        "different": [
            "The emergency duty team should be staffed by experienced social workers.",
            "Case records should be archived 12 months after closure.",
        ],
    },
    {
        "same": [
            "When allocating a tenancy to a known domestic abuse perpetrator, housing should ask police and "
            "probation about the risk he poses.",
            "Landlords should check with the police before housing someone with a record of abusing partners, "
            "to protect any new partner.",
        ],
        "different": [
            "Housing should offer target hardening to victims who want to stay in their home.",
            "Probation should assess whether perpetrators are suitable for a programme.",
        ],
    },
    {
        "same": [
            "Adult social care should arrange an advocate where a person has substantial difficulty taking part "
            "in a safeguarding enquiry.",
            "Independent advocacy must be provided under the Care Act for adults who struggle to be involved in "
            "an enquiry and have nobody suitable to support them.",
        ],
        "different": [
            "Adult social care should record the person's preferred way of communicating.",
            "Advocacy services should be funded for victims of crime.",
        ],
    },
    {
        "same": [
            "When a family moves to another area, the case should be transferred with a direct conversation "
            "between the social workers.",
            "Transfers between local authorities must include a worker-to-worker handover, not just the file.",
        ],
        "different": [
            "Families moving into the area should be helped to register with a GP.",
            "Social workers should visit within five working days of a new referral.",
        ],
    },
    {
        "same": [
            "Develop a multi-agency approach for change-resistant dependent drinkers.",
            "Create a pathway for heavy drinkers who repeatedly refuse treatment, with agencies managing the risk "
            "together.",
        ],
        "different": [
            "Alcohol treatment services should reduce their waiting lists.",
            "Agencies should ask about alcohol use in pregnancy.",
        ],
    },
    {
        "same": [
            "Services should adopt trauma-informed approaches.",
            "Staff training should help workers understand how adverse childhood experiences shape behaviour, and "
            "respond with that in mind.",
        ],
        "different": [
            "Services should adopt a single assessment form.",
            "Staff training should be recorded on a central database.",
        ],
    },
    {
        "same": [
            "The council should keep a register of children educated at home and visit them.",
            "Children who are electively home educated should be seen by the local authority at least once a year.",
        ],
        "different": [
            "Schools should follow up children missing from education after ten days.",
            "The council should publish its register of registered childminders.",
        ],
    },
    {
        "same": [
            "Officers should take positive action, including arrest, where there are grounds at domestic incidents.",
            "Where an offence is disclosed at a DA call-out, police must consider arresting the suspect rather "
            "than relying on the victim's statement.",
        ],
        "different": [
            "Officers should give victims information about support services at domestic incidents.",
            "Police should record the views of children present at domestic incidents.",
        ],
    },
    {
        "same": [
            "Practitioners should ask about tracking apps and control of phones as part of risk assessment.",
            "Tech-facilitated abuse, such as monitoring a partner's location through their mobile, should be "
            "understood by staff.",
        ],
        "different": [
            "Agencies should give staff mobile phones for lone working.",
            "Victims should be given advice on online fraud.",
        ],
    },
    {
        "same": [
            "The fire service should receive referrals for people who smoke while using home oxygen.",
            "Health professionals who prescribe home oxygen must tell fire and rescue, so that a safety visit can "
            "be offered to smokers.",
        ],
        "different": [
            "Fire and rescue should inspect care homes.",
            "Health professionals should encourage patients to stop smoking.",
        ],
    },
    {
        "same": [
            "Care providers should raise a safeguarding concern when a resident develops a grade 3 or 4 pressure sore.",
            "Severe pressure damage in a nursing home ought to be reported as possible neglect.",
        ],
        "different": [
            "Care homes should weigh residents every month.",
            "District nurses should use the pressure ulcer risk tool.",
        ],
    },
    {
        "same": [
            "Commissioners should visit care homes unannounced as part of contract monitoring.",
            "Contract officers should make spot checks without notice on residential providers.",
        ],
        "different": [
            "Commissioners should publish the list of contracted care homes.",
            "The regulator should be told about every death in a care home.",
        ],
    },
    {
        "same": [
            "Agencies should recognise abuse in teenage relationships and respond to it as domestic abuse.",
            "Relationship abuse between under-18s should be taken as seriously as adult DA, with the risk "
            "assessment adapted for young people.",
        ],
        "different": [
            "Schools should teach about consent in PSHE lessons.",
            "Youth workers should be trained in first aid.",
        ],
    },
    {
        "same": [
            "Cafcass should check with police and children's services before advising the court on contact.",
            "Safeguarding checks with local agencies ought to be made before a child arrangements order is "
            "recommended.",
        ],
        "different": [
            "Cafcass should see children in school.",
            "Police should share domestic abuse incidents with schools.",
        ],
    },
    {
        "same": [
            "Police and mental health services should run a joint triage service for people in crisis.",
            "A mental health professional should be available to advise officers when they meet someone in "
            "mental distress.",
        ],
        "different": [
            "Mental health services should reduce waits for a bed in A&E.",
            "Police should carry naloxone for suspected overdoses.",
        ],
    },
    {
        "same": [
            "People sleeping rough should be helped to register with a GP.",
            "Primary care must accept registration from homeless people without proof of address.",
        ],
        "different": [
            "GPs should offer longer appointments to patients with complex needs.",
            "Rough sleepers should be offered a flu vaccine.",
        ],
    },
    {
        "same": [
            "Newly qualified social workers should not hold complex safeguarding cases.",
            "Workers in their first year in practice must be given protected caseloads without high-risk cases.",
        ],
        "different": [
            "Newly qualified social workers should be given a mentor.",
            "Social workers should hold fewer than 20 cases.",
        ],
    },
    {
        "same": [
            "Reviews should be completed within six months of the decision to hold them.",
            "The partnership should speed up its review process so that learning is not delayed.",
        ],
        "different": [
            "Reviews should include the voice of the family.",
            "The partnership should publish an annual learning report.",
        ],
    },
    {
        "same": [
            "Agencies should be alert to signs of sexual abuse within the family.",
            "Practitioners need training in recognising intra-familial child sexual abuse.",
        ],
        "different": [
            "Police should prioritise online child sexual abuse images.",
            "Agencies should be alert to signs of modern slavery.",
        ],
    },
    {
        "same": [
            "Staff should know how to refer to the National Referral Mechanism when they suspect modern slavery.",
            "Possible victims of trafficking must be referred to the NRM by first responders.",
        ],
        "different": [
            "The council should check its suppliers for slavery in their supply chains.",
            "Police should refer victims of fraud to the national fraud reporting centre.",
        ],
    },
    {
        "same": [
            "Refuges should be able to take women with high support needs, including substance use and mental "
            "health problems.",
            "Commission refuge places for victims with multiple disadvantages who are currently turned away.",
        ],
        "different": [
            "Refuges should have space for women with older sons.",
            "Commissioners should fund a mental health nurse in the community team.",
        ],
    },
    {
        "same": [
            "Housing providers should report unexplained deterioration in a flat's condition as a possible sign "
            "of self-neglect.",
            "Tenancy officers who find a home in very poor condition should raise it with adult social care.",
        ],
        "different": [
            "Housing providers should carry out gas safety checks every year.",
            "Tenancy officers should visit new tenants within six weeks.",
        ],
    },
]

CROSS: list[tuple[str, str]] = [
    ("Midwives should ask about domestic abuse.", "Midwives should ask about smoking."),
    ("Police should refer possible victims to the NRM.", "Police should refer high-risk victims to MARAC."),
    ("Commissioners should monitor care home contracts.", "Commissioners should monitor IDVA contracts."),
    ("Train staff in trauma-informed practice.", "Train staff in professional curiosity."),
    ("ASC should arrange advocacy for s42 enquiries.", "ASC should arrange interpreters for s42 enquiries."),
    (
        "The SAB should commission a thematic review of deaths from self-neglect.",
        "The SAB should commission training on self-neglect.",
    ),
    ("GPs should record carers on the patient record.", "GPs should record domestic abuse on the patient record."),
    (
        "Children's social care should visit children who are educated at home.",
        "Children's social care should visit children on a plan every ten working days.",
    ),
]
