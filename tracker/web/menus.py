"""A menu's options written in Python rather than by a template's loop: a national body's board member chooses among
150 partnerships on the summary, the overview and the list of agencies, and the loop escaped each option's id and
name as a `Markup` of its own. The markup is the loop's as it was; `tests/test_menus.py` compares the two."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from markupsafe import Markup

from tracker.web.tags import text


class _Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


def options(choices: Iterable[_Named], chosen: Any = None) -> Markup:
    """An `<option>` for each choice, by its id and name, the chosen one (a record with an id, or None) selected."""
    chosen_id = chosen.id if chosen else None
    return Markup(  # noqa: S704  (every value in it is escaped)
        "".join(
            f'<option value="{text(choice.id)}"{" selected" if choice.id == chosen_id else ""}>{text(choice.name)}'
            "</option>"
            for choice in choices
        )
    )
