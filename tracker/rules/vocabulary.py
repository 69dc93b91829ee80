"""The named values of the domain, as docs/domain.md spells them."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    SUBGROUP = "subgroup"
    AGENCY_LEAD = "agency_lead"
    BOARD = "board"

    @property
    def label(self) -> str:
        return {
            Role.ADMIN: "Administrator",
            Role.SUBGROUP: "Subgroup member",
            Role.AGENCY_LEAD: "Agency lead",
            Role.BOARD: "Board member",
        }[self]


class ReviewType(StrEnum):
    DHR = "DHR"
    DARDR = "DARDR"
    LLR = "LLR"
    SAR = "SAR"
    CSPR = "CSPR"
    THEMATIC = "THEMATIC"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return {
            ReviewType.DHR: "Domestic Homicide Review",
            ReviewType.DARDR: "Domestic Abuse Related Death Review",
            ReviewType.LLR: "Local Learning Review",
            ReviewType.SAR: "Safeguarding Adults Review",
            ReviewType.CSPR: "Child Safeguarding Practice Review",
            ReviewType.THEMATIC: "Thematic review",
            ReviewType.OTHER: "Other review",
        }[self]


class Scope(StrEnum):
    LOCAL = "local"
    REGIONAL = "regional"
    NATIONAL = "national"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PartnershipKind(StrEnum):
    CSP = "CSP"
    SAB = "SAB"
    SCP = "SCP"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return {
            PartnershipKind.CSP: "Community Safety Partnership",
            PartnershipKind.SAB: "Safeguarding Adults Board",
            PartnershipKind.SCP: "Safeguarding Children Partnership",
            PartnershipKind.OTHER: "Other partnership",
        }[self]


class EvidenceKind(StrEnum):
    COMPLETION = "completion"
    IMPACT = "impact"

    @property
    def label(self) -> str:
        return {EvidenceKind.COMPLETION: "Evidence of completion", EvidenceKind.IMPACT: "Evidence of impact"}[self]


class DecisionOutcome(StrEnum):
    ASSURED = "assured"
    RETURNED = "returned"
    CLOSED_NOT_ACHIEVED = "closed_not_achieved"

    @property
    def label(self) -> str:
        return {
            DecisionOutcome.ASSURED: "Assured",
            DecisionOutcome.RETURNED: "Returned with a challenge",
            DecisionOutcome.CLOSED_NOT_ACHIEVED: "Closed, not achieved",
        }[self]


class TargetDateChangeState(StrEnum):
    PENDING = "pending"
    AGREED = "agreed"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return self.value.capitalize()
