"""Pages of a long list: which page the address asks for, and the GOV.UK pagination component's parameters."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import request, url_for

MOST_PAGES = 100_000


@dataclass(frozen=True)
class Paged:
    """One page of a list of `total` items, `size` a page."""

    page: int
    total: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def first(self) -> int:
        return self.offset + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.total, self.offset + self.size)


def page_asked(name: str = "page") -> int:
    """The page number in the address; anything that is not one is the first page."""
    text = request.args.get(name, "").strip()
    return int(text) if text.isascii() and text.isdigit() and 1 <= int(text) <= MOST_PAGES else 1


def paged(name: str, total: int, size: int) -> Paged:
    """The page asked for, kept within the list: past the end is the last page."""
    pages = max(1, math.ceil(total / size))
    return Paged(min(page_asked(name), pages), total, size)


def pagination(
    current: int, pages: int, href: Callable[[int], str], label: str = "Pages of results"
) -> dict[str, Any] | None:
    """The GOV.UK pagination component: first, last, and the pages either side of this one."""
    if pages <= 1:
        return None
    items: list[dict[str, Any]] = []
    for number in sorted({1, pages, *range(max(1, current - 1), min(pages, current + 1) + 1)}):
        if items and number - items[-1]["number"] > 1:
            items.append({"ellipsis": True, "number": number - 1})
        items.append({"number": number, "href": href(number), "current": number == current})
    for item in items:
        if item.get("ellipsis"):
            item.pop("number")
    result: dict[str, Any] = {"items": items, "landmarkLabel": label}
    if current > 1:
        result["previous"] = {"href": href(current - 1)}
    if current < pages:
        result["next"] = {"href": href(current + 1)}
    return result


def pages_of(page: Paged, endpoint: str, label: str, **args: Any) -> dict[str, Any] | None:
    """The pagination of a list whose pages' addresses differ by their `page` alone."""
    return pagination(page.page, page.pages, lambda n: url_for(endpoint, **args, page=n), label)
