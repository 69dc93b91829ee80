"""The audit trail for administrators."""

from tracker.web.audit.routes import bp

__all__ = ["bp"]
