"""Where evidence files live: outside `static/`, under generated names, with their SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoredFile:
    stored_name: str
    sha256: str
    size_bytes: int


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def save(self, content: bytes) -> StoredFile:
        self.root.mkdir(parents=True, exist_ok=True)
        # The user's file name never reaches the file system: it is kept as data only.
        stored_name = secrets.token_hex(16)
        path = self.root / stored_name
        with path.open("xb") as handle:
            handle.write(content)
        return StoredFile(stored_name, hashlib.sha256(content).hexdigest(), len(content))

    def path_of(self, stored_name: str) -> Path:
        if not stored_name.isalnum():
            raise ValueError("not a stored evidence name")
        return self.root / stored_name

    def discard(self, stored_name: str) -> None:
        """Only for a file whose database record never landed."""
        self.path_of(stored_name).unlink(missing_ok=True)
