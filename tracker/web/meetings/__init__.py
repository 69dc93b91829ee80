"""The subgroup's meetings: record them, work through what waits for one, and see what one decided."""

from tracker.web.meetings.routes import bp

__all__ = ["bp"]
