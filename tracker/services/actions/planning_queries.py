"""What the subgroup's action forms read: the agencies to choose from and the records they hang on."""

from __future__ import annotations

from sqlalchemy.orm import joinedload, selectinload

from tracker.models import Action, Recommendation, TargetDateChange

# A target date request with the people on it and its action's context.
CHANGE_WITH_ACTION = (
    joinedload(TargetDateChange.requested_by),
    joinedload(TargetDateChange.decided_by),
    joinedload(TargetDateChange.action).joinedload(Action.recommendation).joinedload(Recommendation.review),
    joinedload(TargetDateChange.action).joinedload(Action.lead_agency),
)
# A recommendation about to take a new action: its review, and the agencies it is addressed to. The agencies are read
# by a statement of their own: joined in the same one, SQLite first joined every recommendation's agencies (70,000
# rows at national scale, 31 ms) and only then kept this one's.
RECOMMENDATION_FOR_ACTIONS = (joinedload(Recommendation.review), selectinload(Recommendation.agencies))
