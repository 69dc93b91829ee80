"""The application factory: settings, extensions in one ordered block, the page shell, the blueprints."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker.db import db, prepare_engine
from tracker.web import shell, transactions
from tracker.web.extensions import csrf, login_manager, migrate

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def create_app(config: type | dict[str, Any] | None = None) -> Flask:
    from config import from_environment

    app = Flask("tracker", instance_relative_config=False)
    settings = from_environment() if config is None or isinstance(config, dict) else config
    app.config.from_object(settings)
    if isinstance(config, dict):
        app.config.update(config)
    if app.config.get("PROXY_COUNT"):
        hops = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("Set SECRET_KEY in the environment: it signs every session cookie.")

    db.init_app(app)
    with app.app_context():
        prepare_engine(db.engine)
    transactions.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    shell.init_app(app)

    from tracker.cli import register as register_cli

    register_cli(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from tracker.web.actions.routes import bp as actions_bp
    from tracker.web.admin.routes import bp as admin_bp
    from tracker.web.auth.routes import bp as auth_bp
    from tracker.web.board.routes import bp as board_bp
    from tracker.web.home.routes import bp as home_bp
    from tracker.web.imports.routes import bp as imports_bp
    from tracker.web.overview.routes import bp as overview_bp
    from tracker.web.reports.routes import bp as reports_bp
    from tracker.web.reviews.routes import bp as reviews_bp
    from tracker.web.search.routes import bp as search_bp

    for blueprint in (
        auth_bp,
        home_bp,
        actions_bp,
        reviews_bp,
        overview_bp,
        search_bp,
        board_bp,
        admin_bp,
        imports_bp,
        reports_bp,
    ):
        app.register_blueprint(blueprint)
