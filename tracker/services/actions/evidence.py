"""Evidence behind an action: a file or a link, withdrawn with a reason, every download recorded."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import joinedload

from tracker import clock
from tracker.db import db
from tracker.models import Action, Evidence, Recommendation, User
from tracker.rules import DomainError
from tracker.rules.vocabulary import EvidenceKind
from tracker.services import audit
from tracker.services.actions.evidence_files import check_file
from tracker.services.storage import EvidenceStore

MAX_URL_LENGTH = 2000


def _blank(text: str | None) -> bool:
    return not (text and text.strip())


def add_evidence(
    *,
    actor: User,
    action: Action,
    kind: EvidenceKind | str | None,
    description: str,
    filename: str | None,
    content: bytes | None,
    url: str | None,
    store: EvidenceStore,
    max_bytes: int,
) -> Evidence:
    """A file or a link. A stored file whose record fails to flush is removed again."""
    if _blank(description):
        raise DomainError("Enter a description of the evidence", field="description")
    if kind not in {k.value for k in EvidenceKind}:
        raise DomainError("Select whether the evidence shows completion or impact", field="kind")
    url = (url or "").strip()
    has_file = bool(filename)
    if has_file and url:
        raise DomainError("Choose a file or enter a link, not both", field="file")
    if not has_file and not url:
        raise DomainError("Select a file, or enter a link to the evidence", field="file")
    evidence = Evidence(
        action=action,
        kind=EvidenceKind(kind),
        description=description.strip(),
        uploaded_by=actor,
        uploaded_at=clock.now(),
    )
    if url:
        evidence.url = check_link(url)
    else:
        checked = check_file(filename or "", content or b"", max_bytes=max_bytes)
        stored = store.save(content or b"")
        evidence.original_filename = checked.filename
        evidence.content_type = checked.content_type
        evidence.stored_name, evidence.sha256, evidence.size_bytes = (
            stored.stored_name,
            stored.sha256,
            stored.size_bytes,
        )
    try:
        db.session.add(evidence)
        db.session.flush()
        audit.record(
            "evidence.added",
            actor=actor,
            target=action,
            summary=evidence.description,
            after={
                "evidence_id": evidence.id,
                "kind": evidence.kind,
                "file": evidence.original_filename,
                "size_bytes": evidence.size_bytes,
                "sha256": evidence.sha256,
                "url": evidence.url,
            },
        )
    except BaseException:
        if evidence.stored_name:
            store.discard(evidence.stored_name)
        raise
    return evidence


def check_link(url: str) -> str:
    if len(url) > MAX_URL_LENGTH:
        raise DomainError(f"The link must be {MAX_URL_LENGTH} characters or fewer", field="url")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise DomainError("Enter a link without spaces, like https://www.example.org/report", field="url")
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise DomainError(
            "Enter a link that starts with https:// or http://, like https://www.example.org/report", field="url"
        )
    return url


def withdraw_evidence(*, actor: User, evidence: Evidence, reason: str) -> None:
    if evidence.held_for_decision and not evidence.is_withdrawn:
        raise DomainError(
            "Evidence cannot be withdrawn while the action is waiting for the subgroup's decision", field="reason"
        )
    reason = evidence.withdraw(reason, noun="evidence")
    db.session.flush()
    audit.record(
        "evidence.withdrawn",
        actor=actor,
        target=evidence.action,
        summary=evidence.description,
        before={"evidence_id": evidence.id, "withdrawn": False},
        after={"evidence_id": evidence.id, "withdrawn": True, "reason": reason},
    )


def record_download(*, actor: User, evidence: Evidence) -> None:
    audit.record(
        "evidence.downloaded",
        actor=actor,
        target=evidence.action,
        summary=evidence.original_filename or evidence.description,
        after={"evidence_id": evidence.id, "sha256": evidence.sha256},
    )


# What an evidence page loads with the evidence: its action, recommendation, review and lead agency.
WITH_ACTION = (
    joinedload(Evidence.action).joinedload(Action.recommendation).joinedload(Recommendation.review),
    joinedload(Evidence.action).joinedload(Action.lead_agency),
)


def stored_file(evidence: Evidence, store: EvidenceStore) -> Path | None:
    """The stored file behind the evidence, or None for a link or a file that has gone missing."""
    if not evidence.is_file or evidence.stored_name is None or evidence.file_removed_at is not None:
        return None
    path = store.path_of(evidence.stored_name)
    return path if path.is_file() else None


def stored_names_kept(names: list[str]) -> set[str]:
    """Which of these stored files have an evidence record in the database (the others never landed)."""
    try:
        return set(db.session.scalars(select(Evidence.stored_name).where(Evidence.stored_name.in_(names))))
    except SQLAlchemyError:
        return set()
