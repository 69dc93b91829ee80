"""Factories the action tests need beyond tests/factories.py."""

from __future__ import annotations

from datetime import timedelta

import factory

from tests.factories import ActionFactory, Base
from tracker import clock
from tracker.models import AssuranceDecision, TargetDateChange
from tracker.rules.vocabulary import DecisionOutcome


class TargetDateChangeFactory(Base):
    class Meta:
        model = TargetDateChange

    action = factory.SubFactory(ActionFactory)
    previous_date = factory.LazyAttribute(lambda o: o.action.target_date)
    proposed_date = factory.LazyFunction(lambda: clock.today() + timedelta(days=200))
    reason = "Training places were cancelled by the provider."
    requested_at = factory.LazyFunction(clock.now)


class AssuranceDecisionFactory(Base):
    class Meta:
        model = AssuranceDecision

    action = factory.SubFactory(ActionFactory)
    outcome = DecisionOutcome.RETURNED
    comment = "Show the change across all teams."
    meeting_on = factory.LazyFunction(clock.today)
    decided_at = factory.LazyFunction(clock.now)
