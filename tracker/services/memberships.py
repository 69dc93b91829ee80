"""Which partnerships people belong to, and the partnerships a person may choose between.

Subgroup and board members see and act on their own partnerships' reviews only; the policy
(`tracker.access.policy`) decides that. This module keeps the memberships and offers the
choices every filter and form shows, so nobody is offered a partnership they may not see.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Integer, Select, bindparam, func, select

from tracker.access import policy
from tracker.db import db, rows_of
from tracker.models import Partnership, Review, User, user_partnerships
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType
from tracker.services import audit

# A page names this many of a person's partnerships at most, and counts the rest.
NAMED = 5


@dataclass(frozen=True)
class Membership:
    """How many partnerships a person belongs to, and the names of the first `NAMED` of them, by name."""

    count: int
    names: list[str]


def membership_of(user: Any) -> Membership:
    """For saying at the top of a page whose reviews a person sees, without loading every one of a national
    body's partnerships to name three of them."""
    rows = rows_of(_named_memberships(), {"member_id": user.id}).all()
    return Membership(int(rows[0][1]) if rows else 0, [name for name, _ in rows])


@cache
def _named_memberships() -> Select[str, int]:
    # Built once, the member bound: every home page asks it. Counted apart from the names it reads: a count over
    # the rows as they are read set a national body's 150 aside.
    member = bindparam("member_id", type_=Integer)
    counted = select(func.count()).where(user_partnerships.c.user_id == member).correlate(None).scalar_subquery()
    return (
        select(Partnership.name, counted)
        .join(user_partnerships, user_partnerships.c.partnership_id == Partnership.id)
        .where(user_partnerships.c.user_id == member)
        .order_by(Partnership.name, Partnership.id)
        .limit(NAMED)
    )


def all_partnerships() -> list[Partnership]:
    return list(db.session.scalars(select(Partnership).order_by(Partnership.name)))


def choices_for(user: Any) -> list[Partnership]:
    """The partnerships a user may narrow a list to, or put a review in: their own, or all for those not limited."""
    if policy.partnership_ids(user) is None:
        return all_partnerships()
    return sorted(user.partnerships, key=lambda p: p.name)


class Choice(NamedTuple):
    """A partnership as a menu offers it."""

    id: int
    name: str


def menu(user: Any) -> list[Choice]:
    """The partnerships of `choices_for` as a menu shows them, their ids and names alone: a national body's
    member chooses among 150, and loading each whole cost the summary and the overview 3 ms. For whoever may
    choose any, the statement is built once, and each row made a tuple: as frozen dataclasses, with the statement
    built each time, the 151 took 0.29 ms at national scale on SQLite, and 0.17 ms so."""
    if policy.chooses_among_every(user):
        query = _every_partnership()
    else:
        query = select(Partnership.id, Partnership.name).where(policy.chooses_among(user)).order_by(Partnership.name)
    return list(map(Choice._make, rows_of(query)))


@cache
def _every_partnership() -> Select[int, str]:
    return select(Partnership.id, Partnership.name).order_by(Partnership.name)


def find(ids: Iterable[int]) -> list[Partnership]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return list(db.session.scalars(select(Partnership).where(Partnership.id.in_(wanted)).order_by(Partnership.name)))


def named(name: str) -> Partnership:
    """A partnership by its name, as a person types it at the command line."""
    found = db.session.scalar(select(Partnership).where(func.lower(Partnership.name) == name.strip().lower()))
    if found is None:
        raise DomainError(f"There is no partnership called {name!r}. Check the name, or add the partnership first.")
    return found


def chosen_partnership(user: Any, raw: str | None) -> tuple[Partnership | None, str | None]:
    """A partnership filter from a URL: the partnership, or a message when it names none the user may choose."""
    text = (raw or "").strip()
    if not text:
        return None, None
    choices = {str(p.id): p for p in choices_for(user)}
    if text in choices:
        return choices[text], None
    return None, "Choose a partnership from the list: the link you followed names none of yours"


def narrowed_to(partnership: Partnership | None) -> list[Any]:
    """Conditions on `Review` that keep one partnership's reviews (commissioned or joint), or none."""
    return [] if partnership is None else [policy.in_partnerships([partnership.id])]


def reviews_among(
    *, reviews: Sequence[int] = (), types: Sequence[ReviewType] = (), partnerships: Sequence[int] = ()
) -> list[Any]:
    """Conditions on `Review` that keep the reviews a list's filters name: these reviews, of these types, of
    these partnerships (each left out when empty)."""
    where: list[Any] = []
    if reviews:
        where.append(Review.id.in_(list(reviews)))
    if types:
        where.append(Review.type.in_([t.value for t in types]))
    if partnerships:
        where.append(policy.in_partnerships(list(partnerships)))
    return where


def names(partnerships: Iterable[Partnership]) -> list[str]:
    return sorted(p.name for p in partnerships)


def set_partnerships(user: User, partnerships: Sequence[Partnership], *, actor: User | None) -> bool:
    """Make `partnerships` the user's partnerships; record the change. Whether anything changed."""
    before, after = names(user.partnerships), names(partnerships)
    if before == after:
        return False
    user.partnerships = sorted(set(partnerships), key=lambda p: p.name)
    db.session.flush()
    audit.record(
        "user.partnerships_changed",
        actor=actor,
        target=user,
        summary=user.email,
        before={"partnerships": before},
        after={"partnerships": after},
    )
    return True


def check_review_partnerships(
    user: Any, *, commissioning: Partnership | None, joint: Sequence[Partnership], review: Review | None
) -> list[Partnership]:
    """The joint partnerships a review will have, from what the user chose.

    A subgroup member puts a review only in partnerships they belong to (or keeps the commissioning
    partnership it already has), and never drops a joint partnership they cannot see from a review.
    The commissioning partnership is never listed twice.
    """
    allowed = {p.id for p in choices_for(user)}
    kept = review.partnership_id if review is not None else None
    if commissioning is not None and commissioning.id not in allowed and commissioning.id != kept:
        raise DomainError("Choose one of your partnerships as the commissioning partnership", field="partnership")
    if any(p.id not in allowed for p in joint):
        raise DomainError("Choose only partnerships you belong to", field="joint_partnerships")
    unseen = [p for p in review.joint_partnerships if p.id not in allowed] if review is not None else []
    chosen = {p.id: p for p in [*joint, *unseen] if commissioning is None or p.id != commissioning.id}
    return sorted(chosen.values(), key=lambda p: p.name)


def set_joint_partnerships(review: Review, partnerships: Sequence[Partnership], *, actor: User | None) -> bool:
    """Record the other partnerships a joint review was commissioned with."""
    before, after = names(review.joint_partnerships), names(partnerships)
    if before == after:
        return False
    review.joint_partnerships = list(partnerships)
    db.session.flush()
    audit.record(
        "review.partnerships_changed",
        actor=actor,
        target=review,
        summary=review.reference,
        before={"joint_partnerships": before},
        after={"joint_partnerships": after},
    )
    return True


def has_no_partnership(user: Any) -> bool:
    """A subgroup or board member nobody has yet given a partnership: they see nothing until then."""
    mine = policy.partnership_ids(user)
    return mine is not None and not mine
