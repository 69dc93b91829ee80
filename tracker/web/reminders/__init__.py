"""Reminders and escalation: a person's choice of digests, the administrators' windows, and escalating an action."""

from tracker.web.reminders import rows
from tracker.web.reminders.routes import bp

__all__ = ["bp", "rows"]
