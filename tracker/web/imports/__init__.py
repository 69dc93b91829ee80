"""Importing action plans, briefings and review reports, with a preview before anything is written."""

from tracker.web.imports.routes import bp

__all__ = ["bp"]
