"""A menu's options written in Python rather than by a template's loop: a national body's board member chooses among
150 partnerships on the summary, the overview, the list of agencies and the list of reviews, and the loop escaped each
option's id and name as a `Markup` of its own. The markup is the loops' as it was; `tests/test_menus.py` compares
them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    return Markup("".join(_option(choice.id, choice.name, choice.id == chosen_id) for choice in choices))  # noqa: S704


def item_options(items: Iterable[Mapping[str, Any]]) -> Markup:
    """The options of the select component's items (`value`, `text`, and whether `selected`), each on a line of its
    own as `components/inputs.html`'s `select` lays them out."""
    return Markup(  # noqa: S704  (_option escapes each)
        "".join(f"    {_option(item['value'], item['text'], item['selected'])}" for item in items)
    )


def _option(value: object, said: object, selected: bool) -> str:
    return f'<option value="{text(value)}"{" selected" if selected else ""}>{text(said)}</option>'
