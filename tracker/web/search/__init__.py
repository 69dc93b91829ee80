"""Finding actions across reviews: filters kept in the URL, counted and paged in the database."""

from tracker.web.search.routes import bp

__all__ = ["bp"]
