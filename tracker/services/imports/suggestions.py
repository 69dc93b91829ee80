"""Learning across reviews in an import: for each recommendation in the file, the themes its wording and the
earlier recommendations suggest, and the earlier recommendations (other reviews) that say the same thing.

Suggested themes are never saved on their own: `suggest` adds them to what will be written only for the
recommendations whose suggestions the person importing accepted (a box ticked on the confirmation form,
or the command line's --accept-suggested-themes).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from tracker.services.imports.preview import Change, ImportPreview, RecommendationPreview
from tracker.services.learning.recurring import similar_to_text
from tracker.services.learning.themes import suggest_themes

# Each suggestion is a search of the whole index; past this many recommendations a file is a bulk load.
AT_MOST = 100


def suggest(preview: ImportPreview, *, user: Any, accept: Collection[int] | bool = ()) -> None:
    """Fill each recommendation's suggestions; accept those of the recommendations at the positions in `accept`
    (their index in the preview), or of every recommendation when `accept` is True."""
    if preview.errors:
        return
    exclude = preview.review.existing.id if preview.review.existing is not None else None
    if len(preview.recommendations) > AT_MOST:
        preview.warn(
            "File",
            f"Earlier recommendations and themes are suggested for the first {AT_MOST} recommendations only: "
            "each recommendation's page shows the reviews that made it before.",
        )
    for index, planned in enumerate(preview.recommendations[:AT_MOST]):
        if planned.state == "withdrawn":
            continue
        parsed = planned.parsed
        planned.earlier = similar_to_text(
            user,
            title=parsed.title or "",
            text=parsed.text or "",
            learning=parsed.learning,
            exclude_review_id=exclude,
        )
        held = set(planned.theme_ids) | ({t.id for t in planned.existing.themes} if planned.existing else set())
        named = {n.lower() for n in planned.new_themes}
        planned.suggested_themes = [
            t
            for t in suggest_themes(
                title=parsed.title or "", text=parsed.text or "", learning=parsed.learning, earlier=planned.earlier
            )
            if t.id not in held and t.name.lower() not in named
        ]
        if accept is True or (accept is not False and index in accept):
            _accept(planned)


def _accept(planned: RecommendationPreview) -> None:
    themes = planned.suggested_themes
    if not themes:
        return
    planned.theme_ids.extend(t.id for t in themes)
    if planned.existing is None:
        return
    names = ", ".join(t.name for t in themes)
    for change in planned.changes:
        if change.field == "themes":
            change.after += ", " + names
            return
    planned.changes.append(Change("themes", "themes", "", "added " + names))


def with_suggestions(preview: ImportPreview) -> list[tuple[int, RecommendationPreview]]:
    """The recommendations (with their index) that have themes to accept: one choice each on the form."""
    return [(i, r) for i, r in enumerate(preview.recommendations) if r.suggested_themes]
