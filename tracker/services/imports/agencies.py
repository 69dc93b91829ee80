"""Agencies in an import preview: the names the tracker knows, and the ones to be created or matched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from tracker.db import db
from tracker.models import Agency
from tracker.parsing.agencies import match_agency, normalise_agency_name
from tracker.parsing.result import Message
from tracker.services.imports.preview import CREATE, Change, ImportPreview, RecommendationPreview, UnknownAgency

if TYPE_CHECKING:
    from tracker.services.imports.preview import ImportOptions


class AgencyBook:
    """Resolves the agency names in a file, once each, and collects the ones the tracker does not know."""

    def __init__(self, options: ImportOptions, preview: ImportPreview) -> None:
        self.agencies = {a.id: a for a in db.session.scalars(select(Agency))}
        self.candidates = [(a.id, a.name, a.short_name, a.alias_list) for a in self.agencies.values()]
        self.options = options
        self.plan = preview
        self.unknown: dict[str, UnknownAgency] = {}
        # A plan names the same few agencies thousands of times: each spelling is worked out once.
        self._matched: dict[str, int | None] = {}
        self._keys: dict[str, str] = {}

    def key(self, name: str) -> str:
        if name not in self._keys:
            self._keys[name] = normalise_agency_name(name)
        return self._keys[name]

    def match(self, name: str) -> int | None:
        if name not in self._matched:
            self._matched[name] = match_agency(name, self.candidates)
        return self._matched[name]

    def lead(self, name: str, where: str) -> tuple[int | None, str | None]:
        """(agency id, None) for a known or mapped agency; (None, name) for one to be created or chosen."""
        found = self.match(name)
        if found is not None:
            return found, None
        unknown = self.unknown.setdefault(self.key(name), UnknownAgency(name=name))
        # Rows come in file order, so a place already noted is the last one (a row of several actions).
        if not unknown.places or unknown.places[-1] != where:
            unknown.places.append(where)
        choice = self.options.agency_choices.get(unknown.name)
        if choice == CREATE or (choice is None and self.options.create_agencies):
            unknown.choice = CREATE
            return None, unknown.name
        if isinstance(choice, int) and choice in self.agencies:
            unknown.choice = choice
            return choice, None
        return None, unknown.name


def address(planned: RecommendationPreview, agencies: AgencyBook) -> None:
    """A recommendation is addressed to its actions' lead agencies and the other agencies the file names."""
    for name in planned.other_agencies:
        found = agencies.match(name)
        unknown = agencies.unknown.get(agencies.key(name))
        if found is not None:
            if found not in planned.agency_ids:
                planned.agency_ids.append(found)
        elif unknown is not None:
            # Named as another action's lead: it is created or matched with that choice.
            if unknown.name not in planned.pending_agencies:
                planned.pending_agencies.append(unknown.name)
        else:
            planned.warnings.append(
                Message(
                    planned.parsed.where,
                    f"'{name}' is not an agency the tracker knows, so the recommendation was not addressed to it.",
                )
            )
    for action in planned.actions:
        if action.new_agency and action.new_agency not in planned.pending_agencies:
            planned.pending_agencies.append(action.new_agency)
    rec = planned.existing
    if rec is None or planned.state == "withdrawn":
        return
    held = {a.id for a in rec.agencies}
    added = [agencies.agencies[i].name for i in planned.agency_ids if i not in held]
    for name in planned.pending_agencies:
        choice = agencies.unknown[agencies.key(name)].choice
        if choice == CREATE:
            added.append(name)
        elif isinstance(choice, int) and choice not in held and choice not in planned.agency_ids:
            added.append(agencies.agencies[choice].name)
    if added:
        planned.changes.append(Change("agencies", "addressed to", "", "added " + ", ".join(added)))
