"""Signing in and out, and two-factor sign-in."""

from tracker.web.auth import two_factor_routes
from tracker.web.auth.routes import bp

__all__ = ["bp", "two_factor_routes"]
