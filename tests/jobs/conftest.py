"""The reports' scenario (two reviews, every stage of an action) serves the jobs' tests as well."""

from tests.reports.conftest import scenario

__all__ = ["scenario"]
