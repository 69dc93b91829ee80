"""What the subgroup's action forms read: the agencies to choose from and the records they hang on."""

from __future__ import annotations

from sqlalchemy.orm import joinedload

from tracker.models import Action, Recommendation, TargetDateChange

# A target date request with the people on it and its action's context.
CHANGE_WITH_ACTION = (
    joinedload(TargetDateChange.requested_by),
    joinedload(TargetDateChange.decided_by),
    joinedload(TargetDateChange.action).joinedload(Action.recommendation).joinedload(Recommendation.review),
    joinedload(TargetDateChange.action).joinedload(Action.lead_agency),
)
# A recommendation about to take a new action: its review, and the agencies it is addressed to.
RECOMMENDATION_FOR_ACTIONS = (joinedload(Recommendation.review), joinedload(Recommendation.agencies))
