"""Learning across reviews: themes, recurring learning, strategic plans, national recommendations, dissemination."""

from tracker.web.learning import plan_routes, routes
from tracker.web.learning.blueprint import bp

__all__ = ["bp", "plan_routes", "routes"]
