"""The named values of learning across reviews: national responses, their implementation, dissemination."""

from __future__ import annotations

from enum import StrEnum

# A national recommendation with no response this many days after it was sent is flagged.
NO_RESPONSE_DAYS = 56


class NationalResponse(StrEnum):
    AWAITED = "awaited"
    ACCEPTED = "accepted"
    ACCEPTED_IN_PRINCIPLE = "accepted_in_principle"
    REJECTED = "rejected"
    NO_RESPONSE = "no_response"

    @property
    def label(self) -> str:
        return {
            NationalResponse.AWAITED: "Awaited",
            NationalResponse.ACCEPTED: "Accepted",
            NationalResponse.ACCEPTED_IN_PRINCIPLE: "Accepted in principle",
            NationalResponse.REJECTED: "Rejected",
            NationalResponse.NO_RESPONSE: "No response",
        }[self]


class NationalImplementation(StrEnum):
    FULLY_IMPLEMENTED = "fully_implemented"
    ALREADY_HAPPENING = "already_happening"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NO_INFORMATION = "no_information"

    @property
    def label(self) -> str:
        return {
            NationalImplementation.FULLY_IMPLEMENTED: "Fully implemented",
            NationalImplementation.ALREADY_HAPPENING: "Already happening",
            NationalImplementation.PARTLY_MET: "Partly met",
            NationalImplementation.NOT_MET: "Not met",
            NationalImplementation.NO_INFORMATION: "No information",
        }[self]


class DisseminationKind(StrEnum):
    BRIEFING = "briefing"
    TRAINING = "training"
    EVENT = "event"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            DisseminationKind.BRIEFING: "Briefing published",
            DisseminationKind.TRAINING: "Training updated",
            DisseminationKind.EVENT: "Practitioner event held",
            DisseminationKind.OTHER: "Other",
        }[self]
