"""factory_boy factories for the tracker's models: realistic, fictional, and flushed not committed."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy import select

from tracker import clock
from tracker.db import db
from tracker.models import Action, Agency, Evidence, Partnership, ProgressUpdate, Recommendation, Review, User
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import EvidenceKind, PartnershipKind, ReviewType, Role

# Hashing a real password costs tens of milliseconds; factories share one hash.
_HASH: dict[str, str] = {}


def password_hash() -> str:
    from tests.conftest import PASSWORD
    from tracker.services.auth import hash_password

    if "h" not in _HASH:
        _HASH["h"] = hash_password(PASSWORD)
    return _HASH["h"]


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class PartnershipFactory(Base):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Safer Testshire Partnership {n}")
    kind = PartnershipKind.CSP
    area = "Testshire"


# The partnership a test's reviews belong to unless it says otherwise, and whose reviews the
# subgroup and board members a test makes may see (docs/domain.md, "People and what they may do").
HOME_PARTNERSHIP = "Testshire Safeguarding Partnership"


def home_partnership() -> Partnership:
    found = db.session.scalar(select(Partnership).where(Partnership.name == HOME_PARTNERSHIP))
    return found if found is not None else PartnershipFactory(name=HOME_PARTNERSHIP, kind=PartnershipKind.OTHER)


class AgencyFactory(Base):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Testshire Agency {n}")
    short_name = factory.Sequence(lambda n: f"TA{n}")
    aliases = ""


class UserFactory(Base):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@testshire.example")
    name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.SUBGROUP
    password_hash = factory.LazyFunction(password_hash)

    @factory.post_generation
    def partnerships(user: User, create: bool, extracted: list[Partnership] | None, **_: object) -> None:
        """Subgroup and board members belong to the home partnership unless a test names theirs."""
        if extracted is not None:
            user.partnerships = list(extracted)
        elif user.role in (Role.SUBGROUP, Role.BOARD):
            user.partnerships = [home_partnership()]
        if create:
            db.session.flush()


class ReviewFactory(Base):
    class Meta:
        model = Review

    reference = factory.Sequence(lambda n: f"DHR-2024-{n:02d}")
    type = ReviewType.DHR
    title = factory.Sequence(lambda n: f"Domestic Homicide Review {n}")
    partnership = factory.LazyFunction(home_partnership)


class RecommendationFactory(Base):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = "Agencies should share information when risk is high."
    text = "Two agencies held information that was not shared."


class ActionFactory(Base):
    class Meta:
        model = Action

    recommendation = factory.SubFactory(RecommendationFactory)
    description = factory.Sequence(lambda n: f"Audit referrals to MARAC, batch {n}")
    expected_outcome = "Every high-risk case is referred."
    lead_agency = factory.SubFactory(AgencyFactory)
    owner = "Safeguarding lead"
    target_date = factory.LazyFunction(lambda: clock.today() + timedelta(days=120))
    last_update_on = factory.LazyFunction(lambda: clock.today() - timedelta(days=5))
    status = ActionStatus.IN_PROGRESS

    @classmethod
    def _create(cls, model_class: type[Action], *args: object, **kwargs: object) -> Action:
        """`ActionFactory(status=...)` arranges the action through the life cycle, as any record is."""
        status = kwargs.pop("status")
        action = model_class(*args, **kwargs)
        place(action, ActionStatus(status))
        db.session.add(action)
        db.session.flush()
        return action


class ProgressUpdateFactory(Base):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    written_on = factory.LazyFunction(clock.today)
    narrative = "Half the teams are trained."


class EvidenceFactory(Base):
    class Meta:
        model = Evidence

    action = factory.SubFactory(ActionFactory)
    kind = EvidenceKind.COMPLETION
    description = "Training register"
    url = "https://partnership.example/evidence"


def place(action: Action, status: ActionStatus) -> None:
    """Put an action where a test needs it, through the life cycle (a submission keeps its recorded time)."""
    lifecycle.place(action, status, at=action.submitted_at or clock.now())


def join(partnership: Partnership, *people: User) -> None:
    """Make these users members of `partnership` too (for tests whose reviews belong to another)."""
    for person in people:
        if partnership not in person.partnerships:
            person.partnerships.append(partnership)
    db.session.flush()


def on(days: int) -> date:
    return clock.today() + timedelta(days=days)
