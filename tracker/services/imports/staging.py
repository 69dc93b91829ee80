"""The web import: stage an upload, preview it against the tracker, and apply it once confirmed."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tracker.db import db
from tracker.models import Agency, ImportRun, Partnership, Review, User
from tracker.parsing.detect import parse_file
from tracker.services.imports.apply import apply
from tracker.services.imports.compare import ImportOptions, build_preview
from tracker.services.imports.pending import PendingUpload, PendingUploads
from tracker.services.imports.preview import AgencyChoice, ImportPreview


def safe_file_name(name: str | None) -> str:
    """The name the user gave, without any folder part: shown and recorded, never used as a path."""
    base = Path((name or "").replace("\\", "/")).name.strip()
    return base[:255] or "upload"


def stage(
    store: PendingUploads, *, content: bytes, file_name: str, user: User, choices: dict[str, Any], max_bytes: int
) -> tuple[PendingUpload, ImportPreview]:
    """Keep the upload and preview it; the caller discards it when the preview cannot go ahead."""
    store.sweep()
    upload = store.save(content, file_name=file_name, user_id=user.id, choices=choices)
    return upload, preview_upload(upload, max_bytes=max_bytes)


def preview_upload(
    upload: PendingUpload, *, max_bytes: int, agency_choices: dict[str, AgencyChoice] | None = None
) -> ImportPreview:
    result = parse_file(upload.path, max_bytes=max_bytes, name=upload.file_name)
    sha256 = hashlib.sha256(upload.path.read_bytes()).hexdigest()
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
