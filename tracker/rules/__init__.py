"""Business rules as plain Python: no Flask, no request, no database session."""


class DomainError(Exception):
    """A refusal the user can act on; its message is written in the user's words."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
