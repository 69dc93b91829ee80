"""The application factory: settings, extensions in one ordered block, the page shell, blueprints, commands.

It sits above both the web pages and the command line, which know nothing of each other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker.db import db, prepare_engine
from tracker.web import header, shell, templating, transactions
from tracker.web.extensions import csrf, login_manager, migrate

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def create_app(config: type | dict[str, Any] | None = None) -> Flask:
    from config import from_environment

    app = Flask("tracker", instance_relative_config=False)
    app.jinja_environment = templating.PageEnvironment
    settings = from_environment() if config is None or isinstance(config, dict) else config
    app.config.from_object(settings)
    if isinstance(config, dict):
        app.config.update(config)
    if app.config.get("PROXY_COUNT"):
        hops = app.config["PROXY_COUNT"]
        # Flask documents replacing wsgi_app with middleware; its type is a bound method, hence setattr.
        setattr(app, "wsgi_app", ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops))  # noqa: B010
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("Set SECRET_KEY in the environment: it signs every session cookie.")

    db.init_app(app)
    with app.app_context():
        prepare_engine(
            db.engine,
            busy_timeout_ms=app.config["SQLITE_BUSY_TIMEOUT_MS"],
            cache_mb=app.config["SQLITE_CACHE_MB"],
        )
    transactions.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    shell.init_app(app)
    header.init_app(app)

    from tracker import jobs
    from tracker.cli import register as register_cli

    jobs.init_app(app)

    register_cli(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from tracker.web import (
        actions,
        admin,
        audit,
        auth,
        board,
        home,
        imports,
        jobs,
        learning,
        meetings,
        overview,
        reminders,
        reports,
        reviews,
        search,
    )

    for feature in (
        auth,
        home,
        actions,
        reviews,
        overview,
        search,
        board,
        admin,
        imports,
        jobs,
        meetings,
        reports,
        reminders,
        learning,
        audit,
    ):
        app.register_blueprint(feature.bp)
