"""The floor the pages are measured against: a minimal Flask app that runs one 50-row query with its COUNT on
the tracker's actions table and renders them, served by the same gunicorn as the tracker.

    gunicorn 'benchmarks.floor:frozen_floor()'    # DATABASE_URL names the tracker's database

Served as the tracker is (`tracker.wsgi`): what the process holds once it has started is frozen out of the
garbage collector's sight.
"""

from __future__ import annotations

import gc
import os

from flask import Flask, render_template_string
from sqlalchemy import create_engine, text

PAGE = """<!doctype html><html lang="en"><head><title>Actions</title></head><body>
<p>{{ total }} actions</p><table>{% for row in rows %}<tr><td>{{ row.id }}</td><td>{{ row.description }}</td>
<td>{{ row.status }}</td><td>{{ row.target_date }}</td></tr>{% endfor %}</table></body></html>"""


def create_floor() -> Flask:
    app = Flask(__name__)
    engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)

    @app.get("/")
    def floor() -> str:
        with engine.connect() as connection:
            total = connection.scalar(text("SELECT count(*) FROM actions"))
            rows = connection.execute(
                text("SELECT id, description, status, target_date FROM actions ORDER BY id LIMIT 50")
            ).all()
        return render_template_string(PAGE, total=total, rows=rows)

    return app


def frozen_floor() -> Flask:
    app = create_floor()
    gc.collect()
    gc.freeze()
    return app
