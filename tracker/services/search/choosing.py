"""The choices a filter or a form offers when there are too many to list: those already chosen, and the first few
that match what the person typed to find one (a search field that narrows the list, without any script). A form
refuses the ids asked for that are not among those the person may choose (`Offer.refused`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Generic, NamedTuple, TypeVar

from sqlalchemy import Select, String, bindparam, cast, literal, null, or_, select, union_all

from tracker.access import policy, shapes
from tracker.access.shapes import Sees
from tracker.db import db, rows_of
from tracker.models import Agency, Partnership, Review, Theme
from tracker.models.live import live_reviews
from tracker.rules.sql import written_in

# The most choices offered beside those already chosen; typing more narrows them.
OFFERED = 10
# The most a form accepts chosen at once: more is not a choice made through a chooser.
CHOSEN_AT_MOST = 1_000
T = TypeVar("T")


@dataclass(frozen=True)
class Offer(Generic[T]):
    """What a chooser shows: the chosen, then the first matches, and whether more match than are shown."""

    chosen: list[T] = field(default_factory=list)
    offered: list[T] = field(default_factory=list)
    more: bool = False
    text: str = ""
    # Ids asked for that name nothing the person may choose (or nothing at all): a form refuses them.
    refused: tuple[int, ...] = ()

    @property
    def items(self) -> list[T]:
        return [*self.chosen, *self.offered]


def _words(text: str) -> list[str]:
    return " ".join(text.split())[:100].split()


def offer(
    ordered: Select[Any],
    key: Any,
    ids: Sequence[int],
    columns: Sequence[Any],
    text: str,
    *,
    shown: Sequence[Any] = (),
    built: bool = False,
    values: dict[str, Any] | None = None,
) -> Offer[Any]:
    """`ordered`: every choice the person may make, in order; `key`: the column `ids` name them by; `columns`:
    where each word typed may stand; `shown`, the columns the chooser shows (the key among them), read as rows
    rather than loading each choice whole, which a filter panel of three choosers would on every page. Two
    statements at most, however many choices there are. `built`: `ordered` is built once, and its parameters'
    `values` given, so that what it is read through is built once too where nothing was typed."""
    ids = list(dict.fromkeys(ids))
    if built and shown and not _words(text):
        return _offered(*_choosing(ordered, key, tuple(shown)), key, ids, values or {})
    if shown:
        ordered = ordered.with_only_columns(*shown)
    others = ordered.where(key.not_in(ids)) if ids else ordered
    for word in _words(text):
        others = others.where(or_(*(column.icontains(word, autoescape=True) for column in columns)))
    read = db.session.execute if shown else db.session.scalars
    found = list(read(others.limit(written_in(OFFERED + 1)), values))
    chosen = list(read(ordered.where(key.in_(ids)), values)) if ids else []
    return _offer_of(found, chosen, key, ids, text)


def _offered(others: Select[Any], chosen: Select[Any], key: Any, ids: list[int], values: dict[str, Any]) -> Offer[Any]:
    bound = {**values, "chosen_ids": ids}
    found = list(rows_of(others, bound))
    return _offer_of(found, list(rows_of(chosen, bound)) if ids else [], key, ids, "")


@lru_cache(maxsize=16)
def _choosing(ordered: Select[Any], key: Any, shown: tuple[Any, ...]) -> tuple[Select[Any], Select[Any]]:
    """A chooser's first few choices besides those chosen, and those chosen, the chosen ids bound: for a list of
    choices built once (`ordered`) that nothing was typed to narrow, on every page a filter is chosen in."""
    listed = ordered.with_only_columns(*shown)
    chosen_ids: Any = bindparam("chosen_ids", expanding=True)
    return listed.where(key.not_in(chosen_ids)).limit(written_in(OFFERED + 1)), listed.where(key.in_(chosen_ids))


def _offer_of(found: list[Any], chosen: list[Any], key: Any, ids: list[int], text: str) -> Offer[Any]:
    known = {getattr(record, key.key) for record in chosen}
    refused = tuple(i for i in ids if i not in known)
    return Offer(chosen, found[:OFFERED], len(found) > OFFERED, " ".join(_words(text)), refused)


@dataclass(frozen=True)
class Choices:
    """What the person typed into each chooser's search field."""

    review_text: str = ""
    agency_text: str = ""
    partnership_text: str = ""

    @classmethod
    def parse(cls, args: Any) -> Choices:
        return cls(
            review_text=str(args.get("review_q", "")),
            agency_text=str(args.get("agency_q", "")),
            partnership_text=str(args.get("partnership_q", "")),
        )

    def reviews(self, ids: Sequence[int], user: Any) -> Offer[Any]:
        """Reviews the user may see, by id, reference and title: those chosen, and the first by reference that
        match."""
        if not ids and not self.review_text:
            if policy.sees_every_review(user):
                return _first(_first_reviews())
            shape, values = shapes.sees(user)
            return _first(_first_visible_reviews(shape), values)
        shape, values = shapes.sees(user)
        shown = (Review.id, Review.reference, Review.title)
        words = (Review.reference, Review.title)
        return offer(
            _visible_reviews(shape), Review.id, ids, words, self.review_text, shown=shown, built=True, values=values
        )

    def agencies(self, ids: Sequence[int]) -> Offer[Any]:
        """Agencies by id and name."""
        if not ids and not self.agency_text:
            return _first(_first_agencies())
        words = (Agency.name, Agency.short_name)
        return offer(
            _every_agency(), Agency.id, ids, words, self.agency_text, shown=(Agency.id, Agency.name), built=True
        )

    def partnerships(self, ids: Sequence[int], user: Any) -> Offer[Any]:
        """The user's partnerships (all, for those not limited to some), by id and name: every one when they are
        few."""
        if not ids and not self.partnership_text and policy.chooses_among_every(user):
            found = _first(_first_partnerships())
        else:
            ordered = select(Partnership).where(policy.chooses_among(user)).order_by(Partnership.name)
            shown = (Partnership.id, Partnership.name)
            found = offer(ordered, Partnership.id, ids, (Partnership.name,), self.partnership_text, shown=shown)
        return _whole_when_few(found)

    def panel(self, reviews: Sequence[int], agencies: Sequence[int], partnerships: Sequence[int], user: Any) -> Panel:
        """A list's filter panel: its three choosers, as `reviews`, `agencies` and `partnerships` offer them, and
        every theme. Where nothing is chosen or typed in any chooser and the user may choose among every review and
        partnership, the first few of each are read in one statement: read in four, each cost as much of
        SQLAlchemy's own time as its rows took to read, on every page of the action lists."""
        typed = self.review_text or self.agency_text or self.partnership_text
        # Who sees every review may choose among every partnership too.
        if not (reviews or agencies or partnerships or typed) and policy.sees_every_review(user):
            found: list[list[Any]] = [[] for _ in range(4)]
            for number, choice, name, title in rows_of(_firsts()):
                found[number].append(ReviewChoice(choice, name, title) if number == 0 else NamedChoice(choice, name))
            first_reviews, first_agencies, first_partnerships = (
                Offer([], rows[:OFFERED], len(rows) > OFFERED) for rows in (found[0], found[1], found[3])
            )
            return Panel(first_reviews, first_agencies, found[2], _whole_when_few(first_partnerships))
        return Panel(
            self.reviews(reviews, user),
            self.agencies(agencies),
            [NamedChoice(*row) for row in rows_of(every_theme())],
            self.partnerships(partnerships, user),
        )


class ReviewChoice(NamedTuple):
    """A review as a chooser offers it, as its own statement's row names it."""

    id: int
    reference: str
    title: str


class NamedChoice(NamedTuple):
    """An agency, partnership or theme as a chooser offers it."""

    id: int
    name: str


@dataclass(frozen=True)
class Panel:
    """What a list's filter panel offers: the reviews, agencies and partnerships to choose from, and every theme
    (by id and name)."""

    reviews: Offer[Any]
    agencies: Offer[Any]
    themes: list[NamedChoice]
    partnerships: Offer[Any]


def _whole_when_few(found: Offer[Any]) -> Offer[Any]:
    if not found.more and not found.text:
        # Few enough to show whole: a plain list, no search field.
        return Offer(found.chosen, found.offered, refused=found.refused)
    return found


# A chooser nothing was chosen in or typed into, for someone who may choose among them all, offers the first few
# of every choice: on every page of the action lists, so its statement is built once rather than each time
# (for the agencies, 0.12 ms to build and read against 0.06 ms).
def _first(statement: Select[*tuple[Any, ...]], values: dict[str, Any] | None = None) -> Offer[Any]:
    found = list(rows_of(statement, values))
    return Offer([], found[:OFFERED], len(found) > OFFERED)


@cache
def _first_reviews() -> Select[int, str, str]:
    shown = live_reviews().with_only_columns(Review.id, Review.reference, Review.title)
    return shown.order_by(Review.reference).limit(written_in(OFFERED + 1))


@cache
def _first_visible_reviews(shape: Sees) -> Select[int, str, str]:
    """The first reviews a kind of user may see (those of an agency lead's agency's actions, of a member's
    partnerships), the user's id or agency's bound: built on each request, 0.3 ms of an agency's list."""
    return _first_reviews().where(shapes.visible_reviews(shape))


@cache
def _visible_reviews(shape: Sees) -> Select[Any]:
    """Every standing review a kind of user may see, by reference, the user's id or agency's bound."""
    return live_reviews().where(shapes.visible_reviews(shape)).order_by(Review.reference)


@cache
def _every_agency() -> Select[Any]:
    return select(Agency).order_by(Agency.name)


@cache
def _first_agencies() -> Select[int, str]:
    return select(Agency.id, Agency.name).order_by(Agency.name).limit(written_in(OFFERED + 1))


@cache
def _first_partnerships() -> Select[int, str]:
    return select(Partnership.id, Partnership.name).order_by(Partnership.name).limit(written_in(OFFERED + 1))


@cache
def every_theme() -> Select[int, str]:
    """Every theme by id and name, as the action lists' filter panel offers them."""
    return select(Theme.id, Theme.name).order_by(Theme.name)


@cache
def _firsts() -> Select[Any]:
    """The first few reviews, agencies and partnerships, and every theme, each row numbered by its list (0 to 3) and
    in its list's own order: each list as its own statement reads it, one after another."""
    lists = [_first_reviews(), _first_agencies(), every_theme(), _first_partnerships()]
    read = []
    for number, statement in enumerate(lists):
        found = statement.subquery()
        row = list(found.c)
        title = row[2] if len(row) > 2 else cast(null(), String)
        read.append(
            select(literal(number).label("list"), row[0].label("id"), row[1].label("name"), title.label("title"))
        )
    together = union_all(*read).subquery()
    # Each list's order is its own statement's: the reviews by reference, the rest by name.
    return select(together).order_by(together.c.list, together.c.name)
