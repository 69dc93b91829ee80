"""The tracker: case-review recommendations turned into action plans, and proof that learning was acted on."""
from __future__ import annotations

from typing import Any

from flask import Flask

from tracker.extensions import csrf, db, login_manager, migrate


def create_app(config: type | dict[str, Any] | None = None) -> Flask:
    from config import from_environment

    app = Flask(__name__, instance_relative_config=False)
    settings = from_environment() if config is None or isinstance(config, dict) else config
    app.config.from_object(settings)
    if isinstance(config, dict):
        app.config.update(config)
    if app.config.get("PROXY_COUNT"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    if not app.config["SECRET_KEY"]:
        raise RuntimeError("Set SECRET_KEY in the environment: it signs every session cookie.")

    from tracker import database, web

    db.init_app(app)
    database.configure_engines(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    web.init_app(app)

    from tracker.cli import register as register_cli

    register_cli(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from tracker.actions.routes import bp as actions_bp
    from tracker.admin.routes import bp as admin_bp
    from tracker.auth.routes import bp as auth_bp
    from tracker.board.routes import bp as board_bp
    from tracker.home.routes import bp as home_bp
    from tracker.imports.routes import bp as imports_bp
    from tracker.overview.routes import bp as overview_bp
    from tracker.reports.routes import bp as reports_bp
    from tracker.reviews.routes import bp as reviews_bp
    from tracker.search.routes import bp as search_bp

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


def _migrations_dir():  # type: ignore[no-untyped-def]
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "migrations"
