"""The web import: stage an upload, plan it against the tracker, and apply it once confirmed."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Agency, ImportRun, Partnership, Review, User
from tracker.parsing.detect import parse_file
from tracker.services.imports.apply import apply
from tracker.services.imports.compare import ImportOptions, build_plan
from tracker.services.imports.pending import PendingUpload, PendingUploads
from tracker.services.imports.preview import ImportPlan


def safe_file_name(name: str | None) -> str:
    """The name the user gave, without any folder part: shown and recorded, never used as a path."""
    base = Path((name or "").replace("\\", "/")).name.strip()
    return base[:255] or "upload"


def stage(store: PendingUploads, *, content: bytes, file_name: str, user: User, choices: dict[str, Any],
          session: Session, max_bytes: int) -> tuple[PendingUpload, ImportPlan]:
    """Keep the upload and plan it; the caller discards it when the plan cannot go ahead."""
    store.sweep()
    upload = store.save(content, file_name=file_name, user_id=user.id, choices=choices)
    return upload, plan_upload(upload, session=session, max_bytes=max_bytes)


def plan_upload(upload: PendingUpload, *, session: Session, max_bytes: int,
                agency_choices: dict[str, int | str] | None = None) -> ImportPlan:
    result = parse_file(upload.path, max_bytes=max_bytes, name=upload.file_name)
    sha256 = hashlib.sha256(upload.path.read_bytes()).hexdigest()
    choices = upload.choices
    options = ImportOptions(
        review_reference=choices.get("reference") or None,
        review_type=choices.get("review_type") or None,
        partnership_id=int(choices["partnership_id"]) if choices.get("partnership_id") else None,
        agency_choices=dict(agency_choices or {}),  # type: ignore[arg-type]
    )
    return build_plan(result, session=session, options=options, sha256=sha256)


def confirm(plan: ImportPlan, *, session: Session, actor: User) -> ImportRun:
    return apply(plan, session=session, actor=actor)


def partnerships(session: Session) -> list[Partnership]:
    return list(session.scalars(select(Partnership).order_by(Partnership.name)))


def active_agencies(session: Session) -> list[Agency]:
    return list(session.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)))


def recent_runs(session: Session, limit: int = 10) -> list[tuple[ImportRun, str | None, str | None]]:
    """The latest imports with their review's reference and who ran them, in one query."""
    query = (
        select(ImportRun, Review.reference, User.name)
        .outerjoin(Review, ImportRun.review_id == Review.id)
        .outerjoin(User, ImportRun.imported_by_id == User.id)
        .order_by(ImportRun.imported_at.desc(), ImportRun.id.desc())
        .limit(limit)
    )
    return [(run, reference, name) for run, reference, name in session.execute(query)]
