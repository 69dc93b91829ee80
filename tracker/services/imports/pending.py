"""Uploaded import files waiting between the preview and the confirmation.

They live outside `static/`, under unguessable generated names, with a small JSON note of who
uploaded them and what they chose; they are removed on confirmation, or after a day.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tracker import clock

TOKEN = re.compile(r"[a-f0-9]{32}")
KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True)
class PendingUpload:
    token: str
    path: Path
    file_name: str
    user_id: int
    uploaded_at: datetime
    choices: dict[str, Any]

    @property
    def owner_id(self) -> int:
        """Only the person who uploaded a file sees its preview (`tracker.access.policy.may_see`)."""
        return self.user_id


class PendingUploads:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def save(self, content: bytes, *, file_name: str, user_id: int, choices: dict[str, Any]) -> PendingUpload:
        self.root.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(16)
        path = self.root / f"{token}.upload"
        with path.open("xb") as handle:
            handle.write(content)
        uploaded_at = clock.now()
        note = {"file_name": file_name, "user_id": user_id, "uploaded_at": uploaded_at.isoformat(), "choices": choices}
        (self.root / f"{token}.json").write_text(json.dumps(note), encoding="utf-8")
        return PendingUpload(token, path, file_name, user_id, uploaded_at, choices)

    def load(self, token: str) -> PendingUpload | None:
        """The upload, or None when the token is malformed, unknown or expired."""
        if not TOKEN.fullmatch(token):
            return None
        path, note_path = self.root / f"{token}.upload", self.root / f"{token}.json"
        try:
            note = json.loads(note_path.read_text(encoding="utf-8"))
            uploaded_at = datetime.fromisoformat(note["uploaded_at"])
            upload = PendingUpload(
                token, path, str(note["file_name"]), int(note["user_id"]), uploaded_at, dict(note.get("choices") or {})
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not path.is_file() or clock.now() - uploaded_at > KEEP_FOR:
            return None
        return upload

    def discard(self, token: str) -> None:
        if TOKEN.fullmatch(token):
            for suffix in (".upload", ".json"):
                (self.root / f"{token}{suffix}").unlink(missing_ok=True)

    def sweep(self) -> None:
        """Remove uploads nobody confirmed within a day."""
        if not self.root.is_dir():
            return
        oldest = (clock.now() - KEEP_FOR).timestamp()
        for path in self.root.iterdir():
            if path.suffix in (".upload", ".json") and TOKEN.fullmatch(path.stem):
                try:
                    if path.stat().st_mtime < oldest:
                        path.unlink(missing_ok=True)
                except OSError:
                    continue
