"""The demo's learning across reviews: a strategic plan, national recommendations, dissemination, the index.

Read from the `strategic_plans`, `national` and `disseminations` parts of northbridge.json; dates are
days before (or after) the day the demo is loaded, like the rest of the story.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from tracker.db import db
from tracker.models import Partnership, Recommendation, Review, User
from tracker.services.learning import dissemination, index, national, plans


def _recommendation(reference: str, number: str) -> Recommendation:
    found = db.session.scalar(
        select(Recommendation).join(Review).where(Review.reference == reference, Recommendation.number == number)
    )
    assert found is not None, f"the demo story names {reference} recommendation {number}, which it does not hold"
    return found


def load(told: dict[str, Any], *, partnerships: dict[str, Partnership], actor: User, today: date) -> None:
    def ago(days: int | None) -> date | None:
        return today - timedelta(days=days) if days is not None else None

    for spec in told.get("strategic_plans", []):
        starts, ends = ago(spec["starts_days_ago"]), today + timedelta(days=spec["ends_days_from_now"])
        # The story's dates move with today, so the years in the plan's title do too.
        years = {"start": starts.year if starts else today.year, "end": ends.year}
        plan = plans.create_plan(
            actor=None,
            partnership=partnerships[spec["partnership"]],
            title=spec["title"].format(**years),
            starts_on=starts,
            ends_on=ends,
            summary=spec["summary"],
        )
        for told_priority in spec["priorities"]:
            priority = plans.add_priority(actor=None, plan=plan, title=told_priority["title"])
            priority.recommendations.extend(_recommendation(ref, number) for ref, number in told_priority["links"])
    for spec in told.get("national", []):
        national.record_national(
            actor=None,
            recommendation=_recommendation(spec["review"], spec["number"]),
            addressee=spec["addressee"],
            sent_on=ago(spec["sent_days_ago"]),
            response=spec["response"],
            responded_on=ago(spec["responded_days_ago"]),
            implementation=spec["implementation"],
            notes=spec["notes"],
        )
    for spec in told.get("disseminations", []):
        dissemination.create_dissemination(
            actor=actor,
            kind=spec["kind"],
            title=spec["title"],
            held_on=ago(spec["held_days_ago"]),
            audience=spec["audience"],
            reached=spec["reached"],
            partnership=partnerships[spec["partnership"]],
            recommendations=[_recommendation(ref, number) for ref, number in spec["links"]],
        )
    db.session.flush()
    index.refresh_all()
