"""Reading an import file against the tracker: the web stages an upload first; the command line reads in place."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tracker.db import db
from tracker.models import Agency, ImportRun, Partnership, Review, User
from tracker.parsing.detect import parse_file
from tracker.parsing.result import ImportResult
from tracker.services import transactions
from tracker.services.imports.apply import apply
from tracker.services.imports.compare import ImportOptions, build_preview
from tracker.services.imports.pending import PendingUpload, PendingUploads
from tracker.services.imports.preview import AgencyChoice, ImportPreview
from tracker.services.learning import index as learning_index


def safe_file_name(name: str | None) -> str:
    """The name the user gave, without any folder part: shown and recorded, never used as a path."""
    base = Path((name or "").replace("\\", "/")).name.strip()
    return base[:255] or "upload"


def stage(
    store: PendingUploads,
    *,
    content: bytes,
    file_name: str,
    user: User,
    choices: dict[str, Any],
    max_bytes: int,
    max_rows: int,
) -> tuple[PendingUpload, ImportPreview]:
    """Keep the upload and preview it; the caller discards it when the preview cannot go ahead.

    A plan larger than `max_rows` recommendations and actions is refused here: checking and saving it
    would hold a page for longer than anyone should wait, and the command line imports it instead.
    """
    store.sweep()
    upload = store.save(content, file_name=file_name, user_id=user.id, choices=choices)
    preview = preview_upload(upload, max_bytes=max_bytes)
    rows = len(preview.result.recommendations) + preview.result.action_count
    if rows > max_rows:
        preview.result.error(
            "File",
            f"This file holds {rows:,} recommendations and actions, more than the {max_rows:,} a page imports at "
            "once. Split it into smaller files, or ask an administrator to import it with the command line "
            "(flask --app tracker import FILE).",
        )
    return upload, preview


def known_agency_names() -> list[str]:
    """Every name, short name and alias the tracker knows an agency by: such a name is an organisation."""
    names: list[str] = []
    for agency in db.session.scalars(select(Agency)):
        names.extend(n for n in (agency.name, agency.short_name, *agency.alias_list) if n)
    return names


def read(path: Path, *, max_bytes: int, name: str | None = None) -> tuple[ImportResult, str]:
    """The file's reading, told the agencies the tracker knows, and the file's SHA-256 for the record."""
    result = parse_file(path, max_bytes=max_bytes, name=name, agencies=known_agency_names())
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        pass  # parse_file has already said the file could not be opened
    return result, digest.hexdigest()


def preview_upload(
    upload: PendingUpload, *, max_bytes: int, agency_choices: dict[str, AgencyChoice] | None = None
) -> ImportPreview:
    result, sha256 = read(upload.path, max_bytes=max_bytes, name=upload.file_name)
    choices = upload.choices
    options = ImportOptions(
        review_reference=choices.get("reference") or None,
        review_type=choices.get("review_type") or None,
        partnership_id=int(choices["partnership_id"]) if choices.get("partnership_id") else None,
        agency_choices=dict(agency_choices or {}),
    )
    return build_preview(result, options=options, sha256=sha256)


def confirm(preview: ImportPreview, *, actor: User) -> ImportRun:
    return apply(preview, actor=actor)


def read_into_the_matcher(progress: Callable[[int, int], None] | None = None) -> None:
    """Once a large import has landed, read what it set aside into the matcher's index, in a transaction of
    its own. Should this fail, the plan stays imported and the
    next import (or `learning refresh`) reads them."""
    transactions.will_write(True)
    learning_index.catch_up(progress=progress)
    transactions.commit()


def partnerships() -> list[Partnership]:
    return list(db.session.scalars(select(Partnership).order_by(Partnership.name)))


def active_agencies() -> list[Agency]:
    return list(db.session.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)))


def recent_runs(limit: int = 10) -> list[tuple[ImportRun, str | None, str | None]]:
    """The latest imports with their review's reference and who ran them, in one query."""
    query = (
        select(ImportRun, Review.reference, User.name)
        .outerjoin(Review, ImportRun.review_id == Review.id)
        .outerjoin(User, ImportRun.imported_by_id == User.id)
        .order_by(ImportRun.imported_at.desc(), ImportRun.id.desc())
        .limit(limit)
    )
    return [(run, reference, name) for run, reference, name in db.session.execute(query)]
