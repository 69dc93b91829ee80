"""The subgroup's overview: progress per review and per agency, and what waits for a decision."""

from tracker.web.overview import rows
from tracker.web.overview.routes import bp

__all__ = ["bp", "rows"]
