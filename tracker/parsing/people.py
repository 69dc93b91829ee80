"""Telling people from organisations in a "Lead" or "Addressed to" cell.

A person (or a post such as "Designated Nurse") is an action's owner; an organisation is its agency.
Known agencies and their aliases, when the caller passes them, settle it; otherwise the words decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.parsing.agencies import normalise_agency_name


def _words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make a name an organisation (or a part of one).
ORGANISATION_WORDS = _words_of(
    """council councils police constabulary nhs trust trusts service services board boards partnership partnerships
team teams group groups probation health healthcare hospital hospitals icb icbs ccg ccgs practice practices gp gps
school schools college colleges university academy academies department office government ministry agency agencies
unit units authority authorities commissioner commission panel forum network association housing care social
children childrens children's adult adults safeguarding fire rescue ambulance marac mash idva idvas refuge aid
charity foundation cps dwp hmpps nps crc court courts prison prisons directorate subgroup sub-group committee
cafcass ofsted cqc partners partner providers provider landlord landlords solutions centre center clinic surgery
pharmacy commissioning cic ltd limited plc borough county city district region regional national local london home
homes"""
)
# Words for an area of work ("Early Help", "Mental capacity"): not a person, but not certainly an organisation.
SERVICE_WORDS = _words_of(
    """mental wellbeing public community youth justice offending substance drug drugs alcohol recovery domestic abuse
victim victims family families midwifery maternity primary secondary help early options support education
employment"""
)
# Capitalised short names for organisations that carry none of the words above.
ORGANISATION_ACRONYMS = _words_of(
    """ASC CSC ICB CCG NHS DWP CPS NPS CRC HMPPS IDVA MARAC MASH MAPPA CSP SAB LSCP SCP DHSC DFE DfE DLUHC MHCLG HMG
HMCTS CQC GP GPs YOT YJS DAAT LA CAMHS AMHP EDT"""
)
TITLES = _words_of(
    "mr mrs ms miss mx dr prof professor sir dame rev cllr councillor di dci dcs ds dc pc ps supt insp sgt ch"
)
POSTS = re.compile(
    r"\b(manager|managers|lead|leads|officer|officers|head|director|directors|nurse|nurses|co-?ordinator|chair|"
    r"adviser|advisor|designated|named|principal|worker|consultant|practitioner|inspector|superintendent|"
    r"detective|sergeant|constable|commander|chief|executive|secretary|administrator|champion|clinician|doctor|"
    r"midwife|visitor|matron|deputy|assistant|senior|specialist|analyst|partner\s+lead)\b",
    re.I,
)
_INITIALS_NAME = re.compile(r"^(?:[A-Z]\.?\s*){1,3}\s*[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$")
_FULL_NAME = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$")
_SEPARATORS = re.compile(r"\s*(?:/|;|\n|,|&|\band\b|\+)\s*")
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_DASHED = re.compile(r"^(?P<a>.+?)\s+[–—-]\s+(?P<b>.+)$")

PERSON, POST, ORGANISATION, UNKNOWN = "person", "post", "organisation", "unknown"


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z'’&]+", name)


def kind_of(name: str, known: frozenset[str] = frozenset()) -> str:
    """PERSON ("A. Person", "DI J Smith", "Jane Smith"), POST ("Head of Service"), ORGANISATION or UNKNOWN."""
    text = " ".join(name.split()).strip(" .,;:-–—")
    if not text:
        return UNKNOWN
    if normalise_agency_name(text) in known:
        return ORGANISATION
    words = _words(text)
    lowered = {w.lower().strip("'’") for w in words}
    first = words[0].lower().rstrip(".") if words else ""
    if first in TITLES and len(words) >= 2 and not lowered & ORGANISATION_WORDS:
        return PERSON
    if POSTS.search(text):
        # "Head of Service" is a post even with "Service" in it; "Police Lead" is still a post.
        return POST
    if lowered & ORGANISATION_WORDS or any(w in ORGANISATION_ACRONYMS for w in words):
        return ORGANISATION
    if text.isupper() and len(text) <= 8:
        return ORGANISATION
    if lowered & SERVICE_WORDS:
        return UNKNOWN
    bare = re.sub(r"^(?:" + "|".join(TITLES) + r")\.?\s+", "", text, flags=re.I)
    if _INITIALS_NAME.match(bare) or _FULL_NAME.match(bare):
        return PERSON
    return UNKNOWN


@dataclass
class Lead:
    """What one cell says about who leads: the agency, the owner, the other agencies, and why."""

    agency: str | None = None
    owner: str | None = None
    others: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    doubt: str | None = None


def read_lead(cell: str, *, column: str, prefer: str, known: frozenset[str] = frozenset()) -> Lead:
    """Split a lead cell into agency and owner.

    `prefer` is what the column means when the words do not settle it ("agency" or "owner"); `column`
    is the heading as written, for the notes.
    """
    text = " ".join(cell.split())
    lead = Lead()
    if not text:
        return lead
    if (m := _BRACKETED.match(text)) or (m := _DASHED.match(text)):
        outer, inner = (m["outer"], m["inner"]) if "outer" in m.groupdict() else (m["a"], m["b"])
        k_outer, k_inner = kind_of(outer, known), kind_of(inner, known)
        if k_outer == ORGANISATION and k_inner in {PERSON, POST}:
            lead.agency, lead.owner = outer.strip(), inner.strip()
        elif k_inner == ORGANISATION and k_outer in {PERSON, POST}:
            lead.agency, lead.owner = inner.strip(), outer.strip()
        if lead.agency:
            lead.notes.append(
                f"{column} '{text}' gives both an organisation ({lead.agency}) and a person or post "
                f"({lead.owner}): the organisation was taken as the agency and the other as the owner."
            )
            return lead
    names = [p.strip(" .-–") for p in _SEPARATORS.split(text) if p and p.strip(" .-–")]
    kinds = [kind_of(n, known) for n in names]
    people = [n for n, k in zip(names, kinds, strict=True) if k in {PERSON, POST}]
    organisations = [n for n, k in zip(names, kinds, strict=True) if k == ORGANISATION]
    whole = kind_of(text, known)
    if people and not organisations and (all(k != UNKNOWN for k in kinds) or whole in {PERSON, POST}):
        lead.owner = text
        if prefer == "agency":
            what = "names people" if PERSON in kinds or whole == PERSON else "names a post"
            lead.notes.append(f"'{text}' taken as the owner: it {what}, not an organisation.")
            shaped = [n for n in people if _FULL_NAME.match(n) and kind_of(n.split()[0]) != PERSON]
            if shaped and not any(_INITIALS_NAME.match(n) for n in people):
                lead.doubt = (
                    f"'{text}' looks like a person's name, so it was taken as the owner; check it is not "
                    "an organisation."
                )
        return lead
    if organisations and people:
        lead.owner = " / ".join(people)
        lead.agency, lead.others = organisations[0], organisations[1:]
        lead.notes.append(
            f"{column} '{text}' names organisations and people: {lead.agency} was taken as the agency "
            f"and {lead.owner} as the owner."
        )
        return lead
    if prefer == "owner" and not organisations:
        lead.owner = text
        return lead
    from tracker.parsing.agencies import split_agencies

    agencies = split_agencies(text)
    if prefer == "owner":
        lead.notes.append(f"'{text}' taken as the agency: it names an organisation, not a person.")
    if agencies:
        lead.agency, lead.others = agencies[0], agencies[1:]
    return lead


def known_names(names: Iterable[str] | None) -> frozenset[str]:
    return frozenset(normalise_agency_name(n) for n in names or () if n and n.strip())
