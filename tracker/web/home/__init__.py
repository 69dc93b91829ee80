"""The home page each role starts from."""

from tracker.web.home import rows
from tracker.web.home.routes import bp

__all__ = ["bp", "rows"]
