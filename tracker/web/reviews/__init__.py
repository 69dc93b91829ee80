"""Reviews and their numbered recommendations: the plans the actions belong to."""

from tracker.web.reviews import list_routes, recommendation_routes, routes, rows
from tracker.web.reviews.blueprint import bp

__all__ = ["bp", "list_routes", "recommendation_routes", "routes", "rows"]
