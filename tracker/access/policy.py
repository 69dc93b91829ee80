"""Who may do what: the one place that decides (docs/domain.md, "People and what they may do").

Every route declares a `Permission` with `@requires`; a `before_request` hook asks
`allows` before the view runs. Once an object is loaded, `tracker.access.loader` asks
`may_see` and `can`, because an agency lead's rights depend on whose action it is, and a
subgroup or board member's on whose review it is: they see and act on the reviews of the
partnerships they belong to (a joint review belongs to each partnership that commissioned it),
and nothing of any other. Lists and figures ask `visible_reviews` and `visible_actions` for the
same rules as SQL. Templates, services and the command line ask the same functions.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol, TypeVar, runtime_checkable

from sqlalchemy import exists, false, select, true, union
from sqlalchemy.sql.elements import ColumnElement

from tracker.access.members import in_every_partnership, membership_ids
from tracker.db import db
from tracker.models import (
    Action,
    Agency,
    Evidence,
    GeneratedReport,
    Job,
    Meeting,
    Partnership,
    ProgressUpdate,
    Recommendation,
    Review,
    TargetDateChange,
    Theme,
    User,
    review_partnerships,
    user_partnerships,
)
from tracker.models.live import is_live, live
from tracker.rules.vocabulary import Role


class Permission(StrEnum):
    PUBLIC = "public"  # sign-in and static assets only
    SIGNED_IN = "signed_in"  # home page, sign out
    VIEW_PLANS = "view_plans"  # reviews, recommendations and actions the user may see
    UPDATE_ACTION = "update_action"  # progress, evidence, submission: the lead agency's work
    MANAGE_PLANS = "manage_plans"  # create and edit reviews, recommendations and actions
    DECIDE = "decide"  # assure, return, close, agree target dates
    MONITOR = "monitor"  # cross-agency overview and search
    READ_SUMMARY = "read_summary"  # dashboards and the standard report
    RUN_IMPORTS = "run_imports"
    RUN_REPORTS = "run_reports"  # reports with filters of one's choosing
    ADMINISTER = "administer"  # users, agencies, partnerships, themes


_ROLES: dict[Permission, frozenset[Role]] = {
    Permission.PUBLIC: frozenset(Role),
    Permission.SIGNED_IN: frozenset(Role),
    Permission.VIEW_PLANS: frozenset(Role),
    Permission.UPDATE_ACTION: frozenset({Role.AGENCY_LEAD, Role.ADMIN}),
    Permission.MANAGE_PLANS: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.DECIDE: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.MONITOR: frozenset({Role.SUBGROUP, Role.ADMIN, Role.BOARD}),
    Permission.READ_SUMMARY: frozenset({Role.SUBGROUP, Role.ADMIN, Role.BOARD}),
    Permission.RUN_IMPORTS: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.RUN_REPORTS: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.ADMINISTER: frozenset({Role.ADMIN}),
}

# Permissions that only ever read: a board member may hold these and nothing else.
READ_ONLY = frozenset(
    {Permission.PUBLIC, Permission.SIGNED_IN, Permission.VIEW_PLANS, Permission.MONITOR, Permission.READ_SUMMARY}
)

# Records only administrators manage, and the permission that reads each other kind.
_ADMINISTERED = (User, Agency, Partnership, Theme)


@runtime_checkable
class PrivateToItsOwner(Protocol):
    """Work in progress only the person who started it may see, such as an import waiting for confirmation."""

    @property
    def owner_id(self) -> int: ...


def roles_for(permission: Permission) -> frozenset[Role]:
    return _ROLES[permission]


def allows(user: Any, permission: Permission) -> bool:
    """May this user use routes that declare `permission` at all?"""
    if permission == Permission.PUBLIC:
        return True
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.role in _ROLES[permission]


def may_see(user: Any, target: object) -> bool:
    """May this user know that `target` exists? The check every loaded object passes first.

    Withdrawn records (or records whose review or recommendation was withdrawn) stay readable,
    marked as such, to those who manage plans; to everyone else they do not exist.
    """
    if isinstance(target, _ADMINISTERED):
        return allows(user, Permission.ADMINISTER)
    if isinstance(target, GeneratedReport):
        return allows(user, Permission.READ_SUMMARY) and report_covers_only_theirs(user, target)
    if isinstance(target, Job):
        return may_see_job(user, target)
    if isinstance(target, PrivateToItsOwner):
        return getattr(user, "id", None) == target.owner_id and allows(user, Permission.SIGNED_IN)
    if not is_live(target) and not sees_withdrawn(user):
        return False
    if isinstance(target, TargetDateChange):
        target = target.action
    return can(user, Permission.VIEW_PLANS, target)


def can(user: Any, permission: Permission | str, target: object = None) -> bool:
    """May this user do `permission` to `target` (a Review, Recommendation, Action, Evidence or update)?"""
    permission = Permission(permission)
    if not allows(user, permission):
        return False
    if target is not None and limited_to_partnerships(user):
        review = _review_of(target)
        if review is None:
            action = _action_of(target)
            review = action.recommendation.review if action is not None else None
        if review is not None and not in_partnerships_of(user, review):
            return False
        if isinstance(target, Meeting) and target.partnership_id not in (partnership_ids(user) or ()):
            return False
    if target is None or not limited_to_own_agency(user):
        return _open_for_change(permission, target)
    agency_id = user.agency_id
    action = _action_of(target)
    if action is not None:
        if action.lead_agency_id != agency_id:
            return False
        return _open_for_change(permission, action)
    review = _review_of(target)
    if review is not None and permission == Permission.VIEW_PLANS:
        return _agency_holds_actions_in(review.id, agency_id)
    return False


def may_escalate(user: Any, action: object) -> bool:
    """The subgroup takes an action to the board, and records it resolved: those who decide on the
    action's review (subgroup members of its partnerships, administrators), while it still counts."""
    return can(user, Permission.DECIDE, action) and is_live(action)


def may_set_reminder_windows(user: Any) -> bool:
    """The windows and the day digests go apply to everyone: administrators set them."""
    return allows(user, Permission.ADMINISTER)


def may_choose_own_reminders(user: Any) -> bool:
    """Each person chooses for themselves whether and how often digests come; nobody chooses for another."""
    return allows(user, Permission.SIGNED_IN)


def _agency_holds_actions_in(review_id: int, agency_id: int | None) -> bool:
    held = (
        select(Action.id)
        .join(Recommendation, Action.recommendation_id == Recommendation.id)
        .where(Recommendation.review_id == review_id, Action.lead_agency_id == agency_id, *live(Action))
        .exists()
    )
    return bool(db.session.scalar(select(held)))


def may_see_job(user: Any, job: Job) -> bool:
    """A job (a report being produced, an import being saved) is the business of the person who asked for it,
    and of administrators, who look after the service."""
    if not allows(user, Permission.SIGNED_IN):
        return False
    return getattr(user, "id", None) == job.requested_by_id or allows(user, Permission.ADMINISTER)


def limited_to_own_agency(user: Any) -> bool:
    """Agency leads see their own agency's actions only; every other role sees every agency's."""
    return getattr(user, "role", None) == Role.AGENCY_LEAD


def limited_to_partnerships(user: Any) -> bool:
    """Subgroup and board members work for their own partnerships; administrators manage all of them."""
    return getattr(user, "role", None) in (Role.SUBGROUP, Role.BOARD)


def partnership_ids(user: Any) -> frozenset[int] | None:
    """The partnerships whose reviews the user may see, or None where no partnership limits them."""
    if not limited_to_partnerships(user):
        return None
    user_id = getattr(user, "id", None)
    # Loaded (or just changed) memberships answer at once; otherwise their ids alone are read, since a
    # national body's member belongs to every partnership and loading each one costs a page milliseconds.
    if "partnerships" in getattr(user, "__dict__", {}) or not isinstance(user, User) or user_id is None:
        return frozenset(p.id for p in user.partnerships)
    return membership_ids(user_id)


def narrowing_partnership_ids(user: Any) -> frozenset[int] | None:
    """The partnerships that narrow what the user sees, or None where none do: no partnership limits them, or
    they belong to every one (a national body's member), whose 150 ids would be sent and tested to no end."""
    mine = partnership_ids(user)
    user_id = getattr(user, "id", None)
    if mine is None or (mine and user_id is not None and in_every_partnership(user_id)):
        return None
    return mine


def report_covers_only_theirs(user: Any, report: GeneratedReport) -> bool:
    """A member may read a report that covers only their partnerships' reviews (as it recorded them)."""
    mine = partnership_ids(user)
    if mine is None:
        return True
    covered = (report.filters or {}).get("partnerships")
    return isinstance(covered, list) and set(covered) <= mine


def in_partnerships_of(user: Any, review: Review) -> bool:
    """Whether the review belongs to one of the user's partnerships (or the user is not limited to any)."""
    mine = partnership_ids(user)
    return mine is None or bool(mine & review.partnership_ids)


def in_partnerships(partnership_ids: Any, review: type[Review] | Any = Review) -> ColumnElement[bool]:
    """Reviews that belong to any of these partnerships (ids, or a subquery of them), commissioned or joint.

    The reviews are found once, as a set each row is looked up in, however many rows the query reads."""
    commissioned = select(Review.id).where(Review.partnership_id.in_(partnership_ids)).correlate(None)
    joint = (
        select(review_partnerships.c.review_id)
        .where(review_partnerships.c.partnership_id.in_(partnership_ids))
        .correlate(None)
    )
    return review.id.in_(union(commissioned, joint))


def sees_withdrawn(user: Any) -> bool:
    """Withdrawn records stay readable, marked as such, to those who manage plans; others never see them."""
    return allows(user, Permission.MANAGE_PLANS)


def _open_for_change(permission: Permission, target: object) -> bool:
    """Closed or withdrawn actions are history: nobody updates them."""
    if permission != Permission.UPDATE_ACTION or target is None:
        return True
    action = _action_of(target)
    return action is None or (action.status.is_open and not action.is_withdrawn)


def _action_of(target: object) -> Action | None:
    if isinstance(target, Action):
        return target
    if isinstance(target, Evidence | ProgressUpdate | TargetDateChange):
        return target.action
    return None


def _review_of(target: object) -> Review | None:
    if isinstance(target, Review):
        return target
    if isinstance(target, Recommendation):
        return target.review
    return None


class Sees(StrEnum):
    """What a user may list, by kind: nothing, one agency's actions, some partnerships' reviews', or everything."""

    NOTHING = "nothing"
    AGENCY = "agency"
    PARTNERSHIPS = "partnerships"
    EVERYTHING = "everything"


class Lister:
    """A user as far as what they may list (`sees`' answer) and nothing more: what a statement built once for everyone
    who sees the same is built for (`services.search.built`). Asked anything else of a user, it refuses rather than
    answer as nobody would."""

    __slots__ = ("ident", "shape")

    def __init__(self, shape: Sees, ident: int | None) -> None:
        self.shape, self.ident = shape, ident

    @classmethod
    def of(cls, user: Any) -> Lister:
        return user if isinstance(user, Lister) else cls(*sees(user))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lister) and (self.shape, self.ident) == (other.shape, other.ident)

    def __hash__(self) -> int:
        return hash((self.shape, self.ident))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise TypeError(f"a statement built for what users may list asked their {name}: build it for each user")


def sees(user: Any) -> tuple[Sees, int | None]:
    """The kind of what the user may list, and the id it turns on: their agency's, or their own as a member."""
    if isinstance(user, Lister):
        return user.shape, user.ident
    if limited_to_own_agency(user):
        return Sees.AGENCY, user.agency_id
    if limited_to_partnerships(user):
        user_id = getattr(user, "id", None)
        if user_id is None:
            return Sees.NOTHING, None
        # Every review has a commissioning partnership: a member of all of them (a national body) sees all.
        return (Sees.EVERYTHING, None) if in_every_partnership(user_id) else (Sees.PARTNERSHIPS, user_id)
    return Sees.EVERYTHING, None


def seen(shape: Sees, ident: Any, *, lead_agency: Any = None) -> ColumnElement[bool]:
    """`sees`' answer as SQL over actions joined to their review; `ident` the agency's or member's id, or a bound
    parameter that stands for it (`access.shapes`)."""
    if shape == Sees.AGENCY:
        theirs: ColumnElement[bool] = (Action.lead_agency_id if lead_agency is None else lead_agency) == ident
        return theirs
    if shape == Sees.PARTNERSHIPS:
        return in_partnerships(select(user_partnerships.c.partnership_id).where(user_partnerships.c.user_id == ident))
    return true() if shape == Sees.EVERYTHING else false()


def visible_actions(user: Any, *, lead_agency: Any = None) -> ColumnElement[bool]:
    """The WHERE clause for the actions a user may list, over actions joined to their review (as `live_actions()`).

    `lead_agency` stands for the actions' lead agency where the rows are not actions themselves
    (figures kept per review and lead agency)."""
    return seen(*sees(user), lead_agency=lead_agency)


def chooses_among_every(user: Any) -> bool:
    """Whether a user may narrow a list to any partnership: those not limited to some, and members of all."""
    return not limited_to_partnerships(user) or sees_every_review(user)


def chooses_among(user: Any) -> ColumnElement[bool]:
    """The partnerships a user may narrow a list to, as SQL: their own, or all (`chooses_among_every`)."""
    if chooses_among_every(user):
        return true()
    user_id = getattr(user, "id", None)
    mine = select(user_partnerships.c.partnership_id).where(user_partnerships.c.user_id == user_id)
    return Partnership.id.in_(mine)


def sees_every_review(user: Any) -> bool:
    """Whether the user lists every review's actions: an administrator, or a member of every partnership."""
    if limited_to_own_agency(user):
        return False
    if limited_to_partnerships(user):
        user_id = getattr(user, "id", None)
        return user_id is not None and in_every_partnership(user_id)
    return allows(user, Permission.SIGNED_IN)


def visible_reviews(user: Any) -> ColumnElement[bool]:
    """Reviews are confidential: an agency lead lists only those where the agency holds actions,
    a subgroup or board member only those of their partnerships."""
    return reviews_seen(*sees(user))


def reviews_seen(shape: Sees, ident: Any) -> ColumnElement[bool]:
    """`visible_reviews` for the kind of user `sees` answers, over reviews; `ident` the agency's or member's id,
    or a bound parameter that stands for it (`access.shapes`)."""
    if shape == Sees.AGENCY:
        return exists(
            select(Action.id)
            .join(Recommendation, Action.recommendation_id == Recommendation.id)
            .where(Recommendation.review_id == Review.id, Action.lead_agency_id == ident, *live(Action))
        )
    return seen(shape, ident)


F = TypeVar("F", bound=Callable[..., Any])


def requires(permission: Permission) -> Callable[[F], F]:
    """Declare the permission a route needs; the before_request hook enforces it."""

    def mark(view: F) -> F:
        setattr(view, "permission", permission)  # noqa: B010  (a plain attribute the guard reads back)
        return view

    return mark


def declared_permission(view: Callable[..., Any] | None) -> Permission | None:
    permission = getattr(view, "permission", None)
    return permission if isinstance(permission, Permission) else None
