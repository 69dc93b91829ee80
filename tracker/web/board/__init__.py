"""The board's read-only summary: is the learning being acted on?"""

from tracker.web.board import rows
from tracker.web.board.routes import bp

__all__ = ["bp", "rows"]
