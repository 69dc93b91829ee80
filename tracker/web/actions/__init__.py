"""Actions: the page of one action, the lead agency's work on it, and the subgroup's decisions.

Each module of pages registers its views on the one blueprint when it is imported here.
"""

from tracker.web.actions import evidence_routes, routes, subgroup_routes
from tracker.web.actions.blueprint import bp

__all__ = ["bp", "evidence_routes", "routes", "subgroup_routes"]
