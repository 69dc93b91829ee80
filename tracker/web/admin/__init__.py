"""Administration: agencies, users, partnerships and themes, each with its own module of pages on one blueprint."""

from tracker.web.admin import agency_routes, catalogue_routes, routes, sign_in_routes, user_routes
from tracker.web.admin.blueprint import bp

__all__ = ["agency_routes", "bp", "catalogue_routes", "routes", "sign_in_routes", "user_routes"]
