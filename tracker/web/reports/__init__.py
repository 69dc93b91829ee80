"""Assurance reports: produce, list and download them."""

from tracker.web.reports.routes import bp

__all__ = ["bp"]
