"""What the engine sets on every connection it opens."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import text

from tracker.db import db


def test_postgresql_plans_each_statement_for_its_own_values(app: Flask) -> None:
    """A plan made once for any values read a lead agency's drifting actions in 11 ms where one made for the
    values took 3: the driver's prepared statements must not bring such plans in after their fifth run."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite plans every statement afresh")
        with db.engine.connect() as connection:
            for _ in range(7):  # past the driver's threshold for preparing a statement
                setting = connection.scalar(text("SELECT current_setting('plan_cache_mode')"))
    assert setting == "force_custom_plan"
