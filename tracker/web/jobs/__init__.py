"""A job's page: how far a report or a large import has gone, and what it made or why it failed."""

from tracker.web.jobs.routes import bp

__all__ = ["bp"]
