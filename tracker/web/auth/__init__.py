"""Signing in and out."""

from tracker.web.auth.routes import bp

__all__ = ["bp"]
